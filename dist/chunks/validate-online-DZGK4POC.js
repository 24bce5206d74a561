import {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
} from "./chunk-T44JB2HA.js";
import "./chunk-W3JT335G.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-Z7BH6JNN.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-44CEY4TK.js";
import "./chunk-DFU2JLYT.js";
import "./chunk-NURQZPNX.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-QELJDGWZ.js";
import "./chunk-J7OVXALX.js";
import "./chunk-GYEAJOLA.js";
import "./chunk-HHA4FMR5.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-B7Y4Y63N.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
};
