#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-LMGUR6IT.js";
import "./chunk-NQ6FXIXM.js";
import "./chunk-JFDNQY3D.js";
import "./chunk-Y7HMJB2Q.js";
import "./chunk-QS53BEIT.js";
import "./chunk-JL2D3Q3I.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
