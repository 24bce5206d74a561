/**
 * One sentence about the two writes of an update in a client-id swap, for the text and Markdown
 * plans, so a reviewer sees every write apply sends. Plain text: each renderer escapes it.
 */
import type { PlannedChange } from './plan-types.ts';

/** `undefined` for a change written once. */
export function describeSwapWrites(change: PlannedChange): string | undefined {
  if (!change.interimRelease) return undefined;
  const quote = (ids: readonly string[]) => (ids.length > 0 ? ids.map((id) => `"${id}"`).join(', ') : 'none');
  const after = change.dependsOn.length > 0 ? `after ${change.dependsOn.join(', ')}, ` : '';
  return `Client-id swap in two writes: first it releases ${quote(change.releasesClientIds ?? [])} (keeping ${quote(change.interimRelease.clientId)}), then, ${after}it is written in full.`;
}
