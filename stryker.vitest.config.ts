// The tests that cover the mutated modules (src/plan, src/apply, src/systems/rules*, the canonical
// comparison) without a child process or a long load loop, so a mutation run ends in bounded time.
import { defineConfig } from 'vitest/config';

// SYSREG_MUTATION_TESTS (comma-separated globs) narrows the tests for a bounded run.
const narrowed = process.env.SYSREG_MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed ?? [
      'test/plan/**/*.test.ts',
      'test/model/**/*.test.ts',
      'test/apply/apply-plan.test.ts',
      'test/apply/apply-property.test.ts',
      'test/apply/compare-reviewed-plan.test.ts',
      'test/apply/render-apply-run.test.ts',
      'test/systems/rule-fixtures.test.ts',
      'test/systems/validate.test.ts',
    ],
    testTimeout: 30_000,
  },
});
