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

/**
 * The tests' copy of the example systems. Tests read these, never the repository's systems/, so they
 * pass whatever systems/ holds; test/systems/examples.test.ts is the one check of systems/ itself.
 */
export const EXAMPLE_SYSTEMS = path.join(REPO, 'test', 'fixtures', 'example-systems');

/**
 * The CLI as another user runs it: built from the current sources into a world-readable temporary
 * folder, beside a copy of Node, so it works even when the checkout sits under a folder that user
 * cannot enter (a clone under /root, or in a `mktemp -d` folder). `skip` says why it cannot run here.
 */
export type CliAsUser =
  | { run: (args: string[], cwd: string, env?: Record<string, string>) => Promise<CliResult> }
  | { skip: string };

const preparedForUser = new Map<number, Promise<CliAsUser>>();

export function prepareCliAsUser(uid: number): Promise<CliAsUser> {
  let prepared = preparedForUser.get(uid);
  if (!prepared) {
    prepared = buildCliForUser(uid);
    preparedForUser.set(uid, prepared);
  }
  return prepared;
}

async function buildCliForUser(uid: number): Promise<CliAsUser> {
  const { chmod, copyFile, link, mkdtemp, realpath, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { buildBundles } = await import('../../scripts/build.ts');
  const folder = await mkdtemp(path.join(tmpdir(), 'sysreg-cli-as-user-'));
  process.once('exit', () => void rm(folder, { recursive: true, force: true }));
  await chmod(folder, 0o755);
  await buildBundles(REPO, path.join(folder, 'dist'));
  const node = path.join(folder, 'node');
  const realNode = await realpath(NODE);
  await link(realNode, node).catch(() => copyFile(realNode, node));
  await chmod(node, 0o755);
  const cli = path.join(folder, 'dist', 'bin.js');
  const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    new Promise<CliResult>((resolve) => {
      execFile(
        node,
        [cli, ...args],
        { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, timeout: 20_000, uid, gid: uid },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  // The temporary folder itself may sit under one the user cannot enter (a private TMPDIR).
  const probe = await run(['--version'], folder);
  if (probe.code !== 0) {
    return {
      skip: `user ${uid} cannot run Node from ${folder} (${probe.stderr.trim() || `exit ${probe.code}`})`,
    };
  }
  return { run };
}
