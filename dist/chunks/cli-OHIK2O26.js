#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-4T72OZ3S.js";
import "./chunk-CBQTQJWS.js";
import "./chunk-ZL4HWBU2.js";
import "./chunk-XKZMV32S.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
