/**
 * The soak's and kill test's direct check, against the local Altinn: it flags a POST for an id that
 * existed when it was sent, even one that never reached the register (a 503) and so carries no
 * AUTH.VLD-00002 for the older checks to see.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectToAltinn } from '../../src/altinn/connect.ts';
import { findCreatesOfExistingIds } from '../support/creates-of-existing-ids.ts';
import { readRequestLog, setFaults } from '../support/local-altinn.ts';
import type { ApplyBench } from './apply-fixtures.ts';
import { buildSystemSpec, REGISTER_VENDOR_PATH, startApplyBench } from './apply-fixtures.ts';

let bench: ApplyBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

describe('findCreatesOfExistingIds', () => {
  it('flags POSTs for seeded ids and for ids a POST before them created, and nothing else', async () => {
    bench = await startApplyBench();
    const { url } = bench.altinn;
    const connection = await connectToAltinn({ environment: 'local', env: bench.client.env, altinnUrl: url });
    const token = (await connection.tokens.getToken()).value;
    await connection.close();
    const post = async (name: string) => {
      const response = await fetch(`${url}${REGISTER_VENDOR_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(buildSystemSpec(name)),
      });
      await response.arrayBuffer();
      return response.status;
    };
    expect(await post('first')).toBe(200);
    expect(await post('second')).toBe(200);
    expect(findCreatesOfExistingIds(await readRequestLog(url))).toEqual([]);
    // A seeded id is flagged even when its create is the first in the log.
    expect(
      findCreatesOfExistingIds(await readRequestLog(url), [buildSystemSpec('second').id]).map(
        (entry) => entry.systemId,
      ),
    ).toEqual([buildSystemSpec('second').id]);
    // A second create that Altinn refuses, and one that a 503 stopped before it ran.
    expect(await post('first')).toBe(400);
    await setFaults(url, { pathPrefix: REGISTER_VENDOR_PATH, errorRate: 1 });
    expect(await post('second')).toBe(503);
    await setFaults(url, {});
    const log = await readRequestLog(url);
    expect(findCreatesOfExistingIds(log).map((entry) => [entry.systemId, entry.status])).toEqual([
      [buildSystemSpec('first').id, 400],
      [buildSystemSpec('second').id, 503],
    ]);
    // The older check sees only the refused one.
    expect(log.filter((entry) => (entry.codes ?? []).includes('AUTH.VLD-00002'))).toHaveLength(1);
  });
});
