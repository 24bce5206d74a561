import {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
} from "./chunk-4QXQ56IU.js";
import "./chunk-O6E3MLC2.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-NLQ3QRQQ.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-4EZJHFKE.js";
import "./chunk-HTATWITR.js";
import "./chunk-O7WPZCOJ.js";
import "./chunk-LTTDTWR3.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-ZERHEBEW.js";
import "./chunk-J7OVXALX.js";
import "./chunk-XTLGM2XZ.js";
import "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-SJD3TTC4.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
};
