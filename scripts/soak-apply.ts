/**
 * Reliability soak for `sysreg apply` (issue 6): 200 systems applied from empty against the local
 * Altinn with 10% 503, 10% 429 (Retry-After 1 s), 5% connection resets and 2% hangs, for several
 * seeds. Passes when, for every seed, at most three runs make the plan empty and Altinn equal to git,
 * no POST was sent for an id that already existed (by the request log's `systemId`), every id was
 * created once, nothing answers AUTH.VLD-00002, and each run ends within the bound. Run: npm run test:reliability (or npx node scripts/soak-apply.ts [seeds]).
 */
import { runApplySoak } from '../test/support/apply-soak.ts';

const SYSTEMS = 200;
const RUN_BOUND_MS = 90_000;
const seeds = (process.argv[2] ?? '1,2,3').split(',').map(Number);

let ok = true;
for (const seed of seeds) {
  const result = await runApplySoak({
    systems: SYSTEMS,
    faults: {
      errorRate: 0.1,
      rateLimitRate: 0.1,
      retryAfterSeconds: 1,
      resetRate: 0.05,
      timeoutRate: 0.02,
      seed,
    },
    requestTimeoutSeconds: 2,
    maxRuns: 3,
  });
  const problems: string[] = [];
  if (!result.converged) problems.push('did not converge within 3 runs');
  if (result.storedSystems !== SYSTEMS)
    problems.push(`Altinn holds ${result.storedSystems} systems, not ${SYSTEMS}`);
  if (result.createsThatLanded !== SYSTEMS)
    problems.push(`${result.createsThatLanded} creates landed, not ${SYSTEMS}`);
  if (result.createsOfExistingIds.length > 0)
    problems.push(
      `${result.createsOfExistingIds.length} POSTs for ids that already existed: ${result.createsOfExistingIds
        .map((entry) => entry.systemId)
        .join(', ')}`,
    );
  if (result.createdIds.join() !== result.specIds.join())
    problems.push(`created ids differ from the repo's: ${result.createdIds.length} of ${SYSTEMS}`);
  if (result.duplicateCreates.length > 0)
    problems.push(`${result.duplicateCreates.length} creates for existing ids`);
  if (result.burnedIdAnswers > 0) problems.push(`${result.burnedIdAnswers} answers with AUTH.VLD-00002`);
  if (result.leakedSecrets.length > 0) problems.push(`output held ${result.leakedSecrets.join(', ')}`);
  for (const [index, run] of result.runs.entries()) {
    if (run.durationMs > RUN_BOUND_MS) problems.push(`run ${index + 1} took ${run.durationMs} ms`);
  }
  ok &&= problems.length === 0;
  console.log(
    JSON.stringify({
      seed,
      systems: SYSTEMS,
      runs: result.runs,
      faultsMet: result.faultsMet,
      tokenRequests: result.tokenRequests,
      createsThatLanded: result.createsThatLanded,
      createsOfExistingIds: result.createsOfExistingIds.length,
      verdict: problems.length === 0 ? 'pass' : problems,
    }),
  );
}
process.exitCode = ok ? 0 : 1;
