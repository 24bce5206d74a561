import {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
} from "./chunk-42RGRYHC.js";
import "./chunk-MF25HGVO.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-GU6XMMAW.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-23R6NLTG.js";
import "./chunk-H43I6I4J.js";
import "./chunk-NQR5KDSH.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-PZS6YYEJ.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-VP34OMXV.js";
import "./chunk-J7OVXALX.js";
import "./chunk-SCIYDNXD.js";
import "./chunk-PE4WBMRQ.js";
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
