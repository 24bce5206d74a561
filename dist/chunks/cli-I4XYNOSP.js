#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-BZ5U6UR2.js";
import "./chunk-6DYVK6L6.js";
import "./chunk-BWGYRILG.js";
import "./chunk-KBDEQPMX.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
