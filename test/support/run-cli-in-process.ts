/** Runs the real CLI in-process through `main()` (src/cli.ts), capturing what it writes. */
import { main } from '../../src/cli.ts';
import type { CliResult } from './run-cli.ts';

export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal (colour is then allowed unless NO_COLOR is set). */
  isTTY?: boolean;
}

export async function runCliInProcess(argv: string[], options: InProcessOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: {
      write: (text: string) => (stdout += text),
      ...(options.isTTY ? { isTTY: true } : {}),
    },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/**
 * `sysreg.config.yaml` that points the named environments at the local Altinn, so a test can plan
 * "tt02" or "prod" as a file resolves for them without leaving 127.0.0.1.
 */
export function renderLocalEnvironmentsConfig(
  url: string,
  environments: readonly string[],
  extra = '',
): string {
  const lines = ['environments:'];
  for (const name of environments) {
    lines.push(`  ${name}:`, `    platformUrl: ${url}`, `    maskinportenUrl: ${url}/maskinporten/`);
  }
  return `${lines.join('\n')}\n${extra}`;
}
