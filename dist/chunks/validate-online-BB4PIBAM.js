import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
} from "./chunk-JQBEOICB.js";
import "./chunk-EF75NJSG.js";
import "./chunk-BANDOQQZ.js";
import "./chunk-GXJ3DS7S.js";
import "./chunk-XNHMOAUS.js";
import "./chunk-WI5J2YF6.js";
import "./chunk-AD5ZUEGT.js";
import "./chunk-SJZNRVLY.js";
import "./chunk-BC4NG3AC.js";
import "./chunk-G7IWAAZC.js";
import "./chunk-47EHJWBS.js";
import "./chunk-3VVXVFR3.js";
import "./chunk-UDSRFZFG.js";
import "./chunk-4BFJ5OYC.js";
import "./chunk-VDKDWPEL.js";
import "./chunk-K4IDP6GV.js";
import "./chunk-UEDY57WB.js";
import "./chunk-DFEVOAXM.js";
import "./chunk-PFLRPMBQ.js";
export {
  command,
  fetchEnvironmentCatalogue,
  restrictToEnvironment
};
