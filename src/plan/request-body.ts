import { copyRequestFields, type RegisterSystemRequest } from '../model/wire.ts';
import type { SystemSpec } from '../model/system.ts';

/** The body of POST/PUT: every field explicit, as the file writes it (Altinn normalises on its side). */
export function buildRegisterRequest(spec: SystemSpec): RegisterSystemRequest {
  return copyRequestFields(spec);
}
