#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-QZUTGCSO.js";
import "./chunk-NQ6FXIXM.js";
import "./chunk-YRZ4PKCB.js";
import "./chunk-MXBULDQQ.js";
import "./chunk-QS53BEIT.js";
import "./chunk-LJMKBTNR.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-LPPGVJBP.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
