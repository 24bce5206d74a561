#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-BX7A4WIA.js";
import "./chunk-NQ6FXIXM.js";
import "./chunk-6UPP7EIX.js";
import "./chunk-MDUPOTUU.js";
import "./chunk-QS53BEIT.js";
import "./chunk-UD5QVOAW.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-LIZD3WMD.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
