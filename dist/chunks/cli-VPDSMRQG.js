#!/usr/bin/env node
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-IEMHOYRL.js";
import "./chunk-CGDUWIAB.js";
import "./chunk-QSS2BETW.js";
import "./chunk-NXYE4RLX.js";
import "./chunk-INHK5KOL.js";
import "./chunk-OGJUZ5FT.js";
import "./chunk-ZERHEBEW.js";
import "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
