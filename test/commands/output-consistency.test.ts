/**
 * The commands read alike, through the real CLI: validate colours like plan on a terminal (and not
 * with NO_COLOR), the plan header says when the files are not what the commit holds, plan explains
 * which way its arrows read, and an unsafe plan's message reads as sentences.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSystemSpec, startApplyBench, toLiveSystem } from '../apply/apply-fixtures.ts';
import type { ApplyBench } from '../apply/apply-fixtures.ts';
import { seedSystems } from '../support/local-altinn.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const CLI = path.join(REPO_ROOT, 'src', 'cli.ts');
const GOLDEN_REPO = path.join(import.meta.dirname, 'golden', 'repo');
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** `sysreg <args>` on a pseudo-terminal (util-linux `script`); what the terminal showed. */
function runOnTerminal(args: string[], cwd: string, env: Record<string, string>): Promise<string> {
  const command = [NODE, CLI, ...args].map((part) => `'${part}'`).join(' ');
  const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) =>
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(screen);
    }),
  );
}

describe.runIf(HAS_SCRIPT)('validate on a terminal', () => {
  it('colours severities like plan does, and not with NO_COLOR', async () => {
    const coloured = await runOnTerminal(['validate'], GOLDEN_REPO, {});
    expect(coloured).toContain('\u001b[31merror\u001b[0m');
    const plain = await runOnTerminal(['validate'], GOLDEN_REPO, { NO_COLOR: '1' });
    expect(plain).toContain('  error  ');
    expect(plain).not.toContain('\u001b[');
  }, 30_000);
});

describe('plan output', () => {
  it('marks uncommitted changes in the header and explains which way its arrows read', async () => {
    bench = await startApplyBench();
    const spec = buildSystemSpec('edited');
    await seedSystems(bench.altinn.url, [toLiveSystem(spec)]);
    await bench.writeSystem(spec);
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: bench!.repo.root, encoding: 'utf8' }).trim();
    git('init', '--quiet');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '--quiet', '-m', 'x');
    const head = git('rev-parse', 'HEAD');

    const clean = await bench.sysreg('plan', '--env', 'local');
    expect(clean.stdout.split('\n')[0]).toBe(`sysreg plan for local at ${head}`);

    await bench.writeSystem({ ...spec, description: { ...spec.description, en: 'Edited' } });
    const edited = await bench.sysreg('plan', '--env', 'local');
    expect(edited.stdout.split('\n')[0]).toBe(`sysreg plan for local at ${head} + uncommitted changes`);
    expect(edited.stdout).toContain(
      'Updates read Altinn → git: left or - is Altinn now, right or + is what apply writes.',
    );
    expect(edited.stdout).toContain('description.en: "About edited" → "Edited"');
  }, 30_000);

  it('says why a plan is unsafe in sentences', async () => {
    bench = await startApplyBench();
    await bench.writeConfig('safety:\n  maxChangeShare: 0.3\n  minSystemsForShare: 3\n');
    const specs = ['one', 'two', 'three', 'four'].map((name) => buildSystemSpec(name));
    await seedSystems(
      bench.altinn.url,
      specs.map((spec) => toLiveSystem(spec)),
    );
    for (const spec of specs) await bench.writeSystem({ ...spec, isVisible: false });
    const plan = await bench.sysreg('plan', '--env', 'local');
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/^sysreg plan: the plan is unsafe: .*[^.]\. Review it, then run apply/m);
    expect(plan.stderr).not.toContain('..');
  }, 30_000);
});
