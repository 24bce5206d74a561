/**
 * Attack cases on messages (issue: hardening): input that used to end in an internal error or an
 * error code from the file system now gets a message that names the mistake.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeChangesChecksum } from '../../src/plan/plan.ts';
import { registerTestClient, startLocalAltinn, type LocalAltinn } from '../support/local-altinn.ts';
import { EXAMPLE_VENDOR, writeLocalConfig } from '../support/live-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let repo: ScratchRepo;
beforeEach(async () => {
  repo = await createScratchRepo();
});
afterEach(() => repo.remove());

describe('an RSA key shorter than 2048 bits (real CLI)', () => {
  let altinn: LocalAltinn;
  beforeAll(async () => {
    altinn = await startLocalAltinn();
  });
  afterAll(() => altinn.close());

  for (const argv of [
    ['validate', '--env', 'local'],
    ['plan', '--env', 'local'],
  ]) {
    it(`is named at load by sysreg ${argv.join(' ')}`, async () => {
      await writeLocalConfig(repo, altinn.url);
      await repo.write(`systems/${EXAMPLE_VENDOR}_one.yaml`, renderValidSystem('one'));
      const client = await registerTestClient(altinn.url, { orgNumber: EXAMPLE_VENDOR });
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const result = await runCli(argv, repo.root, undefined, {
        ...client.env,
        MASKINPORTEN_PRIVATE_KEY: pem,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toContain('the key is RSA-1024; the key must be RSA of at least 2048 bits');
    });
  }
});

describe('a malformed plan file (real CLI)', () => {
  const plans: Record<string, unknown> = {
    'no unchanged or unmanaged lists': { formatVersion: 1, environment: 'local', changes: [] },
    'a change without fields': {
      formatVersion: 1,
      environment: 'local',
      changes: [{ systemId: `${EXAMPLE_VENDOR}_x`, action: 'create' }],
      unchanged: [],
      unmanaged: [],
    },
  };
  for (const [name, body] of Object.entries(plans)) {
    it(`is refused with a message: ${name}`, async () => {
      const plan = body as { changes: Parameters<typeof computeChangesChecksum>[0] };
      const file = path.join(repo.root, 'plan.json');
      await writeFile(file, JSON.stringify({ ...plan, checksum: computeChangesChecksum(plan.changes) }));
      const result = await runCli(['apply', '--env', 'local', '--plan', 'plan.json'], repo.root);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toContain('is not a plan sysreg wrote');
    });
  }
});

describe('an id as long as id-length allows (real CLI)', () => {
  it('sysreg new writes a 255-byte file name, and leaves no temporary file', async () => {
    const id = `${EXAMPLE_VENDOR}_${'a'.repeat(240)}`;
    expect(`${id}.yaml`).toHaveLength(255);
    const result = await runCli(['new', id, '--vendor', EXAMPLE_VENDOR], repo.root);
    expect(result.stderr).not.toContain('ENAMETOOLONG');
    expect(result.code).toBe(0);
    expect(await readdir(path.join(repo.root, 'systems'))).toEqual([`${id}.yaml`]);
  });

  it('sysreg new names the limit when the file name cannot exist', async () => {
    const id = `${EXAMPLE_VENDOR}_${'a'.repeat(245)}`;
    const result = await runCli(['new', id, '--vendor', EXAMPLE_VENDOR], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('ENAMETOOLONG');
    expect(result.stderr).toContain(".yaml' is longer than 255 bytes");
  });
});
