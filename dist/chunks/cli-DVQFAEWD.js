#!/usr/bin/env node
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-T6NFELE3.js";
import "./chunk-CGDUWIAB.js";
import "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-WAVMJMXL.js";
import "./chunk-IOBAWFLS.js";
import "./chunk-VP34OMXV.js";
import "./chunk-PE4WBMRQ.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
