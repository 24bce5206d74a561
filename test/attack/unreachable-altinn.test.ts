/**
 * Attack cases on where sysreg points (issue: hardening): a base URL with a wrong path prefix, a
 * server that is not Altinn, and one that closes every connection at once. Through the real CLI:
 * each is reported promptly as the register being out of reach at the configured URL (redacted),
 * never as resources missing or as a timeout.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  registerTestClient,
  startLocalAltinn,
  type LocalAltinn,
  type TestClient,
} from '../support/local-altinn.ts';
import { EXAMPLE_VENDOR } from '../support/live-repo.ts';
import { runCli } from '../support/run-cli.ts';
import { createScratchRepo, renderValidSystem, type ScratchRepo } from '../support/scratch-repo.ts';

let repo: ScratchRepo;
let altinn: LocalAltinn;
let client: TestClient;
beforeAll(async () => {
  altinn = await startLocalAltinn();
  client = await registerTestClient(altinn.url, { orgNumber: EXAMPLE_VENDOR });
});
afterAll(() => altinn.close());
beforeEach(async () => {
  repo = await createScratchRepo();
  await repo.write(`systems/${EXAMPLE_VENDOR}_one.yaml`, renderValidSystem('one'));
});
afterEach(() => repo.remove());

const validateAt = (url: string) =>
  runCli(['validate', '--env', 'local'], repo.root, undefined, { ...client.env, SYSREG_ALTINN_URL: url });

async function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('a base URL that does not lead to the register (real CLI)', () => {
  it('with a wrong path prefix: the register is out of reach, not the resources missing', async () => {
    const result = await validateAt(`${altinn.url}/some/prefix`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach the Altinn register at ${altinn.url}/some/prefix: `);
    expect(result.stdout).not.toContain('resource-known');
    expect(result.stdout).not.toContain('access-package-known');
  });

  it('names the URL without its user-info', async () => {
    const withUser = altinn.url.replace('http://', 'http://vendor:hunter2secret@');
    const result = await validateAt(`${withUser}/some/prefix`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot reach the Altinn register at http://[REDACTED]@');
    expect(`${result.stdout}${result.stderr}`).not.toContain('hunter2secret');
  });

  it('at a web server that answers an HTML 404', async () => {
    const server = createHttpServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body><h1>404 Not Found</h1></body></html>');
    });
    const host = await listen(server);
    try {
      const result = await validateAt(`http://${host}`);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot reach the Altinn register at http://${host}: `);
      expect(result.stdout).not.toContain('resource-known');
    } finally {
      server.close();
    }
  });

  it('still reports a resource that is missing at the right URL', async () => {
    await repo.write(
      `systems/${EXAMPLE_VENDOR}_one.yaml`,
      renderValidSystem('one').replace('ske-krav-og-betalinger', 'no-such-resource-here'),
    );
    const result = await validateAt(altinn.url);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('cannot reach');
    expect(result.stdout).toContain('resource `no-such-resource-here` is not in the Resource Registry');
  });
});

describe('a server that closes every connection at once (real CLI)', () => {
  it('is reported as closing the connection, after a few quick retries', async () => {
    const server = createTcpServer((socket) => socket.destroy());
    const host = await listen(server);
    try {
      const started = Date.now();
      const result = await validateAt(`http://${host}`);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot reach the Altinn register at http://${host}: `);
      expect(result.stderr).toContain(`the connection was closed by ${host} before an answer`);
      expect(result.stderr).not.toContain('timed out');
    } finally {
      server.close();
    }
  });
});
