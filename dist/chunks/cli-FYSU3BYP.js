#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-IDXEL7O2.js";
import "./chunk-3T32HAJJ.js";
import "./chunk-BWGYRILG.js";
import "./chunk-KBDEQPMX.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
