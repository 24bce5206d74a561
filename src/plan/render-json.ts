/**
 * Plans and drift reports as canonical JSON (sorted keys, two-space indent): the file `--out` writes
 * and apply reads, byte-identical for the same plan.
 */
import { stringifyCanonicalJson } from '../model/canonical-json.ts';
import type { DriftReport } from './drift.ts';
import { computeChangesChecksum } from './plan.ts';
import { PLAN_FORMAT_VERSION } from './plan-types.ts';
import type { Plan } from './plan-types.ts';

export function renderPlanJson(plan: Plan): string {
  return `${stringifyCanonicalJson(plan, 2)}\n`;
}

export function renderDriftJson(report: DriftReport): string {
  return `${stringifyCanonicalJson(report, 2)}\n`;
}

export type ParsedPlan = { ok: true; plan: Plan } | { ok: false; message: string };

/**
 * Reads a plan file back for apply. Rejects another format version, and a plan whose changes no longer
 * match its checksum (edited after review).
 */
export function parsePlanJson(text: string): ParsedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The plan file is not JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object')
    return { ok: false, message: 'The plan file is not a plan.' };
  const plan = value as Partial<Plan>;
  if (plan.formatVersion !== PLAN_FORMAT_VERSION) {
    return {
      ok: false,
      message: `The plan file has format version ${String(plan.formatVersion)}; this sysreg reads ${PLAN_FORMAT_VERSION}.`,
    };
  }
  if (!Array.isArray(plan.changes) || typeof plan.checksum !== 'string') {
    return { ok: false, message: 'The plan file has no changes or checksum.' };
  }
  const malformed = findMalformedPart(plan);
  if (malformed) return { ok: false, message: `The plan file is not a plan sysreg wrote: ${malformed}.` };
  const checksum = computeChangesChecksum(plan.changes);
  if (checksum !== plan.checksum) {
    return {
      ok: false,
      message: `The plan's changes do not match its checksum (${plan.checksum}, computed ${checksum}); it was edited after it was made.`,
    };
  }
  return { ok: true, plan: plan as Plan };
}

/** What apply reads of a plan beyond its changes' checksum, checked so a hand-made file is refused. */
function findMalformedPart(plan: Partial<Plan>): string | undefined {
  if (typeof plan.environment !== 'string') return '`environment` is not a string';
  for (const list of ['changes', 'unchanged', 'unmanaged'] as const) {
    const entries: unknown = plan[list];
    if (!Array.isArray(entries)) return `\`${list}\` is not a list`;
    const index = entries.findIndex(
      (entry: unknown) =>
        typeof entry !== 'object' ||
        entry === null ||
        typeof (entry as { systemId?: unknown }).systemId !== 'string',
    );
    if (index !== -1) return `\`${list}[${index}]\` has no systemId`;
  }
  const index = plan.changes!.findIndex(
    (change) =>
      !CHANGE_ACTIONS.has(change.action) || !Array.isArray(change.fields) || !Array.isArray(change.dependsOn),
  );
  if (index !== -1) return `\`changes[${index}]\` is not a planned change (action, fields, dependsOn)`;
  return undefined;
}

const CHANGE_ACTIONS: ReadonlySet<unknown> = new Set(['create', 'update', 'delete', 'blocked']);
