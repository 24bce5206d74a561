/**
 * Injected faults for every request outside `/_emulator/` (or only those under `pathPrefix`): latency,
 * 503s, 429s with `Retry-After`, connection resets after the request ran, and hangs. Drawn from a small
 * seeded PRNG so that a run is reproducible: one draw per request, in arrival order, partitioned by
 * the configured rates.
 */
export interface FaultSettings {
  /** Only requests whose path starts with this meet faults and latency; '' for every request. */
  pathPrefix: string;
  latencyMs: number;
  /** 503 without executing the request. */
  errorRate: number;
  /** 429 with `Retry-After: retryAfterSeconds`, without executing. */
  rateLimitRate: number;
  retryAfterSeconds: number;
  /** Execute (a write commits), then destroy the socket without answering. */
  resetRate: number;
  /** Never execute, never answer, until the client gives up or the emulator closes. */
  timeoutRate: number;
  seed: number;
}

export type InjectedFault = 'error' | 'rateLimit' | 'reset' | 'timeout';

export const NO_FAULTS: FaultSettings = {
  pathPrefix: '',
  latencyMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  resetRate: 0,
  timeoutRate: 0,
  seed: 1,
};

export type ParsedFaults = { ok: true; value: FaultSettings } | { ok: false; message: string };

/** Reads a `PUT /_emulator/faults` body; fields left out take the no-fault defaults. */
export function parseFaultSettings(body: unknown): ParsedFaults {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'body must be a JSON object' };
  }
  const input = body as Record<string, unknown>;
  const known = new Set(Object.keys(NO_FAULTS));
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length > 0) return { ok: false, message: `unknown field(s): ${unknown.join(', ')}` };
  const value: FaultSettings = { ...NO_FAULTS };
  if (input.pathPrefix !== undefined) {
    if (
      typeof input.pathPrefix !== 'string' ||
      (input.pathPrefix !== '' && !input.pathPrefix.startsWith('/'))
    )
      return { ok: false, message: "pathPrefix must be a string starting with '/' (or '' for every path)" };
    value.pathPrefix = input.pathPrefix;
  }
  for (const key of Object.keys(NO_FAULTS) as (keyof FaultSettings)[]) {
    if (key === 'pathPrefix') continue;
    const given = input[key];
    if (given === undefined) continue;
    if (typeof given !== 'number' || !Number.isFinite(given) || given < 0) {
      return { ok: false, message: `${key} must be a non-negative number` };
    }
    if (key.endsWith('Rate') && given > 1) return { ok: false, message: `${key} must be between 0 and 1` };
    value[key] = given;
  }
  const total = value.errorRate + value.rateLimitRate + value.resetRate + value.timeoutRate;
  if (total > 1)
    return { ok: false, message: 'errorRate + rateLimitRate + resetRate + timeoutRate must not exceed 1' };
  return { ok: true, value };
}

/** mulberry32: tiny, fast, and good enough to draw fault rates reproducibly. */
export function createSeededRandom(seed: number): () => number {
  let a = Math.floor(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private current: FaultSettings = NO_FAULTS;
  private random = createSeededRandom(NO_FAULTS.seed);

  get settings(): FaultSettings {
    return this.current;
  }

  configure(settings: FaultSettings): void {
    this.current = settings;
    this.random = createSeededRandom(settings.seed);
  }

  /** Do faults and latency apply to a request for `path`? */
  covers(path: string): boolean {
    return path.startsWith(this.current.pathPrefix);
  }

  /** The fault for the next request, or null to serve it normally. */
  draw(): InjectedFault | null {
    const s = this.current;
    if (s.errorRate + s.rateLimitRate + s.resetRate + s.timeoutRate === 0) return null;
    const r = this.random();
    let edge = s.errorRate;
    if (r < edge) return 'error';
    edge += s.rateLimitRate;
    if (r < edge) return 'rateLimit';
    edge += s.resetRate;
    if (r < edge) return 'reset';
    edge += s.timeoutRate;
    if (r < edge) return 'timeout';
    return null;
  }
}
