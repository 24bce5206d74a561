/** Runs the real CLI as a child process on Node 24, as users and CI do. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NODE = path.join(REPO, 'node_modules', '.bin', 'node');
const CLI = path.join(REPO, 'src', 'cli.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `asUser` runs the child as another user id (possible only when the tests run as root); `env` adds
 * variables (credentials for commands that talk to the local Altinn).
 */
export function runCli(
  args: string[],
  cwd: string,
  asUser?: number,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      NODE,
      [CLI, ...args],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
        timeout: 20_000,
        maxBuffer: 16 * 1024 * 1024,
        ...(asUser === undefined ? {} : { uid: asUser, gid: asUser }),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export const REPO_ROOT = REPO;
