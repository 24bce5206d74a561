/**
 * The process's stdout and stderr as commands write to them. When the reader goes away (`| head`, a
 * closed terminal, a cancelled log), writes fail with EPIPE, which Node reports as an 'error' event
 * that ends the process unless handled. An apply half-way through must not stop because nobody reads
 * its progress: once a stream is broken, what is written to it is dropped and the command goes on,
 * to write its --out file and exit with its own code.
 */
import type { Output } from '../model/command.ts';

/** Errors that mean nobody reads the stream any more. */
const CLOSED_STREAM_CODES = new Set(['EPIPE', 'EBADF', 'ECONNRESET', 'ERR_STREAM_DESTROYED']);

function isClosedStreamError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CLOSED_STREAM_CODES.has(code);
}

export function createProcessOutput(stream: NodeJS.WriteStream): Output {
  let closed = false;
  stream.on('error', (error) => {
    if (!isClosedStreamError(error)) throw error;
    closed = true;
  });
  return {
    write(text: string) {
      if (closed || stream.destroyed) return true;
      try {
        return stream.write(text);
      } catch (error) {
        if (!isClosedStreamError(error)) throw error;
        closed = true;
        return true;
      }
    },
    ...(stream.isTTY ? { isTTY: true } : {}),
  };
}
