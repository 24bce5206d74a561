/**
 * The "no create for an id that already existed" check of the apply soak and kill tests, read
 * straight from the local Altinn's request log by each entry's `systemId`.
 */
import type { LoggedRequest } from './local-altinn.ts';

const REGISTER_VENDOR_PATH = '/authentication/api/v1/systemregister/vendor';

/**
 * The `POST /vendor` entries whose `systemId` already existed live when they were sent: an id in
 * `existedBefore` (seeded, or left by an earlier test step), or one a POST earlier in the log had
 * committed (answered 2xx, or ran and then lost its answer to a reset — the status is the one it
 * would have sent). A POST without a `systemId` is returned too: it cannot be shown not to be one.
 *
 * The log is in completion order; a committed POST is logged after its commit, so any POST sent
 * after the client could know of that commit comes later in the log.
 */
export function findCreatesOfExistingIds(
  log: readonly LoggedRequest[],
  existedBefore: Iterable<string> = [],
): LoggedRequest[] {
  const existing = new Set(existedBefore);
  const found: LoggedRequest[] = [];
  for (const entry of log) {
    if (entry.method !== 'POST' || entry.path.replace(/\/$/, '') !== REGISTER_VENDOR_PATH) continue;
    if (typeof entry.systemId !== 'string' || existing.has(entry.systemId)) {
      found.push(entry);
      continue;
    }
    if (entry.status >= 200 && entry.status < 300) existing.add(entry.systemId);
  }
  return found;
}
