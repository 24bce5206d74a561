/**
 * Reads discovered system files and parses them. The I/O edge of the systems pipeline: each file that
 * cannot be read (too large, binary, not UTF-8, not a file) becomes one diagnostic with a position,
 * and the run goes on with the others.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { DiscoveredFile } from './discover.ts';
import { createUnreadableFile, parseSystemFile } from './parse.ts';
import type { ParsedSystemFile } from './parsed-file.ts';

/** A system file is a few kilobytes; anything near this is a mistake or an attack. */
export const MAX_SYSTEM_FILE_BYTES = 1024 * 1024;

/** Files read at once; enough to keep the disk busy without holding many descriptors. */
export type DecodedFile = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Where byte `offset` is, as 1-based line and column (columns count characters, not bytes). */
function locateByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/** Checks and decodes a file's bytes. Pure. */
export function decodeSystemFile(file: string, bytes: Uint8Array): DecodedFile {
  const fail = (
    at: { line: number; column: number },
    ruleId: string,
    message: string,
    hint?: string,
  ): DecodedFile => ({
    ok: false,
    diagnostic: { file, ...at, ruleId, severity: 'error', message, ...(hint ? { hint } : {}) },
  });
  if (bytes.length > MAX_SYSTEM_FILE_BYTES) {
    return fail(
      { line: 1, column: 1 },
      'file-too-large',
      `the file is ${formatByteCount(bytes.length)}; system files may be at most ${formatByteCount(MAX_SYSTEM_FILE_BYTES)}.`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      locateByte(bytes, nul),
      'file-binary',
      'the file contains a NUL byte; it looks binary, not like YAML text.',
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(findInvalidUtf8(bytes), 0);
    return fail(
      locateByte(bytes, offset),
      'file-not-utf8',
      `the file is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}).`,
      'Save the file as UTF-8.',
    );
  }
}

function formatByteCount(count: number): string {
  if (count >= 1024 * 1024) return `${(count / (1024 * 1024)).toFixed(1)} MiB`;
  if (count >= 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${count} bytes`;
}

/**
 * Reads and decodes one file; never throws for a problem with the file itself. Opened without
 * blocking, so a FIFO or device (named directly, behind a link, or swapped in after discovery) is
 * refused instead of waiting forever for a writer.
 */
export function readSystemFileText(file: DiscoveredFile): DecodedFile {
  const unreadable = (ruleId: string, message: string): DecodedFile => ({
    ok: false,
    diagnostic: { file: file.path, line: 1, column: 1, ruleId, severity: 'error', message },
  });
  let descriptor: number;
  try {
    // Non-blocking, so a FIFO planted under systems/ cannot stall the open; fstat then refuses it.
    descriptor = openSync(file.absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return unreadable('file-unreadable', `cannot open the file: ${describeErrorCode(error)}.`);
  }
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile()) return unreadable('path-not-a-file', 'this is not a regular file.');
    // Decide on size before reading: a 5 MB file is never pulled into memory.
    if (info.size > MAX_SYSTEM_FILE_BYTES) {
      return unreadable(
        'file-too-large',
        `the file is ${formatByteCount(info.size)}; system files may be at most ${formatByteCount(MAX_SYSTEM_FILE_BYTES)}.`,
      );
    }
    // One byte over the limit tells a file that grew since stat from one that did not. A regular file
    // gives all it has in one read; a short read is its end.
    const buffer = new Uint8Array(info.size + 1);
    const bytesRead = readSync(descriptor, buffer, 0, buffer.length, 0);
    return decodeSystemFile(file.path, buffer.subarray(0, bytesRead));
  } catch (error) {
    return unreadable('file-unreadable', `cannot read the file: ${describeErrorCode(error)}.`);
  } finally {
    closeSync(descriptor);
  }
}

/** Reads, decodes and parses one file; never throws for a problem with the file itself. */
export function loadSystemFile(file: DiscoveredFile): ParsedSystemFile {
  const decoded = readSystemFileText(file);
  if (!decoded.ok) return createUnreadableFile(file.path, [decoded.diagnostic]);
  return parseSystemFile(file.path, decoded.text);
}

/**
 * Loads every file, in the order given. Synchronously: a repository's files are small regular files
 * on a local disk, and the command has nothing else to do meanwhile; a promise and a thread-pool
 * round trip for each of four calls per file cost more CPU than the reads themselves.
 */
export function loadSystemFiles(files: readonly DiscoveredFile[]): ParsedSystemFile[] {
  return files.map((file) => loadSystemFile(file));
}

function describeErrorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown error';
}
