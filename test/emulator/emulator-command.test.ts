/**
 * `sysreg emulator` as a real child process: one line with the URL, a clean stop on SIGTERM, and
 * `--data` that survives kill -9 at random points between and during writes (a few bounded rounds).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEmulatorData } from '../../src/emulator/emulator-data.ts';
import { REGISTER, VENDOR_ORG, WRITE, buildSystem } from '../support/emulator-harness.ts';
import { createTestClient, fetchAccessToken, registerTestClient } from '../support/maskinporten-grant.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { startLocalAltinnProcess } from '../support/local-altinn-process.ts';

const root = resolve(import.meta.dirname, '../..');
const directory = mkdtempSync(join(tmpdir(), 'sysreg-emulator-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const startCli = startLocalAltinnProcess;

describe('sysreg emulator', () => {
  it('prints exactly one line with its base URL and stops cleanly on SIGTERM', async () => {
    const running = await startCli([]);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${running.url}/maskinporten/.well-known/oauth-authorization-server`)).status).toBe(
      200,
    );
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stdout()).toBe(`${running.url}\n`);
  });

  it('refuses a corrupt --data file with a message naming it, without a stack trace', async () => {
    const file = join(directory, 'corrupt.json');
    writeFileSync(file, '{"format": "sysreg-emulator/1", "register": ');
    const { code, stderr } = await runCliInProcess(['emulator', '--port', '0', '--data', file], {
      cwd: root,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(file);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unwritable --data path at start, naming it', async () => {
    const file = join(directory, 'missing-dir', 'state.json');
    const { code, stderr } = await runCliInProcess(['emulator', '--port', '0', '--data', file], {
      cwd: root,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}: cannot write`);
  });

  it('refuses a bad --port with a usage message', async () => {
    const { code, stderr } = await runCliInProcess(['emulator', '--port', 'abc'], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toContain('--port');
  });

  it('--data survives kill -9 during writes: the file always parses and every acknowledged write is there', async () => {
    const file = join(directory, 'state.json');
    const client = await createTestClient({ orgNumber: VENDOR_ORG, scopes: [WRITE] });
    const created = new Set<string>();
    const deleted = new Set<string>();
    /** Deletes cut by a kill: they may or may not have landed. */
    const uncertain = new Set<string>();
    let serial = 0;
    for (let round = 0; round < 3; round++) {
      const running = await startCli(['--data', file]);
      // The client registered in round 0 must have survived the earlier kills.
      if (round === 0) await registerTestClient(running.url, client);
      const token = await fetchAccessToken(running.url, client);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const deadline = Date.now() + 150 + Math.floor(Math.random() * 350);
      const killer = setTimeout(() => running.child.kill('SIGKILL'), deadline - Date.now());
      try {
        for (let op = 0; op < 500; op++) {
          const id = `${VENDOR_ORG}_k${++serial}`;
          const target =
            op % 4 === 3 ? [...created].find((c) => !deleted.has(c) && !uncertain.has(c)) : undefined;
          if (target) uncertain.add(target);
          const response = target
            ? await fetch(`${running.url}${REGISTER}/vendor/${target}`, { method: 'DELETE', headers })
            : await fetch(`${running.url}${REGISTER}/vendor`, {
                method: 'POST',
                headers,
                body: JSON.stringify(buildSystem(id, { clientId: [`kc-${serial}`] })),
              });
          await response.arrayBuffer();
          if (target && response.status === 200) {
            deleted.add(target);
            uncertain.delete(target);
          }
          if (!target && response.status === 200) created.add(id);
        }
      } catch {
        // The kill cut a request: its outcome is unknown, as on a real network.
      } finally {
        clearTimeout(killer);
        running.child.kill('SIGKILL');
        await running.exited;
      }
      expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
      const data = readEmulatorData(file);
      const stored = new Map(data?.register.systems.map((s) => [s.id, s]));
      for (const id of created) expect(stored.has(id), `acknowledged create ${id} lost`).toBe(true);
      for (const id of deleted)
        expect(stored.get(id)?.isDeleted, `acknowledged delete ${id} lost`).toBe(true);
      const active = data?.register.systems.filter((s) => !s.isDeleted).flatMap((s) => s.clientId) ?? [];
      expect(new Set(active).size).toBe(active.length);
      const internalIds = new Set(data?.register.systems.map((s) => s.internalId));
      expect(data?.register.changelog.every((c) => internalIds.has(c.systemInternalId))).toBe(true);
    }
    expect(created.size).toBeGreaterThan(0);
    // A final restart serves the same state over HTTP.
    const running = await startCli(['--data', file]);
    try {
      const token = await fetchAccessToken(running.url, client);
      const list = (await (
        await fetch(`${running.url}${REGISTER}/vendor`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        systemId: string;
      }[];
      const listed = new Set(list.map((s) => s.systemId));
      for (const id of created) {
        if (!deleted.has(id) && !uncertain.has(id)) expect(listed.has(id), id).toBe(true);
      }
      for (const id of deleted) expect(listed.has(id)).toBe(false);
    } finally {
      running.child.kill('SIGTERM');
      await running.exited;
    }
  });
});
