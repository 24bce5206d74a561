// The tests that cover the mutated modules (src/plan, src/apply, src/systems/rules*, the canonical
// comparison) in-process, without a child process, an HTTP server or a long load loop, so a mutation
// run ends in bounded time. The real-CLI and local-Altinn tests cover the same code end to end, at
// seconds per mutant.
import { defineConfig } from 'vitest/config';

// SYSREG_MUTATION_TESTS (comma-separated globs) narrows the tests for a bounded run.
const narrowed = process.env.SYSREG_MUTATION_TESTS?.split(',').filter(Boolean);

// Property tests: a thousand generated inputs through instrumented code take seconds under load.
const PROPERTY_TESTS = [
  'test/model/sameness.test.ts',
  'test/plan/canonical.test.ts',
  'test/plan/plan-properties.test.ts',
];
const UNIT_TESTS = [
  'test/plan/**/*.test.ts',
  'test/model/**/*.test.ts',
  'test/apply/apply-plan.test.ts',
  'test/apply/apply-failures.test.ts',
  'test/apply/apply-run.test.ts',
  'test/apply/combine-reviewed-plans.test.ts',
  'test/apply/compare-reviewed-plan.test.ts',
  'test/apply/review-differences.test.ts',
  'test/apply/render-apply-run.test.ts',
  'test/apply/render-apply-outcomes.test.ts',
  'test/apply/verify-apply.test.ts',
  'test/systems/rule-fixtures.test.ts',
  'test/systems/rule-messages.test.ts',
  'test/systems/validate.test.ts',
  'test/github/report-builders.test.ts',
];

export default defineConfig({
  test: {
    projects: narrowed
      ? [{ test: { name: 'narrowed', include: narrowed, testTimeout: 60_000 } }]
      : [
          {
            test: {
              name: 'unit',
              // Pure tests: modules evaluated once per worker instead of once per file and mutant run.
              isolate: false,
              include: UNIT_TESTS,
              // Over HTTP against a local Altinn: seconds per mutant.
              exclude: [
                'test/plan/delete-cost.test.ts',
                // Spawns a process to check a file system call; covers no mutated module.
                'test/model/write-file-atomically.test.ts',
                ...PROPERTY_TESTS,
              ],
              // Each takes under a second alone (seconds on a loaded machine); a mutant that leaves a
              // promise unsettled (an apply that never ends) fails here instead of holding a runner
              // until Stryker restarts it.
              testTimeout: 20_000,
              hookTimeout: 20_000,
            },
          },
          { test: { name: 'property', include: PROPERTY_TESTS, testTimeout: 60_000 } },
        ],
  },
});
