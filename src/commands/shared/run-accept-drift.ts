/**
 * The edge of `sysreg drift --accept`: takes the comparison drift already made, works out the edits
 * (src/adopt/accept-drift.ts), writes them all or none, and says what it did and what it left.
 */
import type { CommandContext } from '../../model/command.ts';
import type { LiveComparison } from './live-comparison.ts';
import type { ParsedSystem } from '../../systems/environments.ts';
import { acceptDrift } from '../../adopt/accept-drift.ts';
import type { AcceptDriftResult } from '../../adopt/accept-drift.ts';
import { writeFileSet } from '../../adopt/write-file-set.ts';

export async function runAcceptDrift(
  context: Pick<CommandContext, 'cwd' | 'stdout' | 'stderr'>,
  comparison: Pick<LiveComparison, 'environment' | 'desiredState' | 'live' | 'config'>,
  options: { only: readonly string[] | undefined; intoBase: boolean },
): Promise<AcceptDriftResult> {
  const result = acceptDrift({
    environment: comparison.environment,
    files: comparison.desiredState.files.filter((file): file is ParsedSystem => file.document !== undefined),
    live: comparison.live,
    only: options.only,
    // Altinn's two and the configured ones; `local` (the emulator) only when it is configured.
    environments: ['tt02', 'prod', ...Object.keys(comparison.config.environments)],
    intoBase: options.intoBase,
  });
  await writeFileSet(context.cwd, result.writes);
  context.stdout.write(renderAcceptedDrift(result));
  return result;
}

export function renderAcceptedDrift(result: AcceptDriftResult): string {
  const { environment } = result;
  const lines: string[] = [];
  for (const system of result.accepted) {
    const fields = system.fields
      .map((field) =>
        field.placement === 'base' ? field.field : `environments.${environment}.${field.field}`,
      )
      .join(', ');
    lines.push(`accepted ${system.file}: ${fields}`);
    if (system.keptApart.length > 0) {
      lines.push(
        `         only in ${environment}: ${system.keptApart.join(', ')} keep${system.keptApart.length === 1 ? 's' : ''} the base value. --into-base writes the base, for every environment.`,
      );
    }
  }
  for (const item of result.unaccepted) {
    lines.push(`left     ${item.file ?? item.systemId} (${item.kind}): ${item.reason}`);
  }
  for (const id of result.notDrifted) lines.push(`no drift ${id}`);
  const count = result.accepted.length;
  lines.push(
    '',
    count === 0
      ? `No drift to accept from ${environment}.`
      : `Wrote live values from ${environment} into ${count} file${count === 1 ? '' : 's'}; review the diff and open a pull request.`,
  );
  return `${lines.join('\n')}\n`;
}
