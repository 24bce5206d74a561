/**
 * Builds sysreg's JavaScript from src/ with esbuild, in one go for both consumers:
 * - dist/bin.js: the npm package's `sysreg` (package.json `bin`), a Node-version guard in front of the CLI;
 * - dist/action.js: the GitHub Action's entry (action.yml `runs.main`).
 * Everything is bundled (no node_modules at run time); code that only some commands need sits in
 * chunks under dist/chunks/, loaded when used, so `validate` never parses the HTTP or GitHub stacks.
 * The output is deterministic (no timestamps; chunk names are content hashes), so the committed dist/
 * can be checked against a fresh build:
 *
 *   npm run build            rebuild dist/
 *   npm run build -- --check build into a temporary folder and fail when dist/ differs (CI runs this)
 */
import { build, type Plugin } from 'esbuild';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CompileSchemaModule from '../src/systems/compile-schema.ts';
import type * as ConfigSchemaModule from '../src/config/config-schema.ts';
import type * as SystemSchemaModule from '../src/systems/schema.ts';
import { parseArgs } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '..');
export const DIST_DIRECTORY = 'dist';

/** The oldest Node the bundle's syntax must run on: the engines floor (src/release.ts). */
const TARGET = 'node22';

/**
 * Bundled CommonJS dependencies call `require` for Node built-ins; ESM has none, so give them one. Only
 * the chunk holding esbuild's `__require` helper reads `require`, so only that chunk gets the shim.
 */
const REQUIRE_SHIM =
  "import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);";
const READS_REQUIRE = /\btypeof require\b/;

/** `text` with the shim after its `#!` line, if any (a shebang must stay the first line). */
function withRequireShim(text: string): string {
  const shebang = /^#!.*\n/.exec(text)?.[0] ?? '';
  return `${shebang}${REQUIRE_SHIM}\n${text.slice(shebang.length)}`;
}

/**
 * Node built-ins read as CommonJS values (`process.getBuiltinModule`) instead of imported as ES modules.
 * Node builds an ES module of a built-in by reading every export, which runs lazy getters that load
 * more of Node (`node:util` loads its diff and argument parser, `node:process` its report): about a
 * tenth of what the validate path spent beyond a bare Node start. A destructured read touches only the names used.
 * `node:child_process` (commander's, for subcommands sysreg does not have) loads on first use.
 * Written in ES2015 terms by esbuild, each import is one line of the form matched here.
 */
const BUILTIN_IMPORT =
  /^import (?:([\w$]+)|\* as ([\w$]+)|\{([^}]*)\}|([\w$]+), \{([^}]*)\}) from "(node:[\w/]+)";$/gm;
const LOADED_ON_FIRST_USE = new Set(['node:child_process']);

function readBuiltin(id: string): string {
  if (id === 'node:process') return 'globalThis.process';
  const load = `globalThis.process.getBuiltinModule(${JSON.stringify(id)})`;
  return LOADED_ON_FIRST_USE.has(id) ? `new Proxy({}, { get: (_, key) => ${load}[key] })` : load;
}

/** `{ a, b as c }` as a destructuring pattern: `{ a, b: c }`. */
function toPattern(names: string): string {
  return `{ ${names
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => name.replace(/^([\w$]+) as ([\w$]+)$/, '$1: $2'))
    .join(', ')} }`;
}

/**
 * The relative files a bundled module imports statically, as esbuild writes them: `import "./a.js";`,
 * `import { x } from "./a.js";`, or a list of names over several lines ending `} from "./a.js";`.
 */
export function listStaticImports(text: string): string[] {
  return [...text.matchAll(/^(?:import\b[^"\n]*|\} from )"(\.\/[^"]+)";$/gm)].map((match) => match[1] ?? '');
}

export function readBuiltinsAsValues(text: string): string {
  return text.replace(
    BUILTIN_IMPORT,
    (
      _,
      defaultName?: string,
      namespace?: string,
      named?: string,
      both?: string,
      bothNamed?: string,
      id = '',
    ) => {
      const value = readBuiltin(id);
      if (defaultName ?? namespace) return `const ${defaultName ?? namespace} = ${value};`;
      if (named !== undefined) return `const ${toPattern(named)} = ${value};`;
      return `const ${both} = ${value};\nconst ${toPattern(bothNamed ?? '')} = ${both};`;
    },
  );
}

/**
 * yaml publishes the same code twice: CommonJS for Node (its `exports` "node" condition) and ES modules
 * (the "default" condition, meant for browsers; it differs only in warning through console.warn, which
 * sysreg turns off, and in base64 for YAML 1.1 `!!binary`, which sysreg's YAML 1.2 core schema lacks).
 * The ES modules let esbuild drop what sysreg does not call and skip the CommonJS wrappers at start-up.
 */
function yamlEsmPlugin(root: string): Plugin {
  return {
    name: 'sysreg-yaml-esm',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, () => ({
        path: path.join(root, 'node_modules', 'yaml', 'browser', 'index.js'),
      }));
    },
  };
}

/**
 * @actions/core imports its OIDC client (@actions/http-client, with its own undici) and its platform
 * helpers (@actions/exec) when loaded; sysreg calls neither, but without a `sideEffects` flag in their
 * package.json esbuild keeps them. The toolkit's modules only define things, so they are marked free
 * of side effects, and what sysreg does not call is left out of the bundle.
 */
function actionsToolkitPlugin(): Plugin {
  const inToolkit = (file: string) => /[\\/]node_modules[\\/]@actions[\\/]/.test(file);
  return {
    name: 'sysreg-actions-toolkit',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'toolkit' || !(args.path.startsWith('@actions/') || inToolkit(args.importer)))
          return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'toolkit',
        });
        return inToolkit(resolved.path) ? { ...resolved, sideEffects: false } : resolved;
      });
    },
  };
}

/**
 * Modules replaced in the bundle by ajv standalone code for their schema, compiled with the same
 * options as at run time (src/systems/compile-schema.ts), so the bundle starts without compiling.
 * Each module exports one function returning the check; the replacement exports the same.
 */
const PRECOMPILED_SCHEMAS = [
  {
    filter: /[\\/]src[\\/]systems[\\/]schema-validator\.ts$/,
    exportName: 'systemSchemaValidator',
    schema: async (root: string) =>
      ((await importSource(root, 'src/systems/schema.ts')) as typeof SystemSchemaModule).buildSystemSchema(),
  },
  {
    filter: /[\\/]src[\\/]config[\\/]config-validator\.ts$/,
    exportName: 'configSchemaValidator',
    schema: async (root: string) =>
      ((await importSource(root, 'src/config/config-schema.ts')) as typeof ConfigSchemaModule).CONFIG_SCHEMA,
  },
] as const;

function importSource(root: string, file: string): Promise<unknown> {
  return import(pathToFileURL(path.join(root, file)).href);
}

/** One schema's check as ajv standalone code, exported under `exportName`. Read from `root`'s sources. */
async function renderStandaloneSchemaValidator(
  root: string,
  precompiled: (typeof PRECOMPILED_SCHEMAS)[number],
): Promise<string> {
  const compiler = (await importSource(root, 'src/systems/compile-schema.ts')) as typeof CompileSchemaModule;
  const { ajv, validate } = compiler.compileSchema(await precompiled.schema(root), {
    ...compiler.SCHEMA_AJV_OPTIONS,
    code: { source: true, esm: true },
  });
  return `${standaloneCode.default(ajv, validate)}\nexport function ${precompiled.exportName}() {\n  return validate;\n}\n`;
}

function precompiledSchemaPlugin(root: string): Plugin {
  return {
    name: 'sysreg-precompiled-schema',
    setup(build) {
      for (const precompiled of PRECOMPILED_SCHEMAS) {
        build.onLoad({ filter: precompiled.filter }, async () => ({
          contents: await renderStandaloneSchemaValidator(root, precompiled),
          loader: 'js',
        }));
      }
    },
  };
}

/** Builds `root`'s src/ into `outdir` (emptied first). `root` must hold node_modules (a link will do). */
export async function buildBundles(root: string, outdir: string): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { bin: 'src/bin.ts', action: 'src/action.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: TARGET,
    chunkNames: 'chunks/[name]-[hash]',
    // src/cli.ts runs itself when it is the entry (`node src/cli.ts`); bundled, the entries call it.
    define: { 'import.meta.main': 'false' },
    // Paths in the output's comments stay relative to `root`, also when node_modules is a link.
    preserveSymlinks: true,
    legalComments: 'eof',
    // No `charset: 'utf8'`: non-ASCII text stays escaped, so each file is a one-byte string to V8. One
    // character above U+007F makes a whole file two-byte, which the compile cache and parser read slower.
    logLevel: 'warning',
    plugins: [precompiledSchemaPlugin(root), yamlEsmPlugin(root), actionsToolkitPlugin()],
    write: false,
  });
  // bin.js checks the Node version before anything newer is called: it and what it imports statically
  // keep their imports as written.
  const bin = result.outputFiles.find((file) => path.basename(file.path) === 'bin.js');
  const checkedBeforeNodeVersion = new Set(
    listStaticImports(bin?.text ?? '').map((file) => path.resolve(outdir, file)),
  );
  if (bin) checkedBeforeNodeVersion.add(bin.path);
  for (const file of result.outputFiles) {
    await mkdir(path.dirname(file.path), { recursive: true });
    const bundled = checkedBeforeNodeVersion.has(file.path) ? file.text : readBuiltinsAsValues(file.text);
    const text = READS_REQUIRE.test(bundled) ? withRequireShim(bundled) : bundled;
    // Executable when it starts with `#!`, as esbuild itself writes such files.
    await writeFile(file.path, text, { mode: text.startsWith('#!') ? 0o755 : 0o644 });
  }
  // The bundle's own package scope: its files are ES modules wherever they are copied (the action's
  // folder, an install), and Node stops looking for the scope here instead of reading the repository's.
  await writeFile(path.join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(folder, relative)));
    else files.push(relative);
  }
  return files.sort();
}

/** Files that differ between two build folders: missing on one side, or with other bytes. */
export async function compareBuilds(expected: string, actual: string): Promise<string[]> {
  const [want, have] = await Promise.all([listFiles(expected), listFiles(actual)]);
  const names = [...new Set([...want, ...have])].sort();
  const differing: string[] = [];
  for (const name of names) {
    const [a, b] = await Promise.all([
      readFile(path.join(expected, name)).catch(() => undefined),
      readFile(path.join(actual, name)).catch(() => undefined),
    ]);
    if (!a || !b || !a.equals(b)) differing.push(name);
  }
  return differing;
}

/** Builds `root` afresh and compares it with `committed`; returns the differing files. */
export async function checkCommittedBuild(root: string, committed: string): Promise<string[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sysreg-build-'));
  try {
    await buildBundles(root, scratch);
    return await compareBuilds(scratch, committed);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const dist = path.join(REPO, DIST_DIRECTORY);
  if (values.check) {
    const differing = await checkCommittedBuild(REPO, dist);
    if (differing.length > 0) {
      process.stderr.write(
        `dist/ is not what src/ builds (run 'npm run build' and commit dist/):\n${differing.map((file) => `  dist/${file}`).join('\n')}\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write('dist/ is what src/ builds.\n');
    }
  } else {
    await buildBundles(REPO, dist);
    process.stdout.write(`built ${DIST_DIRECTORY}/ (${(await listFiles(dist)).length} files)\n`);
  }
}
