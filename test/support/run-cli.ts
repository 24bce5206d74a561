/** Runs the real CLI as a child process (Node 24, type stripping), bounded in time. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `asUser` runs the child as another user id (only possible when the tests run as root). */
export function runCli(args: string[], cwd: string, asUser?: number): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd,
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1' },
        ...(asUser === undefined ? {} : { uid: asUser, gid: asUser }),
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
