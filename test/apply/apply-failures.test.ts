/**
 * How the executor reports each way a write can end, with a client that answers as told: Altinn's
 * refusals with and without codes, errors of the client, a write cut off, anything else thrown; a
 * create confirmed by a read; a progress listener that throws; the concurrency bound checked.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply-plan.ts';
import type { ApplyClient, SystemApplyResult } from '../../src/apply/apply-plan.ts';
import { AltinnClientError, AltinnError } from '../../src/altinn/errors.ts';
import type { RegisterSystemRequest } from '../../src/model/wire.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import type { Plan } from '../../src/plan/plan-types.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const created = buildSpec('created');
const updated = buildSpec('updated');
const deleted = buildSpec('deleted');

/** A create, an update and a delete. */
function threeChanges(): Plan {
  return createPlan({
    desired: [created, { ...updated, isVisible: false }, { ...deleted, isDeleted: true }].map(buildDesired),
    live: buildLiveState({
      [updated.id]: found(storeAsAltinn(updated)),
      [deleted.id]: found(storeAsAltinn(deleted)),
    }),
    settings: DEFAULT_PLAN_SETTINGS,
    environment: 'tt02',
  });
}

/** Every write fails with what `failure` gives for it. */
function failingClient(failure: (id: string) => unknown): ApplyClient {
  return {
    async createSystem(body: RegisterSystemRequest) {
      throw failure(body.id);
    },
    async updateSystem(id: string) {
      throw failure(id);
    },
    async deleteSystem(id: string) {
      throw failure(id);
    },
  };
}

const succeeding: ApplyClient = {
  createSystem: async () => ({ internalId: 'guid', confirmedByRead: false }),
  updateSystem: async () => undefined,
  deleteSystem: async () => undefined,
};

async function resultsOf(client: ApplyClient): Promise<Omit<SystemApplyResult, 'durationMs'>[]> {
  const report = await applyPlan(threeChanges(), { client, now: () => 0 });
  return report.results.map(({ durationMs, ...rest }) => {
    expect(durationMs).toBe(0);
    return rest;
  });
}

describe('applyPlan failure reports', () => {
  it('gives Altinn’s message and codes when it names codes', async () => {
    const results = await resultsOf(
      failingClient(
        (id) =>
          new AltinnError({
            status: 400,
            method: 'PUT',
            path: `/vendor/${id}`,
            body: JSON.stringify({ validationErrors: [{ code: 'AUTH.VLD-00004', title: 'taken' }] }),
            contentType: 'application/problem+json',
          }),
      ),
    );
    expect(results[0]).toMatchObject({ outcome: 'failed', status: 400, codes: ['AUTH.VLD-00004'] });
    expect(results[0]?.message).toMatch(/^PUT \/vendor\/991825827_created answered 400: .*AUTH\.VLD-00004/);
  });

  it('says what answered what, with the body or that it was empty, when Altinn names no codes', async () => {
    const withBody = await resultsOf(
      failingClient(
        (id) =>
          new AltinnError({
            status: 500,
            method: 'POST',
            path: `/vendor/${id}`,
            body: 'boom',
            contentType: 'text/plain',
          }),
      ),
    );
    expect(withBody[0]).toEqual({
      systemId: created.id,
      action: 'create',
      outcome: 'failed',
      status: 500,
      codes: [],
      message: `POST /vendor/${created.id} answered 500: boom`,
    });
    const empty = await resultsOf(
      failingClient(
        (id) => new AltinnError({ status: 502, method: 'DELETE', path: `/vendor/${id}`, body: '' }),
      ),
    );
    expect(empty[0]?.message).toBe(`DELETE /vendor/${created.id} answered 502: (empty body)`);
  });

  it('reports a client error with no status, a write cut off as stopped, and anything else as thrown', async () => {
    expect((await resultsOf(failingClient(() => new AltinnClientError('no token'))))[1]).toEqual({
      systemId: updated.id,
      action: 'update',
      outcome: 'failed',
      status: null,
      codes: [],
      message: 'no token',
    });
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect((await resultsOf(failingClient(() => abort)))[2]).toEqual({
      systemId: deleted.id,
      action: 'delete',
      outcome: 'failed',
      status: null,
      codes: [],
      message: 'Stopped while in flight; the next run reads the outcome.',
    });
    expect((await resultsOf(failingClient(() => new TypeError('bad'))))[0]?.message).toBe('bad');
    expect((await resultsOf(failingClient(() => 'a string')))[0]?.message).toBe('a string');
  });

  it('notes a create whose answer was lost and a read confirmed', async () => {
    const results = await resultsOf({
      ...succeeding,
      createSystem: async () => ({ internalId: undefined, confirmedByRead: true }),
    });
    expect(results).toEqual([
      {
        systemId: created.id,
        action: 'create',
        outcome: 'applied',
        message: 'The answer was lost; a read confirmed the create.',
      },
      { systemId: updated.id, action: 'update', outcome: 'applied' },
      { systemId: deleted.id, action: 'delete', outcome: 'applied' },
    ]);
  });

  it('a change without a request body fails without a write', async () => {
    const plan = threeChanges();
    const broken: Plan = {
      ...plan,
      changes: plan.changes.map((change) =>
        change.action === 'create' ? { ...change, request: null } : change,
      ),
    };
    const writes: string[] = [];
    const report = await applyPlan(broken, {
      client: {
        ...succeeding,
        createSystem: async (body) => (writes.push(body.id), { internalId: 'g', confirmedByRead: false }),
      },
    });
    expect(writes).toEqual([]);
    expect(report.results[0]).toMatchObject({
      outcome: 'failed',
      status: null,
      codes: [],
      message: 'The plan holds no request body for this change.',
    });
  });

  it('counts, times and reports progress, and a listener that throws does not stop it', async () => {
    let clock = 100;
    const seen: [number, number, string][] = [];
    const report = await applyPlan(threeChanges(), {
      client: succeeding,
      concurrency: 1,
      now: () => (clock += 10),
      onProgress: ({ done, total, result }) => {
        seen.push([done, total, result.systemId]);
        throw new Error('broken pipe');
      },
    });
    expect(seen.map(([done, total]) => `${done}/${total}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(report.counts).toEqual({ total: 3, applied: 3, skipped: 0, failed: 0 });
    expect(report.environment).toBe('tt02');
    expect(report.checksum).toBe(threeChanges().checksum);
    expect(report.durationMs).toBeGreaterThan(0);
    for (const result of report.results) expect(result.durationMs).toBe(10);
  });

  it('refuses a concurrency that is not a whole number of at least one', async () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(applyPlan(threeChanges(), { client: succeeding, concurrency })).rejects.toThrow(
        `concurrency must be a whole number ≥ 1, got ${concurrency}`,
      );
    }
    const report = await applyPlan(threeChanges(), { client: succeeding, concurrency: 1 });
    expect(report.counts.applied).toBe(3);
  });
});
