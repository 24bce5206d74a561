import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-O2VUEGZE.js";
import "./chunk-O2GHP747.js";
import "./chunk-W3Y5SBTU.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-Y7HMJB2Q.js";
import "./chunk-SC5P5PEX.js";
import "./chunk-QS53BEIT.js";
import "./chunk-H7AY6VCH.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-I3XWIO7A.js";
import "./chunk-R3FZRAIC.js";
import "./chunk-KOQTTC3B.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-MZAI5OD6.js";
import "./chunk-LIZD3WMD.js";
import "./chunk-JL2D3Q3I.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-RDKWUYD7.js";
import "./chunk-P2GHN5B7.js";
import "./chunk-TMLGWUGT.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
};
