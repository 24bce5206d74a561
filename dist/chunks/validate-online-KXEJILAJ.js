import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-OGALMJ2Q.js";
import "./chunk-2ZCOHHFX.js";
import "./chunk-BFBO2YSW.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-7Z3AVTUW.js";
import "./chunk-P2PUFDEH.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-WUTOALF4.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-V36GMKU2.js";
import "./chunk-ACCGICZ2.js";
import "./chunk-JUMBZASA.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-65BTMLHI.js";
import "./chunk-J7OVXALX.js";
import "./chunk-5SKKQJGY.js";
import "./chunk-WCB62TWN.js";
import "./chunk-BAGTZW7W.js";
import "./chunk-FNHPKAK2.js";
import "./chunk-7JFUIT5D.js";
import "./chunk-ZGWOK2MR.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";
export {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
};
