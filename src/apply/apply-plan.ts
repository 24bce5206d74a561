/**
 * The executor (an edge): carries out a plan's changes against Altinn. Phases run in order (writes,
 * then deletes, then writes that claim a client id a delete released), and within them a change
 * starts only after every change it `dependsOn` was applied. At most `concurrency` changes are in
 * flight. One failed system never stops the others: each ends as applied, skipped (why) or failed
 * (status, Altinn codes, message).
 */
import { AltinnClientError, AltinnError } from '../altinn/errors.ts';
import type { CallOptions, CreateResult } from '../altinn/register-client.ts';
import { DEFAULT_CONCURRENCY } from '../altinn/transport.ts';
import type { RegisterSystemRequest } from '../model/wire.ts';
import type { ChangeAction, ChangePhase, Plan, PlannedChange } from '../plan/plan-types.ts';

/** The part of `SystemRegisterClient` apply writes with; tests may hand in their own. */
export interface ApplyClient {
  createSystem(body: RegisterSystemRequest, options?: CallOptions): Promise<CreateResult>;
  updateSystem(id: string, body: RegisterSystemRequest, options?: CallOptions): Promise<void>;
  deleteSystem(id: string, options?: CallOptions): Promise<void>;
}

export type ApplyOutcome = 'applied' | 'skipped' | 'failed';

export type SkipReason =
  /** Phase 0: the plan says this change cannot be made (burned id, foreign vendor, held client id). */
  | 'blocked'
  /** A change it depends on (a client id release) was not applied. */
  | 'dependency-not-applied'
  /** `--plan` was given and this system is not in the reviewed plan. */
  | 'not-in-reviewed-plan'
  | 'aborted';

export interface SystemApplyResult {
  systemId: string;
  action: ChangeAction;
  outcome: ApplyOutcome;
  /** Skipped: why. */
  reason?: SkipReason;
  /** Failed: the HTTP status, or null when no answer came (network) or nothing was sent. */
  status?: number | null;
  /** Failed: AUTH.VLD codes from Altinn. */
  codes?: string[];
  /** Failed or skipped: one line for people. Applied: a note, e.g. a create confirmed by a read. */
  message?: string;
  durationMs: number;
}

export interface ApplyCounts {
  total: number;
  applied: number;
  skipped: number;
  failed: number;
}

export interface ApplyReport {
  environment: string;
  /** The checksum of the plan that was carried out. */
  checksum: string;
  /** One per planned change, in plan order. */
  results: SystemApplyResult[];
  counts: ApplyCounts;
  durationMs: number;
}

export interface ApplyProgress {
  result: SystemApplyResult;
  done: number;
  total: number;
}

export interface ApplyPlanOptions {
  client: ApplyClient;
  /** Changes in flight at once; default the transport's (16). */
  concurrency?: number;
  /** Stops starting changes; those in flight finish, the rest are reported as stopped. */
  signal?: AbortSignal;
  onProgress?: (progress: ApplyProgress) => void;
  /** Only these systems are applied; the rest are skipped as not reviewed. Default: all. */
  only?: ReadonlySet<string>;
  /** Clock for durations (tests). */
  now?: () => number;
}

const PHASE_RANK: Record<Exclude<ChangePhase, 0>, number> = { 1: 0, 2: 1, 3: 2 };

export async function applyPlan(plan: Plan, options: ApplyPlanOptions): Promise<ApplyReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
  }
  const total = plan.changes.length;
  const results = new Map<string, SystemApplyResult>();
  let done = 0;
  const settle = (result: SystemApplyResult): void => {
    results.set(result.systemId, result);
    done += 1;
    try {
      options.onProgress?.({ result, done, total });
    } catch {
      // Progress is for people watching; a broken pipe to them must not stop the apply.
    }
  };
  const skip = (change: PlannedChange, reason: SkipReason, message: string): void =>
    settle({
      systemId: change.systemId,
      action: change.action,
      outcome: 'skipped',
      reason,
      message,
      durationMs: 0,
    });

  // Whether the plan may run at all (deletes allowed, safe or forced) was decided before it got here.
  const runnable: PlannedChange[] = [];
  for (const change of plan.changes) {
    if (options.only && !options.only.has(change.systemId)) {
      skip(change, 'not-in-reviewed-plan', 'Not in the reviewed plan; it is left for its own review.');
    } else if (change.action === 'blocked' || change.phase === 0) {
      skip(change, 'blocked', change.blocked?.message ?? 'The plan marks this change as blocked.');
    } else {
      runnable.push(change);
    }
  }

  const pending = new Set(runnable.map((change) => change.systemId));
  const inFlight = new Set<string>();
  // Swap updates whose planned interim write landed: what others wait for is released.
  const released = new Set<string>();
  const byId = new Map(runnable.map((change) => [change.systemId, change]));
  // Changes not yet ended, per phase: a phase starts when every earlier one has ended.
  const open = [0, 0, 0];
  for (const change of runnable) open[rankOf(change)]! += 1;
  const end = (change: PlannedChange): void => {
    open[rankOf(change)]! -= 1;
  };

  await new Promise<void>((resolve) => {
    const start = (change: PlannedChange): void => {
      pending.delete(change.systemId);
      inFlight.add(change.systemId);
      void executeChange(change, options, now).then((result) => {
        inFlight.delete(change.systemId);
        end(change);
        settle(
          change.interimRelease && result.outcome === 'applied'
            ? { ...result, message: 'Applied in two writes (a client-id swap).' }
            : result,
        );
        pump();
      });
    };
    const startInterim = (change: PlannedChange, interim: RegisterSystemRequest): void => {
      pending.delete(change.systemId);
      inFlight.add(change.systemId);
      void executeInterimRelease(change, interim, options, now).then((failure) => {
        inFlight.delete(change.systemId);
        if (failure) {
          end(change);
          settle(failure);
        } else {
          released.add(change.systemId);
          pending.add(change.systemId);
        }
        pump();
      });
    };
    const pump = (): void => {
      let progressed = true;
      while (progressed) {
        progressed = false;
        if (options.signal?.aborted) {
          for (const id of [...pending]) {
            const change = byId.get(id) as PlannedChange;
            pending.delete(id);
            end(change);
            skip(change, 'aborted', 'Apply was stopped before this change started.');
          }
        }
        for (const change of runnable) {
          if (inFlight.size >= concurrency) break;
          if (!pending.has(change.systemId)) continue;
          if (!isPhaseOpen(change, open)) continue;
          // The planned interim write claims nothing, so it waits for no other system.
          if (change.interimRelease && !released.has(change.systemId)) {
            progressed = true;
            startInterim(change, change.interimRelease);
            continue;
          }
          const readiness = decideReadiness(change, pending, inFlight, released, results);
          if (readiness === 'wait') continue;
          progressed = true;
          if (readiness === 'go') start(change);
          else {
            pending.delete(change.systemId);
            end(change);
            skip(change, 'dependency-not-applied', readiness.message);
          }
        }
      }
      if (inFlight.size > 0) return;
      // Nothing runs and nothing can start: only a plan whose waits run in a circle gets here, and
      // the planner breaks those with interim writes. Apply sends no write the plan does not hold.
      for (const id of [...pending]) {
        pending.delete(id);
        skip(byId.get(id) as PlannedChange, 'dependency-not-applied', 'Its dependencies wait on each other.');
      }
      resolve();
    };
    pump();
  });

  const ordered = plan.changes.map((change) => results.get(change.systemId) as SystemApplyResult);
  const counts: ApplyCounts = { total, applied: 0, skipped: 0, failed: 0 };
  for (const result of ordered) counts[result.outcome] += 1;
  return {
    environment: plan.environment,
    checksum: plan.checksum,
    results: ordered,
    counts,
    durationMs: now() - started,
  };
}

type Readiness = 'go' | 'wait' | { message: string };

function rankOf(change: PlannedChange): number {
  return PHASE_RANK[change.phase as Exclude<ChangePhase, 0>];
}

/** Every change of an earlier phase has ended (deletes wait for all writes). */
function isPhaseOpen(change: PlannedChange, open: readonly number[]): boolean {
  for (let rank = 0; rank < rankOf(change); rank += 1) if ((open[rank] ?? 0) > 0) return false;
  return true;
}

function decideReadiness(
  change: PlannedChange,
  pending: ReadonlySet<string>,
  inFlight: ReadonlySet<string>,
  released: ReadonlySet<string>,
  results: ReadonlyMap<string, SystemApplyResult>,
): Readiness {
  for (const dependency of change.dependsOn) {
    if (released.has(dependency)) continue;
    if (pending.has(dependency) || inFlight.has(dependency)) return 'wait';
    const result = results.get(dependency);
    // A dependency missing from the plan is already true in Altinn.
    if (result && result.outcome !== 'applied') {
      return {
        message: `It claims a client id that ${dependency} releases, and that change was ${result.outcome}.`,
      };
    }
  }
  return 'go';
}

async function executeChange(
  change: PlannedChange,
  options: ApplyPlanOptions,
  now: () => number,
): Promise<SystemApplyResult> {
  const started = now();
  const base = { systemId: change.systemId, action: change.action };
  // The stop signal only keeps new changes from starting: a write in flight is left to finish, since
  // cutting it off would leave its outcome unknown.
  const call: CallOptions = {};
  try {
    if (change.action === 'delete') {
      await options.client.deleteSystem(change.systemId, call);
      return { ...base, outcome: 'applied', durationMs: now() - started };
    }
    const request = change.request;
    if (!request) {
      return {
        ...base,
        outcome: 'failed',
        status: null,
        codes: [],
        message: 'The plan holds no request body for this change.',
        durationMs: now() - started,
      };
    }
    if (change.action === 'create') {
      const created = await options.client.createSystem(request, call);
      return {
        ...base,
        outcome: 'applied',
        ...(created.confirmedByRead ? { message: 'The answer was lost; a read confirmed the create.' } : {}),
        durationMs: now() - started,
      };
    }
    await options.client.updateSystem(change.systemId, request, call);
    return { ...base, outcome: 'applied', durationMs: now() - started };
  } catch (error) {
    return { ...base, ...describeFailure(error), outcome: 'failed', durationMs: now() - started };
  }
}

/** The planned first write of a swap update. Returns a failed result, or undefined when it landed. */
async function executeInterimRelease(
  change: PlannedChange,
  interim: RegisterSystemRequest,
  options: ApplyPlanOptions,
  now: () => number,
): Promise<SystemApplyResult | undefined> {
  const started = now();
  const result = await executeChange({ ...change, request: interim }, options, now);
  if (result.outcome === 'applied') return undefined;
  return {
    ...result,
    message: `The first of two writes (releasing client ids for a swap) failed: ${result.message ?? ''}`,
    durationMs: now() - started,
  };
}

function describeFailure(error: unknown): { status: number | null; codes: string[]; message: string } {
  if (error instanceof AltinnError) {
    const body = error.bodyExcerpt ? ` ${error.bodyExcerpt}` : '';
    return {
      status: error.status,
      codes: error.codes,
      message:
        error.codes.length > 0
          ? error.message
          : `${error.method} ${error.path} answered ${error.status}:${body || ' (empty body)'}`,
    };
  }
  if (error instanceof AltinnClientError) return { status: null, codes: [], message: error.message };
  if (error instanceof Error && error.name === 'AbortError') {
    return { status: null, codes: [], message: 'Stopped while in flight; the next run reads the outcome.' };
  }
  return { status: null, codes: [], message: error instanceof Error ? error.message : String(error) };
}
