#!/usr/bin/env node
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-WQPSEMJD.js";
import "./chunk-CGDUWIAB.js";
import "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-GWPSH2I2.js";
import "./chunk-IOBAWFLS.js";
import "./chunk-CHKF7YDO.js";
import "./chunk-V6NAYTBV.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
