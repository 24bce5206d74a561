import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-GHMCHAWS.js";
import "./chunk-DK7K7JXS.js";
import "./chunk-DXGZLJ22.js";
import "./chunk-NNSO6N7S.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-YZ5APLDT.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-SJCXG7ZC.js";
import "./chunk-3XMSMDSQ.js";
import "./chunk-HXE227S6.js";
import "./chunk-I5XTK7A4.js";
import "./chunk-3YG4WO5P.js";
import "./chunk-RISSDVZM.js";
import "./chunk-PFLRPMBQ.js";
export {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
};
