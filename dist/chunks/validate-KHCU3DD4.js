import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-QN2H46T5.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-UU56D22B.js";
import "./chunk-KGULHHCH.js";
import "./chunk-XG5GZA5Y.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-IDQTVNP5.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-MAKOQR3N.js";
import "./chunk-LJMKBTNR.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-LPPGVJBP.js";
import "./chunk-RDKWUYD7.js";
import "./chunk-P2GHN5B7.js";
import "./chunk-TMLGWUGT.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
};
