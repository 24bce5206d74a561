import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-DR7MHSSZ.js";
import "./chunk-KJTKWIC4.js";
import "./chunk-7HJAMLTI.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-Y7HMJB2Q.js";
import "./chunk-QS53BEIT.js";
import "./chunk-F66GDKRI.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-I3XWIO7A.js";
import "./chunk-4U6XKUOH.js";
import "./chunk-BC4NG3AC.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-Z7YQBOLQ.js";
import "./chunk-4BFJ5OYC.js";
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
