import {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
} from "./chunk-GK4HAFAV.js";
import "./chunk-PDUQQBXM.js";
import "./chunk-E2EXR7GZ.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-QELJDGWZ.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-DOWWYQ6N.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-474NEOBC.js";
import "./chunk-DFU2JLYT.js";
import "./chunk-PZS6YYEJ.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-J7OVXALX.js";
import "./chunk-FAS45U4X.js";
import "./chunk-HHA4FMR5.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-O6VX3QZ6.js";
import "./chunk-B7Y4Y63N.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";
export {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
};
