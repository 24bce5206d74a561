#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-F4FWE2XM.js";
import "./chunk-7IKEP7SO.js";
import "./chunk-XNHMOAUS.js";
import "./chunk-VDKDWPEL.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
