import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-PZZFBDO3.js";
import "./chunk-IASQ3JYR.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-CJT42SBS.js";
import "./chunk-5L4NZPND.js";
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
