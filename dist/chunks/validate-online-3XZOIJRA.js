import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-252IKR7P.js";
import "./chunk-YC4ZRUWO.js";
import "./chunk-WBBXBMBR.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-MDUPOTUU.js";
import "./chunk-SC5P5PEX.js";
import "./chunk-QS53BEIT.js";
import "./chunk-AP4R7RLS.js";
import "./chunk-FTFKRZ4A.js";
import "./chunk-4LPHMG3T.js";
import "./chunk-KCMVIGDX.js";
import "./chunk-KOQTTC3B.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-5D3DEEUL.js";
import "./chunk-5NJA7UTE.js";
import "./chunk-UD5QVOAW.js";
import "./chunk-ES5KJZ65.js";
import "./chunk-LIZD3WMD.js";
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
