/** readLiveState with the repository's ids still loading: listed systems are read first, the rest after. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLiveState } from '../../src/altinn/read-live-state.ts';
import {
  makeLiveSystem,
  openLocalAltinnSession,
  readRequestLog,
  type LocalAltinnSession,
} from '../support/local-altinn.ts';

let session: LocalAltinnSession;
const ORG = '314159268';

beforeAll(async () => {
  session = await openLocalAltinnSession({
    orgNumber: ORG,
    systems: [
      makeLiveSystem(ORG, 'a'),
      makeLiveSystem(ORG, 'b'),
      makeLiveSystem(ORG, 'burned', { isDeleted: true }),
    ],
  });
});

afterAll(() => session.close());

describe('readLiveState with repository ids that are still loading', () => {
  it('reads the listed systems before the ids settle, then the ids only the repository names', async () => {
    let settle: (ids: string[]) => void = () => undefined;
    const repoIds = new Promise<string[]>((resolve) => (settle = resolve));
    const reading = readLiveState(session.connection.client, { environment: 'local', repoIds });
    // Wait until both listed systems were read, with the repository's ids still pending.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const reads = (await readRequestLog(session.altinn.url)).filter((entry) =>
        /\/vendor\/314159268_[ab]$/.test(entry.path),
      );
      if (reads.length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    settle([`${ORG}_a`, `${ORG}_burned`, `${ORG}_never`]);
    const state = await reading;
    expect(state.listedIds.sort()).toEqual([`${ORG}_a`, `${ORG}_b`]);
    expect(Object.keys(state.systems).sort()).toEqual([
      `${ORG}_a`,
      `${ORG}_b`,
      `${ORG}_burned`,
      `${ORG}_never`,
    ]);
    expect(state.systems[`${ORG}_never`]).toEqual({ status: 'absent' });
    const burned = state.systems[`${ORG}_burned`];
    expect(burned?.status === 'found' && burned.system.isDeleted).toBe(true);
    const log = await readRequestLog(session.altinn.url);
    // Listed and named in the repository: read once.
    expect(log.filter((entry) => entry.path.endsWith(`/vendor/${ORG}_a`))).toHaveLength(1);
  });

  it('fails with the loading error when the ids cannot be had', async () => {
    const failure = new Error('the files could not be read');
    await expect(
      readLiveState(session.connection.client, { environment: 'local', repoIds: Promise.reject(failure) }),
    ).rejects.toBe(failure);
  });
});
