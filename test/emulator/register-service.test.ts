/**
 * The register's checks called directly (no HTTP), for callers the local Maskinporten never issues:
 * a foreign `consumer` authority or prefix, and no `consumer` at all (shared/altinn-system-register.md §1.1).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/catalogue/default-catalogue.ts';
import { CatalogueStore } from '../../src/emulator/catalogue-store.ts';
import type { Caller, RegisterContext } from '../../src/emulator/register-service.ts';
import { handleRegisterRequest } from '../../src/emulator/register-service.ts';
import { RegisterState } from '../../src/emulator/register-state.ts';
import { VENDOR_ORG, WRITE, buildSystem } from '../support/emulator-harness.ts';

function createContext(): RegisterContext {
  let n = 0;
  return {
    state: new RegisterState(),
    catalogue: new CatalogueStore(DEFAULT_CATALOGUE),
    now: () => 0,
    newInternalId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

const vendor: Caller = {
  scope: WRITE,
  consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` },
  clientId: 'c',
};
const call = (context: RegisterContext, caller: Caller, method: string, segments: string[], body = '') =>
  handleRegisterRequest(context, { method, segments, query: new URLSearchParams(), body, caller });

describe('§1.1 consumer claim', () => {
  it('§1.1: a consumer with another authority or prefix makes the ownership helper throw → 500', async () => {
    const context = createContext();
    const id = `${VENDOR_ORG}_x`;
    expect(call(context, vendor, 'POST', ['vendor'], JSON.stringify(buildSystem(id))).reply.status).toBe(200);
    for (const consumer of [
      { authority: 'other', ID: `0192:${VENDOR_ORG}` },
      { authority: 'iso6523-actorid-upis', ID: `9908:${VENDOR_ORG}` },
    ]) {
      expect(call(context, { ...vendor, consumer }, 'GET', ['vendor', id]).reply.status).toBe(500);
      const created = call(
        context,
        { ...vendor, consumer },
        'POST',
        ['vendor'],
        JSON.stringify(buildSystem(`${VENDOR_ORG}_y`)),
      );
      expect(created.reply.status).toBe(500);
      expect(created.committed).toBe(false);
    }
  });

  it('§1.2 #3: GET /vendor without a consumer claim → 403', () => {
    const reply = call(createContext(), { ...vendor, consumer: undefined }, 'GET', ['vendor']).reply;
    expect(reply.status).toBe(403);
  });

  it('§1.1: the scope must match exactly after splitting on spaces', () => {
    const context = createContext();
    expect(call(context, { ...vendor, scope: `${WRITE}x` }, 'GET', ['vendor']).reply.status).toBe(403);
    expect(call(context, { ...vendor, scope: `openid ${WRITE}` }, 'GET', ['vendor']).reply.status).toBe(200);
  });

  it('a write reports committed; a refused one does not', () => {
    const context = createContext();
    expect(
      call(context, vendor, 'POST', ['vendor'], JSON.stringify(buildSystem(`${VENDOR_ORG}_c`))).committed,
    ).toBe(true);
    expect(
      call(context, vendor, 'POST', ['vendor'], JSON.stringify(buildSystem(`${VENDOR_ORG}_c`))).committed,
    ).toBe(false);
  });

  it('§4.1: DELETE answers 400 without client ids yet reports the write as committed', () => {
    const context = createContext();
    call(context, vendor, 'POST', ['vendor'], JSON.stringify(buildSystem(`${VENDOR_ORG}_d`)));
    const outcome = call(context, vendor, 'DELETE', ['vendor', `${VENDOR_ORG}_d`]);
    expect(outcome.reply.status).toBe(400);
    expect(outcome.committed).toBe(true);
  });
});
