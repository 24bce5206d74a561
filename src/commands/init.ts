/**
 * `sysreg init [--vendor ORG] [--environments tt02,prod]`: sets up a git repository to keep its
 * systems with sysreg. Creates only files that do not exist; a file already there is left exactly as
 * it is and named, with what it would have needed.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { findGitRoot } from '../config/repository-root.ts';
import { checkEnvironmentNames, IGNORED_WORKING_FILES, renderInitFiles } from '../init/init-files.ts';
import { ACTION_PIN } from '../release.ts';
import { SYSTEMS_DIRECTORY } from '../systems/discover.ts';
import { resolveSystemIdentity } from '../systems/system-skeleton.ts';
import { describeFileError } from '../model/describe-file-error.ts';
import { UsageError, type Command } from '../model/command.ts';
import { writeFileAtomically } from '../model/write-file-atomically.ts';

export const command: Command<{ vendor?: string; environments: string }> = {
  name: 'init',
  declare(commandLine) {
    commandLine
      .usage('[--vendor ORG] [--environments tt02,prod]')
      .description(
        `Sets up the git repository you are in for sysreg: systems/ (one YAML file per system),
sysreg.config.yaml naming the environments, .gitignore entries for plan and drift files, the JSON
Schema the files point at (.sysreg/system.schema.json), and GitHub workflows that run the sysreg
action (pinned by commit) on pull requests, on merge to main and daily for drift.

Files that already exist are never changed; init says which it kept.`,
      )
      .option('--vendor <org>', 'Your organisation number (9 digits), noted in sysreg.config.yaml.')
      .option(
        '--environments <list>',
        'Comma-separated environments, in the order sync applies them.',
        'tt02,prod',
      )
      .addHelpText('after', '\nExit status: 0 set up (or already set up), 1 error.');
  },
  async run({ stdout, workingDirectory, cwd }, { options: values }) {
    const environments = values.environments
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const problem = checkEnvironmentNames(environments);
    if (problem) throw new UsageError(problem);
    let vendor: string | undefined;
    if (values.vendor !== undefined) {
      // The same check `sysreg new --vendor` makes, on a placeholder system name.
      const identity = resolveSystemIdentity('init', values.vendor);
      if ('problem' in identity) throw new UsageError(identity.problem);
      vendor = identity.organisationNumber;
    }

    const start = workingDirectory ?? cwd;
    const root = findGitRoot(start);
    if (root === undefined) {
      throw new UsageError(`'${start}' is not inside a git repository; run 'git init' first.`);
    }
    // An existing systems folder is the vendor's: no .gitkeep is added to it.
    const hasSystemsFolder = await stat(path.join(root, SYSTEMS_DIRECTORY)).then(
      (info) => info.isDirectory(),
      () => false,
    );

    const created: string[] = [];
    const kept: string[] = [];
    if (hasSystemsFolder) kept.push(`${SYSTEMS_DIRECTORY}/ (exists)`);
    for (const file of renderInitFiles({ environments, vendor, action: ACTION_PIN })) {
      if (hasSystemsFolder && file.path.startsWith(`${SYSTEMS_DIRECTORY}/`)) continue;
      const target = path.join(root, file.path);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        // Create only: an existing file (even one made a moment ago) is never replaced.
        await writeFileAtomically(target, file.text, { exclusive: true });
        created.push(file.path);
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'EEXIST') {
          throw new UsageError(`cannot write '${file.path}': ${describeFileError(error)}`);
        }
        kept.push(await describeKeptFile(root, file.path, file.text));
      }
    }

    const lines = [`sysreg init in ${root}`];
    for (const file of created) lines.push(`  created ${file}`);
    for (const note of kept) lines.push(`  kept    ${note}`);
    lines.push(
      '',
      'Next:',
      `  1. sysreg new <id> --vendor ${vendor ?? '<organisation number>'}, then sysreg validate.`,
      `  2. In GitHub (Settings → Environments) create ${[...environments, ...environments.map((name) => `${name}-apply`)].join(', ')},`,
      '     each with the secrets MASKINPORTEN_CLIENT_ID, MASKINPORTEN_KID and MASKINPORTEN_PRIVATE_KEY',
      '     and deployments from main only; required reviewers, if any, on the -apply ones.',
      '  3. Commit and push; require the checks validate and plan (<env>) on main.',
    );
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** Why an existing file was kept, and what it lacks that init would have written. */
async function describeKeptFile(root: string, file: string, wanted: string): Promise<string> {
  const existing = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
  if (existing === undefined || existing === wanted) return `${file} (exists)`;
  if (file === '.gitignore') {
    const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
    const missing = IGNORED_WORKING_FILES.filter((pattern) => !present.has(pattern));
    if (missing.length > 0) return `${file} (exists; add the lines: ${missing.join(' ')})`;
    return `${file} (exists)`;
  }
  return `${file} (exists, differs from what init writes; left as it is)`;
}
