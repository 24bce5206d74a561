/** A throw-away repository in the temp folder, with a `systems/` folder, for tests that touch files. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ScratchRepo {
  /** The folder that holds the repo and things outside it. */
  scratch: string;
  /** The repository root (holds `systems/`). */
  root: string;
  write(relativePath: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function createScratchRepo(): Promise<ScratchRepo> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'sysreg-test-'));
  const root = path.join(scratch, 'repo');
  await mkdir(path.join(root, 'systems'), { recursive: true });
  return {
    scratch,
    root,
    async write(relativePath, content) {
      const absolute = path.join(root, relativePath);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content);
      return absolute;
    },
    remove: () => rm(scratch, { recursive: true, force: true }),
  };
}

/** A valid system file for vendor 314159268 (Fjordsoft, the examples' fictional vendor). */
export function renderValidSystem(name: string, clientId = `${name}-client`): string {
  return [
    `id: 314159268_${name}`,
    'vendor:',
    '  ID: "0192:314159268"',
    'name:',
    `  nb: ${name}`,
    `  nn: ${name}`,
    `  en: ${name}`,
    'description:',
    '  nb: Et system.',
    '  nn: Eit system.',
    '  en: A system.',
    'rights:',
    '  - resource:',
    '      - id: urn:altinn:resource',
    '        value: ske-krav-og-betalinger',
    'accessPackages:',
    '  - urn: urn:altinn:accesspackage:skattegrunnlag',
    'clientId:',
    `  - ${clientId}`,
    'allowedRedirectUrls:',
    `  - https://${name}.example/callback`,
    'isVisible: true',
    '',
  ].join('\n');
}
