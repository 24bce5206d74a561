/**
 * Scans files, or stdin when none are given, for secrets that must never leave a run: PEM private
 * keys, JWT-shaped strings (access tokens, client assertions), private JWK members and client
 * assertions in form bodies. Exits 1 naming file and line of every hit, 0 when clean.
 *
 *   npx node scripts/scan-secrets.ts [FILE…]     npx vitest run 2>&1 | npx node scripts/scan-secrets.ts
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';

export type SecretKind = 'pem-private-key' | 'jwt' | 'private-jwk-member' | 'client-assertion';

export interface SecretHit {
  kind: SecretKind;
  /** 1-based. */
  line: number;
}

const RULES: readonly { kind: SecretKind; pattern: RegExp }[] = [
  { kind: 'pem-private-key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/ },
  { kind: 'jwt', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  {
    kind: 'private-jwk-member',
    pattern: /["']?\b(?:d|p|q|dp|dq|qi)\b["']?\s*:\s*["'][A-Za-z0-9_-]{40,}["']/,
  },
  {
    kind: 'client-assertion',
    pattern: /\b(?:client_)?assertion["']?\s*[=:]\s*["']?(?!\[REDACTED)[A-Za-z0-9_.-]{40,}/,
  },
];

/** Every hit in `text`, at most one per kind per line. */
export function scanForSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const { kind, pattern } of RULES) if (pattern.test(line)) hits.push({ kind, line: index + 1 });
  });
  return hits;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runScanSecrets(files: string[]): Promise<number> {
  const sources = files.length > 0 ? files : ['-'];
  let found = 0;
  for (const file of sources) {
    let text: string;
    try {
      text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
    } catch (error) {
      process.stderr.write(`scan-secrets: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
    for (const hit of scanForSecrets(text)) {
      found += 1;
      // Name the place and the kind, never the matched text: that would print the secret.
      process.stdout.write(`${file === '-' ? '<stdin>' : file}:${hit.line}: ${hit.kind}\n`);
    }
  }
  if (found > 0) process.stderr.write(`scan-secrets: ${found} secret(s) found\n`);
  return found > 0 ? 1 : 0;
}

if (import.meta.main) process.exitCode = await runScanSecrets(process.argv.slice(2));
