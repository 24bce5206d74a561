/**
 * The bundle reads Node built-ins with `process.getBuiltinModule` rather than importing them as ES
 * modules (an ES module of a built-in runs every lazy getter it has, which costs start-up time), except
 * in bin.js and what it loads before the Node version check.
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStaticImports, readBuiltinsAsValues } from '../../scripts/build.ts';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');

describe('built-ins in the bundle', () => {
  it('turns each form of import into a read of the built-in', () => {
    const bundled = [
      'import path from "node:path";',
      'import * as fs from "node:fs";',
      'import { readFile, stat as statFile } from "node:fs/promises";',
      'import events, { EventEmitter } from "node:events";',
      'import process from "node:process";',
      'import childProcess from "node:child_process";',
      'import "node:sqlite";',
      'const text = `import x from "node:os";`;',
    ].join('\n');
    expect(readBuiltinsAsValues(bundled).split('\n')).toEqual([
      'const path = globalThis.process.getBuiltinModule("node:path");',
      'const fs = globalThis.process.getBuiltinModule("node:fs");',
      'const { readFile, stat: statFile } = globalThis.process.getBuiltinModule("node:fs/promises");',
      'const events = globalThis.process.getBuiltinModule("node:events");',
      'const { EventEmitter } = events;',
      'const process = globalThis.process;',
      'const childProcess = new Proxy({}, { get: (_, key) => globalThis.process.getBuiltinModule("node:child_process")[key] });',
      // A bare import is kept (it is there for its effect); text inside a template is not an import.
      'import "node:sqlite";',
      'const text = `import x from "node:os";`;',
    ]);
  });

  it('loads a built-in marked for first use only when a property is read', () => {
    const [line] = readBuiltinsAsValues('import childProcess from "node:child_process";').split('\n');
    const loaded = "process.moduleLoadList.includes('NativeModule child_process')";
    const report = execFileSync(
      process.execPath,
      ['-e', `${line}; const before = ${loaded}; childProcess.spawn; console.log(before, ${loaded});`],
      { encoding: 'utf8' },
    );
    expect(report.trim()).toBe('false true');
  });

  it("finds bin.js's static imports in each form esbuild writes, not its dynamic ones", () => {
    const bin = [
      'import {',
      '  MINIMUM_NODE_VERSION',
      '} from "./chunks/release.js";',
      'import "./chunks/runtime.js";',
      'import { a } from "./chunks/a.js";',
      'import module from "node:module";',
      'const { run } = await import("./chunks/cli.js");',
    ].join('\n');
    expect(listStaticImports(bin)).toEqual(['./chunks/release.js', './chunks/runtime.js', './chunks/a.js']);
  });

  it('leaves no ES-module import of a built-in in dist/ outside bin.js and its static imports', async () => {
    const bin = await readFile(path.join(DIST, 'bin.js'), 'utf8');
    const beforeVersionCheck = new Set(listStaticImports(bin).map((file) => path.posix.normalize(file)));
    const files = [
      'action.js',
      ...(await readdir(path.join(DIST, 'chunks'))).map((name) => path.posix.join('chunks', name)),
    ].filter((name) => !beforeVersionCheck.has(name));
    const importing: string[] = [];
    for (const name of files) {
      const text = await readFile(path.join(DIST, name), 'utf8');
      if (/^import [^"]* from "node:/m.test(text)) importing.push(name);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(importing).toEqual([]);
  });
});
