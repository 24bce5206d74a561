/**
 * apply's question before it writes, as Terraform asks it: on a terminal the plan is shown and only
 * `yes` goes ahead. Where no one can answer, a write needs a decision made up front instead: `--yes`
 * (octoDNS's `--doit`), a CI job (`CI=true`, the workflow is the decision) or a reviewed plan
 * (`--plan`, like `terraform apply planfile`). Machine output (`--format json`) never asks.
 */
import { createInterface } from 'node:readline/promises';
import { UsageError, type CommandContext } from '../../model/command.ts';

export type ApplyConsent = 'given' | 'ask';

export interface ConsentInputs {
  yes: boolean;
  reviewedPlan: boolean;
  format: string;
}

/** True in CI as the runners set it (`CI=true`; GitHub Actions, GitLab, Azure and others do). */
export function isContinuousIntegration(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/** Decided before Altinn is read: a run that cannot be confirmed is refused before anything else. */
export function decideApplyConsent(
  context: Pick<CommandContext, 'env' | 'stdin' | 'stdout'>,
  inputs: ConsentInputs,
): ApplyConsent {
  if (inputs.yes || inputs.reviewedPlan || isContinuousIntegration(context.env)) return 'given';
  if (inputs.format === 'json') {
    throw new UsageError('--format json never asks before applying; add --yes to apply without a question.');
  }
  if (context.stdout.isTTY && context.stdin?.().isTTY) return 'ask';
  throw new UsageError(
    'apply asks before writing, but this is not a terminal, so no one can answer. ' +
      'Add --yes to apply without a question (CI=true does the same in a CI job), ' +
      'or --plan with a reviewed plan file.',
  );
}

/** Asks on the terminal; only `yes` is a yes. Ctrl-C here is an interruption like anywhere else. */
export async function askToApply(
  context: Pick<CommandContext, 'stdin' | 'stdout' | 'signal'>,
  question: string,
): Promise<boolean> {
  const stdin = context.stdin?.();
  if (!stdin) return false;
  // Not in raw mode (terminal: false): the terminal itself turns Ctrl-C into SIGINT as usual.
  const lines = createInterface({ input: stdin, terminal: false });
  try {
    context.stdout.write(`${question}\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `);
    const { signal } = context;
    let onAbort = (): void => undefined;
    const answer = await new Promise<string | undefined>((resolve, reject) => {
      onAbort = () => reject(signal?.reason);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      lines.once('line', (line) => resolve(line));
      // End of input (Ctrl-D, a closed pipe) is not a yes.
      lines.once('close', () => resolve(undefined));
    }).finally(() => signal?.removeEventListener('abort', onAbort));
    context.stdout.write('\n');
    return answer?.trim() === 'yes';
  } finally {
    lines.close();
  }
}
