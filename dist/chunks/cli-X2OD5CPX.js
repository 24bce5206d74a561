#!/usr/bin/env node
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-O4PKAPEX.js";
import "./chunk-CGDUWIAB.js";
import "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-W7SKD7UY.js";
import "./chunk-IOBAWFLS.js";
import "./chunk-73FOSWQG.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-NTFQWOPD.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-7VZ5H7B6.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
