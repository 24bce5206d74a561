/**
 * The fault soak, short: 40 systems applied from empty under 10% 503, 10% 429 (Retry-After 1 s), 5%
 * resets and 2% hangs. The 200-system version is scripts/soak-apply.ts (`npm run test:reliability`).
 */
import { describe, expect, it } from 'vitest';
import { runApplySoak } from '../support/apply-soak.ts';

const FAULTS = {
  errorRate: 0.1,
  rateLimitRate: 0.1,
  retryAfterSeconds: 1,
  resetRate: 0.05,
  timeoutRate: 0.02,
};

describe('apply under faults', () => {
  it('converges within three runs, never creates an id twice, and each run ends in bounded time', async () => {
    const result = await runApplySoak({
      systems: 40,
      faults: { ...FAULTS, seed: 11 },
      requestTimeoutSeconds: 1,
      maxRuns: 3,
    });
    expect(result.converged).toBe(true);
    expect(result.runs.length).toBeLessThanOrEqual(3);
    expect(result.storedSystems).toBe(40);
    // Each system was created exactly once, though some answers were lost to resets and hangs.
    expect(result.createsThatLanded).toBe(40);
    expect(result.duplicateCreates).toEqual([]);
    // Directly, by the log's systemId: no POST went out for an id a POST before it had created.
    expect(result.createsOfExistingIds).toEqual([]);
    expect(result.createdIds).toEqual(result.specIds);
    expect(result.burnedIdAnswers).toBe(0);
    // Failures under faults were reported without a token or key in the output.
    expect(result.leakedSecrets).toEqual([]);
    // The faults were really there.
    for (const fault of ['error', 'rateLimit', 'reset', 'timeout'])
      expect(result.faultsMet[fault] ?? 0).toBeGreaterThan(0);
    // Bounded: a hang costs one request timeout, a 429 its Retry-After, each within the retry budget.
    for (const run of result.runs) expect(run.durationMs).toBeLessThan(25_000);
  }, 90_000);
});
