import {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
} from "./chunk-SLHE2I4N.js";
import "./chunk-UFU6P2TZ.js";
import "./chunk-C5XMS3MP.js";
import "./chunk-B463NR5T.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-73FOSWQG.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-2NMT55SO.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-WMRIJ3RZ.js";
import "./chunk-Q4JKU2BB.js";
import "./chunk-PZS6YYEJ.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-J7OVXALX.js";
import "./chunk-Z36RGUAU.js";
import "./chunk-NTFQWOPD.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-7JFUIT5D.js";
import "./chunk-ZGWOK2MR.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";
export {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
};
