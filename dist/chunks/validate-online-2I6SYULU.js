import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-N3AMD4WI.js";
import "./chunk-374ADJ5H.js";
import "./chunk-T7GLRRMH.js";
import "./chunk-BWQOPTHA.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-Y7HMJB2Q.js";
import "./chunk-QS53BEIT.js";
import "./chunk-BH5ICDXZ.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-XXR5ILOO.js";
import "./chunk-I3XWIO7A.js";
import "./chunk-4IGVLCBI.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-5DG7SN6T.js";
import "./chunk-SGZWG35K.js";
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
