import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-NXNLOJCZ.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-3OB3CHC6.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-EA3YSOAD.js";
import "./chunk-5L4NZPND.js";
import "./chunk-KBDEQPMX.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-OVXZ2TY6.js";
import "./chunk-5ZBV57TN.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
};
