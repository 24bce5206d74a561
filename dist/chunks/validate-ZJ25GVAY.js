import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-NYSZLGIF.js";
import "./chunk-7NOI2AF5.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-G6XEQELQ.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-7XM6UA5P.js";
import "./chunk-PD2XGLPH.js";
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
