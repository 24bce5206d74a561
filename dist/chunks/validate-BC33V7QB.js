import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-JTIKUBV3.js";
import "./chunk-C3IIPVB4.js";
import "./chunk-DXGZLJ22.js";
import "./chunk-5FXT3LDW.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-YZ5APLDT.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-56ZUMXYX.js";
import "./chunk-A77YVPWU.js";
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
