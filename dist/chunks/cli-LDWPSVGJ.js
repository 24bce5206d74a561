#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-SSZS7DGP.js";
import "./chunk-BRMATHUG.js";
import "./chunk-NPP5UNWJ.js";
import "./chunk-5GBYCYPV.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
