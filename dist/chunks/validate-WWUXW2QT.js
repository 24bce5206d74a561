import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-6WB3B5M4.js";
import "./chunk-I3XWIO7A.js";
import "./chunk-BPVE62J5.js";
import "./chunk-BC4NG3AC.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-FUE2572V.js";
import "./chunk-4BFJ5OYC.js";
import "./chunk-JL2D3Q3I.js";
import "./chunk-A6OVEODK.js";
import "./chunk-23SMZZTB.js";
import "./chunk-TMLGWUGT.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
};
