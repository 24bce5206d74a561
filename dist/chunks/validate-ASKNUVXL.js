import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-UTULEVQD.js";
import "./chunk-RIHMXBDH.js";
import "./chunk-OURIPAYX.js";
import "./chunk-BC4NG3AC.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-XLV653IL.js";
import "./chunk-4BFJ5OYC.js";
import "./chunk-KBDEQPMX.js";
import "./chunk-K4IDP6GV.js";
import "./chunk-UEDY57WB.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
};
