import {
  MAX_JOB_SUMMARY_BYTES,
  createActionsRunner,
  createInertLogOutput,
  failStep,
  limitJobSummary,
  maskSecret,
  readInput
} from "./chunk-FFJOBAUL.js";
import "./chunk-B7AQ6FAF.js";
import "./chunk-XUPUTSX3.js";
import "./chunk-7VZ5H7B6.js";
export {
  MAX_JOB_SUMMARY_BYTES,
  createActionsRunner,
  createInertLogOutput,
  failStep,
  limitJobSummary,
  maskSecret,
  readInput
};
