/**
 * A create whose answer is lost after it landed, through the real command: the connection closes
 * unanswered once the local Altinn stored the system. The run must read it back, report it as
 * applied, never send it twice, and leave nothing to do for the next run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listStoredSystems } from '../support/local-altinn.ts';
import { startWriteGate } from '../support/write-gate.ts';
import type { WriteGate } from '../support/write-gate.ts';
import { buildSystemSpec, REGISTER_VENDOR_PATH, startApplyBench } from './apply-fixtures.ts';
import type { ApplyBench } from './apply-fixtures.ts';

let bench: ApplyBench | undefined;
let gate: WriteGate | undefined;
afterEach(async () => {
  await gate?.close();
  await bench?.close();
  gate = undefined;
  bench = undefined;
});

describe('sysreg apply, when the answer to a create that landed is lost', () => {
  for (const format of ['text', 'json'] as const) {
    it(`reports the create as applied, confirmed by a read (${format})`, async () => {
      bench = await startApplyBench();
      // Escapes Altinn decodes and client ids out of order: the read-back finds the same system.
      const spec = buildSystemSpec('lost', {
        clientId: ['lost-b', 'lost-a'],
        allowedRedirectUrls: ['https://kvittering.example/v%c3%a6r/cb', 'https://kvittering.example/%7Euser'],
      });
      await bench.writeSystem(spec);
      await bench.writeConfig(
        `environments:\n  local:\n    maskinportenUrl: ${bench.altinn.url}/maskinporten/\n`,
      );
      gate = await startWriteGate(bench.altinn.url, (write) => (write === 1 ? 'drop' : 'answer'));

      const run = await bench.sysreg('apply', '--env', 'local', '--altinn-url', gate.url, '--format', format);
      expect(await gate.stopped).toBe(1);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      if (format === 'json') {
        const report = (JSON.parse(run.stdout) as { report: { results: unknown[] } }).report;
        expect(report.results).toEqual([
          expect.objectContaining({ systemId: spec.id, action: 'create', outcome: 'applied' }),
        ]);
      } else {
        expect(run.stdout).toContain(
          `created ${spec.id} (The answer was lost; a read confirmed the create.)`,
        );
        expect(run.stdout).not.toContain('FAILED');
        expect(run.stdout).toContain('Verified');
      }
      const posts = (await bench.writes()).filter(
        (entry) => entry.method === 'POST' && entry.path === REGISTER_VENDOR_PATH,
      );
      expect(posts).toHaveLength(1);
      expect((await listStoredSystems(bench.altinn.url)).map((system) => system.id)).toEqual([spec.id]);
      const again = await bench.sysreg('apply', '--env', 'local');
      expect(again.stdout).toContain('nothing to apply');
    }, 60_000);
  }
});
