/**
 * A live system in the shape of a system file, for `import` and `drift --accept`: a missing list is
 * `[]`, a null right action and anything Altinn adds beyond the model are left out. Values stay as
 * Altinn stores them (URLs normalised by it), in its order. Pure.
 */
import { copyRequestFields, type LiveSystem } from '../model/wire.ts';
import type { SystemSpec } from '../model/system.ts';

export function specFromLive(live: LiveSystem): SystemSpec {
  const fields = copyRequestFields(live);
  return {
    ...fields,
    // Altinn drops empty client ids when it reads its text[] back; the file says what it will hold.
    clientId: fields.clientId.filter((clientId) => clientId !== ''),
    isDeleted: live.isDeleted === true,
  };
}
