import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);
import {
  redactSecrets,
  toRedactedCause
} from "./chunk-FQYLUTNN.js";
import "./chunk-PFLRPMBQ.js";
export {
  redactSecrets,
  toRedactedCause
};
