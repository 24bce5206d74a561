#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-CSRH47XP.js";
import "./chunk-NQ6FXIXM.js";
import "./chunk-Y7QBMTI3.js";
import "./chunk-TGZCHSG2.js";
import "./chunk-YRZ4PKCB.js";
import "./chunk-HYUQQRIW.js";
import "./chunk-MXBULDQQ.js";
import "./chunk-QS53BEIT.js";
import "./chunk-LJMKBTNR.js";
import "./chunk-LPPGVJBP.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
