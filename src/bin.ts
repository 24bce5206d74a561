#!/usr/bin/env node
/**
 * The packaged entry of `sysreg` (package.json `bin`). It checks the Node.js version before loading
 * anything else, so an older Node gets one line saying what to install instead of a stack trace from
 * syntax or APIs it lacks. Written in syntax every Node since 14 parses (ESM with top-level await).
 */
import module from 'node:module';
import { MINIMUM_NODE_VERSION } from './release.ts';

/** True when `actual` (e.g. `22.18.1`) is at least `minimum`, compared part by part as numbers. */
export function isNodeVersionSupported(actual: string, minimum: string): boolean {
  const have = actual.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let index = 0; index < need.length; index += 1) {
    const a = have[index] ?? 0;
    const b = need[index] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

if (!isNodeVersionSupported(process.versions.node, MINIMUM_NODE_VERSION)) {
  process.stderr.write(`sysreg needs Node >= ${MINIMUM_NODE_VERSION}; this is ${process.versions.node}.\n`);
  process.exitCode = 1;
} else {
  // Before the CLI is imported, so its whole module graph is served from Node's compile cache.
  module.enableCompileCache?.();
  const { runFromProcess } = await import('./cli.ts');
  await runFromProcess();
}
