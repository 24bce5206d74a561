/**
 * A loopback proxy in front of the local Altinn that decides, write by write, what the client hears
 * back. Every request is passed on; a register write (POST/PUT/DELETE under the vendor path) is
 * counted, and its answer can be withheld (the client waits, so a test can kill it with the write
 * landed and nothing after it sent) or dropped (the connection closes unanswered, as when a network
 * loses an answer). Polling the request log cannot stop a client exactly after its nth write; this can.
 */
import { createServer, request as sendRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { SYSTEM_REGISTER_PATH } from '../../src/model/wire.ts';

const REGISTER_VENDOR_PATH = `${SYSTEM_REGISTER_PATH}/vendor`;

export type WriteFate = 'answer' | 'withhold' | 'drop';

export interface WriteGate {
  url: string;
  /** Resolves with the write's number (from 1) once a write whose answer is not passed on has landed. */
  stopped: Promise<number>;
  close(): Promise<void>;
}

/** `fateOf(n)` decides the answer to the nth write; everything else is passed on as it comes. */
export async function startWriteGate(
  target: string,
  fateOf: (write: number) => WriteFate,
): Promise<WriteGate> {
  const upstream = new URL(target);
  let writes = 0;
  let signalStopped: (write: number) => void = () => {};
  const stopped = new Promise<number>((resolve) => (signalStopped = resolve));
  const server = createServer((request, response) => {
    void relay(request, response);
  });
  async function relay(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const isWrite = request.method !== 'GET' && (request.url ?? '').startsWith(REGISTER_VENDOR_PATH);
    const fate = isWrite ? fateOf((writes += 1)) : 'answer';
    const number = writes;
    let answer: Answer;
    try {
      answer = await forward(upstream, request, Buffer.concat(chunks));
    } catch {
      response.socket?.destroy();
      return;
    }
    if (fate === 'withhold') return signalStopped(number);
    if (fate === 'drop') {
      response.socket?.destroy();
      return signalStopped(number);
    }
    response.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
    response.end(answer.body);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the write gate has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    stopped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function forward(upstream: URL, request: IncomingMessage, body: Buffer): Promise<Answer> {
  const { host: _host, connection: _connection, ...headers } = request.headers;
  return new Promise((resolve, reject) => {
    const outgoing = sendRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: { ...headers, 'content-length': body.length },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const { connection: _c, 'transfer-encoding': _t, 'content-length': _l, ...kept } = incoming.headers;
          resolve({ status: incoming.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
