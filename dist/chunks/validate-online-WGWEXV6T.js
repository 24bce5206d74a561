import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-5NPR6MUF.js";
import "./chunk-SMRX35RZ.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-NPP5UNWJ.js";
import "./chunk-AHJD57Q6.js";
import "./chunk-YUVCE3VC.js";
import "./chunk-PNURGIQ4.js";
import "./chunk-TSA53NLN.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-VVEFD54Z.js";
import "./chunk-A77YVPWU.js";
import "./chunk-5GBYCYPV.js";
import "./chunk-I5XTK7A4.js";
import "./chunk-3YG4WO5P.js";
import "./chunk-RISSDVZM.js";
import "./chunk-PFLRPMBQ.js";
export {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
};
