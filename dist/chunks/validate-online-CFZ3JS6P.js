import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-FTSC6TC2.js";
import "./chunk-ISQSY6WQ.js";
import "./chunk-WS77QPQM.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-45THH6ML.js";
import "./chunk-JNF55H2Q.js";
import "./chunk-QS53BEIT.js";
import "./chunk-BDN6F3SG.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-NZCQROFE.js";
import "./chunk-NG2XJFTZ.js";
import "./chunk-U457DVOV.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-IDQTVNP5.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-WZTWGM6U.js";
import "./chunk-5DKA26V4.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-DRPIBXME.js";
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
