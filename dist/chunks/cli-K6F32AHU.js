#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-QAU4KMNI.js";
import "./chunk-IALPLWMB.js";
import "./chunk-XNHMOAUS.js";
import "./chunk-VDKDWPEL.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
