/**
 * `npm run demo`: the whole sysreg loop on a local Altinn, with no credentials and no set-up.
 *
 * Starts the local Altinn in-process, registers a Maskinporten client with a key generated on the
 * spot (handed to the CLI in its child-process environment, never printed), copies the example systems to a
 * scratch repository, seeds live state that differs from it, then runs the real CLI
 * (`node src/cli.ts … --env local`) for each step: validate, plan, apply, a clean plan, and drift
 * after an out-of-band change. Exits 1 when a step does not end as the story expects.
 *
 *   npm run demo            npx node scripts/demo.ts [--keep]   (--keep leaves the scratch repository)
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import type { LiveSystem } from '../src/model/wire.ts';
import { loadDesiredState } from '../src/commands/shared/desired-state.ts';
import { DEMO_ORG_NUMBER, registerDemoClient } from '../src/emulator/demo-client.ts';
import { startEmulator } from '../src/emulator/index.ts';
import type { SystemSpec } from '../src/model/system.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const CLI = path.join(REPO, 'src', 'cli.ts');
/**
 * The Fjordsoft example systems the demo is written around. A copy kept with the tests, so the demo
 * runs the same whatever the repository's own systems/ holds.
 */
const DEMO_SYSTEMS = path.join(REPO, 'test', 'fixtures', 'example-systems');
const STEP_TIMEOUT_MS = 30_000;

const REGNSKAP = `${DEMO_ORG_NUMBER}_fjordsoft_regnskap`;
const LONN = `${DEMO_ORG_NUMBER}_fjordsoft_lonn`;
const KLIENTPORTAL = `${DEMO_ORG_NUMBER}_fjordsoft_klientportal`;
const HAND_MADE = `${DEMO_ORG_NUMBER}_portal_test`;
const RETIRED = `${DEMO_ORG_NUMBER}_fjordsoft_timeliste`;

/** A retired system: the file stays as a tombstone, and apply deletes the live system. */
const TOMBSTONE = `# yaml-language-server: $schema=../.sysreg/system.schema.json
# Retired in 2026: the file stays as a tombstone, so the id is never reused by mistake.
id: ${RETIRED}
vendor:
  ID: "0192:${DEMO_ORG_NUMBER}"
name:
  nb: Fjordsoft Timeliste
  nn: Fjordsoft Timeliste
  en: Fjordsoft Timesheet
description:
  nb: Erstattet av Fjordsoft Lønn.
  nn: Erstatta av Fjordsoft Løn.
  en: Replaced by Fjordsoft Payroll.
rights:
  - resource:
      - id: urn:altinn:resource
        value: ske-krav-og-betalinger
isDeleted: true
`;

interface Step {
  title: string;
  /** One or two sentences on what the step shows. */
  story: string;
  args: string[];
  /** Exit codes that mean the step went as the story says. */
  expect: number[];
}

const { values: options } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const out = process.stdout;
const useColor = Boolean(out.isTTY) && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
let stepNumber = 0;
const STEP_COUNT = 7;

function printTitle(title: string, story: string): void {
  stepNumber += 1;
  const heading = `── ${stepNumber}/${STEP_COUNT}  ${title} `;
  out.write(`\n${paint('1;36', heading.padEnd(100, '─'))}\n`);
  for (const line of story.split('\n')) out.write(`${paint('2', line)}\n`);
}

/** The CLI's environment: the user's, minus anything that could point it at a real Altinn or GitHub. */
function buildChildEnvironment(clientEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(MASKINPORTEN_|SYSREG_|GITHUB_)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...clientEnv, NO_COLOR: '1' };
}

/** Runs `node src/cli.ts …` in the scratch repository and streams its output, indented. */
function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  out.write(`${paint('1', `$ sysreg ${args.join(' ')}`)}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGTERM'), STEP_TIMEOUT_MS);
    const indent = (chunk: Buffer) => chunk.toString('utf8').replace(/^(?=.)/gm, '  ');
    child.stdout.on('data', (chunk: Buffer) => out.write(indent(chunk)));
    child.stderr.on('data', (chunk: Buffer) => out.write(paint('33', indent(chunk))));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 124 : 1));
    });
  });
}

async function control(url: string, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/_emulator/${route}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /_emulator/${route} answered ${response.status}: ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

function toLiveSystem(spec: SystemSpec): LiveSystem {
  return structuredClone({ ...spec, isDeleted: false });
}

async function prepareScratchRepository(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sysreg-demo-'));
  await mkdir(path.join(root, 'systems'));
  for (const name of await readdir(DEMO_SYSTEMS)) {
    if (name.endsWith('.yaml'))
      await copyFile(path.join(DEMO_SYSTEMS, name), path.join(root, 'systems', name));
  }
  await writeFile(path.join(root, 'systems', `${RETIRED}.yaml`), TOMBSTONE);
  return root;
}

/** Live Altinn as it might be before sysreg manages it: close to git, but not the same. */
async function seedLiveState(url: string, root: string): Promise<string[]> {
  const desired = await loadDesiredState(root, 'local');
  if (desired.invalid) throw new Error('the example systems do not validate; run `npm run sysreg validate`');
  const spec = (id: string) => {
    const found = desired.desired.find((system) => system.spec.id === id)?.spec;
    if (!found) throw new Error(`the demo needs systems/${id}.yaml`);
    return found;
  };
  const regnskap = toLiveSystem(spec(REGNSKAP));
  regnskap.name = { ...regnskap.name, nb: 'Fjordsoft Regnskap Classic', en: 'Fjordsoft Accounting Classic' };
  const retired = toLiveSystem(spec(RETIRED));
  const handMade: LiveSystem = {
    id: HAND_MADE,
    vendor: { ID: `0192:${DEMO_ORG_NUMBER}` },
    name: { nb: 'Testsystem', nn: 'Testsystem', en: 'Test system' },
    description: { nb: 'Laget i portalen', nn: 'Laga i portalen', en: 'Made by hand in the portal' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'ske-krav-og-betalinger' }] }],
    accessPackages: [],
    clientId: [],
    allowedRedirectUrls: [],
    isVisible: false,
    isDeleted: false,
  };
  await control(url, 'POST', 'systems', [
    regnskap,
    toLiveSystem(spec(LONN)),
    toLiveSystem(spec(KLIENTPORTAL)),
    retired,
    handMade,
  ]);
  return [
    `${REGNSKAP}: live, but someone renamed it to "Fjordsoft Accounting Classic"`,
    `${LONN}, ${KLIENTPORTAL}: live, exactly as in git`,
    `${DEMO_ORG_NUMBER}_fjordsoft_integrasjon: in git, not in Altinn yet`,
    `${HAND_MADE}: made by hand in the portal; no file describes it`,
    `${RETIRED}: still live, while git declares it deleted (isDeleted: true)`,
  ];
}

/** Someone edits a system in the portal after the apply: the change drift must catch. */
async function changeOutOfBand(url: string): Promise<string> {
  const stored = (await control(url, 'GET', 'systems')) as LiveSystem[];
  const lonn = stored.find((system) => system.id === LONN);
  if (!lonn) throw new Error(`${LONN} is missing after apply`);
  lonn.description = { ...lonn.description, en: 'Payroll. Edited in the portal on a Friday night.' };
  lonn.allowedRedirectUrls = [...lonn.allowedRedirectUrls, 'https://staging.lonn.fjordsoft.example/cb'];
  await control(url, 'POST', 'systems', [lonn]);
  return `${LONN}: description.en edited and a redirect URL added, outside git`;
}

async function runDemo(): Promise<number> {
  const started = performance.now();
  const emulator = await startEmulator({ port: 0 });
  const root = await prepareScratchRepository();
  try {
    printTitle(
      'Start a local Altinn',
      'The system register, Maskinporten and the catalogues, in this process, on loopback. A Maskinporten\n' +
        'client gets an RSA key generated just now; the CLI receives it in its environment only.',
    );
    const client = await registerDemoClient(emulator.url);
    out.write(`  local Altinn      ${emulator.url}\n`);
    out.write(
      `  Maskinporten      client ${client.clientId} (vendor 0192:${client.orgNumber}), key ${client.kid}\n`,
    );
    out.write(`  repository        ${root} (the example systems, plus one tombstone)\n`);
    const env = buildChildEnvironment(client.env);

    printTitle(
      'Seed live Altinn so that it differs from git',
      'What a vendor typically finds when they first point sysreg at an existing register.',
    );
    for (const line of await seedLiveState(emulator.url, root)) out.write(`  • ${line}\n`);

    const steps: (Step | (() => Promise<Step>))[] = [
      {
        title: 'validate: check every file offline',
        story:
          'Runs on every pull request, with no secrets: the same rules Altinn applies, with file and line.',
        args: ['validate'],
        expect: [0],
      },
      {
        title: 'plan: the diff a reviewer sees on the pull request',
        story:
          'Reads live Altinn and shows what apply would do, field by field. The hand-made system is\n' +
          'reported as unmanaged and left alone. Exit 2 = there are changes (--detailed-exitcode).',
        args: ['plan', '--env', 'local', '--detailed-exitcode'],
        expect: [2],
      },
      {
        title: 'apply: make Altinn match git (on merge to main)',
        story:
          'Creates and updates first, then deletes. Deleting burns the id for good, so it needs --allow-delete.',
        args: ['apply', '--env', 'local', '--allow-delete'],
        expect: [0],
      },
      {
        title: 'plan again: nothing left to do',
        story: 'Altinn now matches git. The hand-made system is still only reported.',
        args: ['plan', '--env', 'local', '--detailed-exitcode'],
        expect: [0],
      },
      async () => {
        const what = await changeOutOfBand(emulator.url);
        return {
          title: 'drift: catch a change made outside git',
          story: `Simulated: ${what}.\nThe daily drift job runs this and keeps one issue open while it lasts.`,
          args: ['drift', '--env', 'local', '--detailed-exitcode'],
          expect: [2],
        };
      },
    ];
    for (const entry of steps) {
      const step = typeof entry === 'function' ? await entry() : entry;
      printTitle(step.title, step.story);
      const code = await runCli(step.args, root, env);
      if (!step.expect.includes(code)) {
        out.write(
          `\n${paint('31', `demo: \`sysreg ${step.args.join(' ')}\` exited ${code}; expected ${step.expect.join(' or ')}.`)}\n`,
        );
        return 1;
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.write(
      `\n${paint('1;32', `Done in ${seconds} s: validate, plan, apply, a clean plan and drift, on a local Altinn.`)}\n` +
        'Try the commands by hand: `npm run emulator -- --demo-client`, paste the export lines it prints,\n' +
        'then `npx sysreg plan --env local`. The README has the details.\n',
    );
    return 0;
  } finally {
    await emulator.close();
    if (options.keep) out.write(`(kept ${root})\n`);
    else await rm(root, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await runDemo();
} catch (error) {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
