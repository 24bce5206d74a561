#!/usr/bin/env node
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-CYTEYLP5.js";
import "./chunk-CGDUWIAB.js";
import "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-FEOSGBIE.js";
import "./chunk-IOBAWFLS.js";
import "./chunk-QELJDGWZ.js";
import "./chunk-HHA4FMR5.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
