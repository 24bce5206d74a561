import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-CZKNK7IY.js";
import "./chunk-5UCLY4NT.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-Y7HMJB2Q.js";
import "./chunk-QS53BEIT.js";
import "./chunk-PZZFBDO3.js";
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
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
};
