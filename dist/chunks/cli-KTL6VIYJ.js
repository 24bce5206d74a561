#!/usr/bin/env node
import {
  COMMANDS,
  main,
  runFromProcess
} from "./chunk-WMAZEINW.js";
import "./chunk-CGDUWIAB.js";
import "./chunk-XNLBO73S.js";
import "./chunk-7Z3AVTUW.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-BAGTZW7W.js";
import "./chunk-FNHPKAK2.js";
import "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";
export {
  COMMANDS,
  main,
  runFromProcess
};
