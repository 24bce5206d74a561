#!/usr/bin/env node
import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-457PVMVA.js";
import "./chunk-NQ6FXIXM.js";
import "./chunk-FRJ7O6UR.js";
import "./chunk-DNXHSLXV.js";
import "./chunk-HXE227S6.js";
import "./chunk-O6KUALBQ.js";
import "./chunk-RISSDVZM.js";
import "./chunk-PFLRPMBQ.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
