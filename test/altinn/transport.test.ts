/** The transport's own guarantees, against a small loopback server that scripts its answers. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../../src/altinn/concurrency-limiter.ts';
import { DEFAULT_CONCURRENCY, Transport, parseRetryAfter } from '../../src/altinn/transport.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transport(options: ConstructorParameters<typeof Transport>[0]): Transport {
  const instance = new Transport(options);
  cleanups.push(() => instance.close());
  return instance;
}

describe('transport', () => {
  it('keeps at most `concurrency` requests in flight, over kept-alive sockets', async () => {
    let inFlight = 0;
    let peak = 0;
    const sockets = new Set<unknown>();
    const url = await serve((req, res) => {
      sockets.add(req.socket);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.end('ok');
      }, 10);
    });
    const http4 = transport({ concurrency: 4 });
    await Promise.all(
      Array.from({ length: 40 }, () => http4.send({ method: 'GET', url: `${url}/x`, retry: true })),
    );
    expect(peak).toBe(4);
    expect(sockets.size).toBeLessThanOrEqual(4);
    expect(DEFAULT_CONCURRENCY).toBeGreaterThanOrEqual(8);
  });

  it('never repeats a POST, even when asked to', async () => {
    let count = 0;
    const url = await serve((_req, res) => {
      count += 1;
      res.writeHead(503).end();
    });
    const response = await transport({ retry: { baseDelayMs: 1 } }).send({
      method: 'POST',
      url: `${url}/x`,
      body: '{}',
      retry: true,
    });
    expect(response.status).toBe(503);
    expect(count).toBe(1);
  });

  it('sendRebuilt repeats a POST with a body built anew per attempt; a failing build ends it at once', async () => {
    const bodies: string[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        if (bodies.length === 1) return void res.writeHead(503).end();
        if (bodies.length === 2) return void req.socket.destroy();
        res.end('granted');
      });
    });
    const http1 = transport({ retry: { baseDelayMs: 1 } });
    const response = await http1.sendRebuilt(async (attempt) => ({
      method: 'POST',
      url: `${url}/token`,
      body: `grant-${attempt}`,
    }));
    expect(response).toMatchObject({ status: 200, body: 'granted', attempts: 3 });
    expect(bodies).toEqual(['grant-1', 'grant-2', 'grant-3']);
    let builds = 0;
    const failure = new Error('the signer is unavailable');
    await expect(
      http1.sendRebuilt(() => {
        builds += 1;
        return Promise.reject(failure);
      }),
    ).rejects.toBe(failure);
    expect(builds).toBe(1);
  });

  it('retries 502, 503, 504 and resets on GET, PUT and DELETE, then answers', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      let count = 0;
      const url = await serve((req, res) => {
        count += 1;
        if (count === 1) return void res.writeHead(502).end();
        if (count === 2) return void res.writeHead(504).end();
        if (count === 3) return void req.socket.destroy();
        res.end('done');
      });
      const response = await transport({ retry: { baseDelayMs: 1 } }).send({
        method,
        url: `${url}/x`,
        retry: true,
      });
      expect([response.status, response.body, response.attempts]).toEqual([200, 'done', 4]);
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('limiter hands slots over in arrival order', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(limiter.active).toBe(0);
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
  });
});
