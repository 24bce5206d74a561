import {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
} from "./chunk-USSQU5CS.js";
import "./chunk-VS7IWCEO.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-VJF5DK6G.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-2YP47SMP.js";
import "./chunk-JA72TZGZ.js";
import "./chunk-5WQU3S3X.js";
import "./chunk-B463NR5T.js";
import "./chunk-Y6H6IDJD.js";
import "./chunk-PZS6YYEJ.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-CHKF7YDO.js";
import "./chunk-J7OVXALX.js";
import "./chunk-4PHZLAF6.js";
import "./chunk-V6NAYTBV.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-RHGWO4I5.js";
import "./chunk-RPKBACA5.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  fetchEnvironmentCatalogue,
  restrictToEnvironment,
  runOnlineValidation
};
