#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-OLBYAD3C.js";
import "./chunk-NQ6FXIXM.js";
import "./chunk-CPPCATJ4.js";
import "./chunk-45THH6ML.js";
import "./chunk-QS53BEIT.js";
import "./chunk-5DKA26V4.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-DRPIBXME.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
