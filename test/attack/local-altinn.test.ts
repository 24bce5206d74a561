/**
 * Attack cases on the local Altinn as a real process (issue: hardening): a path with a broken
 * percent-escape, clients that hang up mid-request or mid-answer, and kill -9 while it writes its
 * state file. It answers 400 like the real service, logs nothing for a client that left, and leaves
 * no temporary state files behind (nor reads one as state).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { readEmulatorData } from '../../src/emulator/emulator-data.ts';
import { REGISTER, VENDOR_ORG, WRITE, buildSystem } from '../support/emulator-harness.ts';
import { startLocalAltinnProcess, type LocalAltinnProcess } from '../support/local-altinn-process.ts';
import { createTestClient, fetchAccessToken, registerTestClient } from '../support/maskinporten-grant.ts';

const directory = mkdtempSync(join(tmpdir(), 'sysreg-attack-altinn-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function stop(running: LocalAltinnProcess): Promise<void> {
  running.child.kill('SIGTERM');
  await running.exited;
}

/** Sends raw bytes on a new connection and hangs up after `waitMs`, without reading the answer. */
async function hangUp(url: string, bytes: string, waitMs: number): Promise<void> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  await new Promise<void>((done) => socket.once('connect', () => done()));
  socket.write(bytes);
  await sleep(waitMs);
  socket.destroy();
}

describe('the local Altinn on hostile requests (real process)', () => {
  it('answers a broken percent-escape in a path with 400 problem+json, on every route', async () => {
    const running = await startLocalAltinnProcess([]);
    try {
      for (const path of [
        `${REGISTER}/vendor/%E0%A4%A`,
        `${REGISTER}/%ZZ`,
        '/resourceregistry/api/v1/resource/%E0%A4%A',
        '/accessmanagement/api/v1/meta/info/accesspackages/package/urn/%',
        '/authentication/api/v1/systemuser/vendor/bysystem/%C3',
        '/_emulator/requests/%E0',
      ]) {
        const response = await fetch(`${running.url}${path}`);
        expect(response.status, path).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await response.json()).toMatchObject({ status: 400, title: 'Bad Request' });
      }
      expect(running.stderr()).toBe('');
    } finally {
      await stop(running);
    }
  });

  it('logs nothing when clients hang up mid-request or mid-answer', async () => {
    const running = await startLocalAltinnProcess([]);
    try {
      const host = new URL(running.url).host;
      for (let round = 0; round < 5; round++) {
        // Half a body promised by content-length, then gone.
        await hangUp(
          running.url,
          `POST ${REGISTER}/vendor HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"id":`,
          20,
        );
        // A chunked body cut before its end.
        await hangUp(
          running.url,
          `POST /maskinporten/token HTTP/1.1\r\nhost: ${host}\r\ntransfer-encoding: chunked\r\n\r\n10\r\ngrant_type=ur`,
          20,
        );
        // A complete request whose answer nobody reads.
        await hangUp(
          running.url,
          `GET /accessmanagement/api/v1/meta/info/accesspackages/export HTTP/1.1\r\nhost: ${host}\r\n\r\n`,
          0,
        );
      }
      await sleep(300);
      expect((await fetch(`${running.url}/maskinporten/jwk`)).status).toBe(200);
      expect(running.stderr()).toBe('');
    } finally {
      await stop(running);
    }
  });
});

describe('the local Altinn after kill -9 during writes (real process)', () => {
  it('removes temporary state files of dead processes at start and never reads one as state', async () => {
    const file = join(directory, 'state.json');
    // A temporary file of a process that is gone, holding a state that was never committed.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(
      join(directory, `.state.json.${deadPid}.0badf00d.tmp`),
      '{"format":"sysreg-emulator/1","torn":',
    );
    const client = await createTestClient({ orgNumber: VENDOR_ORG, scopes: [WRITE] });
    let serial = 0;
    const acknowledged = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const running = await startLocalAltinnProcess(['--data', file]);
      // Nothing is written before the first request, so every temporary file here was a dead writer's.
      expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      if (round === 0) await registerTestClient(running.url, client);
      const token = await fetchAccessToken(running.url, client);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const killer = setTimeout(() => running.child.kill('SIGKILL'), 100 + Math.floor(Math.random() * 300));
      try {
        // Writes in parallel, so that the kill is likely to land between a temp write and its rename.
        for (let batch = 0; batch < 100; batch++) {
          await Promise.all(
            Array.from({ length: 8 }, async () => {
              const id = `${VENDOR_ORG}_t${++serial}`;
              const response = await fetch(`${running.url}${REGISTER}/vendor`, {
                method: 'POST',
                headers,
                body: JSON.stringify(buildSystem(id, { clientId: [`tc-${serial}`] })),
              });
              await response.arrayBuffer();
              if (response.status === 200) acknowledged.add(id);
            }),
          );
        }
      } catch {
        // The kill cut requests: their outcome is unknown.
      } finally {
        clearTimeout(killer);
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    const last = await startLocalAltinnProcess(['--data', file]);
    try {
      expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      const stored = new Set(readEmulatorData(file)?.register.systems.map((system) => system.id));
      expect(acknowledged.size).toBeGreaterThan(0);
      for (const id of acknowledged) expect(stored.has(id), `acknowledged create ${id} lost`).toBe(true);
      expect(last.stderr()).toBe('');
    } finally {
      await stop(last);
    }
  });
});
