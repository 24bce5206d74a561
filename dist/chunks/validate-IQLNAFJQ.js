import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
} from "./chunk-GRY2WWZH.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-EY6K7S3J.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-TSA53NLN.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-AINIVONT.js";
import "./chunk-A77YVPWU.js";
import "./chunk-HXE227S6.js";
import "./chunk-O6KUALBQ.js";
import "./chunk-CCCN3KXY.js";
import "./chunk-3YG4WO5P.js";
import "./chunk-RISSDVZM.js";
import "./chunk-PFLRPMBQ.js";
export {
  VALIDATE_USAGE,
  command,
  parseValidateArguments,
  runValidation
};
