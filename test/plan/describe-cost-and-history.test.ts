/**
 * The sentences a reviewer reads beside a delete (whose integration stops) and beside a drifted
 * system (who changed it outside sysreg, and when), for every case the plan can carry.
 */
import { describe, expect, it } from 'vitest';
import { describeDeleteCost } from '../../src/plan/describe-delete-cost.ts';
import { describeDriftHistory, formatChangeTime } from '../../src/plan/describe-drift-history.ts';
import type { DriftItem, OutsideChange } from '../../src/plan/drift.ts';
import type { PlannedChange } from '../../src/plan/plan-types.ts';
import { DEFAULT_PLAN_SETTINGS } from '../../src/plan/plan-types.ts';
import { createPlan } from '../../src/plan/plan.ts';
import { escapeMarkdownText, renderPlanMarkdown } from '../../src/plan/render-markdown.ts';
import { renderPlanText } from '../../src/plan/render-text.ts';
import type { LiveState } from '../../src/model/live-state.ts';
import { buildDesired, buildLiveState, buildSpec, found, storeAsAltinn } from '../support/system-builders.ts';

const deletion: PlannedChange = {
  systemId: '991825827_gone',
  action: 'delete',
  file: 'systems/991825827_gone.yaml',
  name: { nb: 'gone' },
  fields: [],
  request: null,
  dependsOn: [],
  phase: 2,
  deleteCause: 'tombstone',
};

describe('describeDeleteCost', () => {
  it('says nothing when the plan read no system users', () => {
    expect(describeDeleteCost(deletion)).toBeUndefined();
  });

  it('says the cost is unknown when they could not be read, with why', () => {
    expect(describeDeleteCost({ ...deletion, systemUsersUnreadable: 'HTTP 500', systemUsers: 3 })).toBe(
      'Its system users could not be read (HTTP 500); customers may lose their integration.',
    );
    expect(describeDeleteCost({ ...deletion, systemUsersUnreadable: '' })).toBe(
      'Its system users could not be read (); customers may lose their integration.',
    );
  });

  it('counts system users and names the customers listed, and how many more', () => {
    expect(describeDeleteCost({ ...deletion, systemUsers: 0, systemUserCustomers: [] })).toBe(
      'It has no system users: no customer loses an integration.',
    );
    expect(describeDeleteCost({ ...deletion, systemUsers: 1, systemUserCustomers: ['310000001'] })).toBe(
      '1 system user stops working: the customer 310000001.',
    );
    expect(
      describeDeleteCost({ ...deletion, systemUsers: 2, systemUserCustomers: ['310000001', '310000002'] }),
    ).toBe('2 system users stop working: customers 310000001, 310000002.');
    expect(describeDeleteCost({ ...deletion, systemUsers: 7, systemUserCustomers: ['310000001'] })).toBe(
      '7 system users stop working: customers 310000001, and 6 more.',
    );
  });
});

const drifted: DriftItem = {
  systemId: '991825827_drifted',
  kind: 'changed-outside-git',
  file: 'systems/991825827_drifted.yaml',
  name: { nb: 'drifted' },
  fields: [],
  detail: 'Changed outside git.',
};

const change: OutsideChange = {
  created: '2026-11-20T14:02:07.123Z',
  changeType: 'update',
  changedByOrgNumber: '310000001',
  clientId: 'portal',
};

describe('describeDriftHistory', () => {
  it('tells an unread changelog, an unreadable one and one with only sysreg’s writes apart', () => {
    expect(describeDriftHistory(drifted)).toEqual({ kind: 'none' });
    expect(describeDriftHistory({ ...drifted, historyUnreadable: 'HTTP 403', history: [change] })).toEqual({
      kind: 'unreadable',
      reason: 'HTTP 403',
    });
    expect(describeDriftHistory({ ...drifted, historyUnreadable: '' })).toEqual({
      kind: 'unreadable',
      reason: '',
    });
    expect(describeDriftHistory({ ...drifted, history: [] })).toEqual({ kind: 'only-sysreg' });
  });

  it('gives one line per outside change, unknown where Altinn did not say who', () => {
    const history: OutsideChange[] = [
      change,
      { created: 'yesterday', changeType: 'delete', changedByOrgNumber: null, clientId: null },
      { ...change, clientId: '' },
    ];
    expect(describeDriftHistory({ ...drifted, history })).toEqual({
      kind: 'changes',
      lines: [
        { time: '2026-11-20 14:02:07 UTC', changeType: 'update', orgNumber: '310000001', clientId: 'portal' },
        { time: 'yesterday', changeType: 'delete', orgNumber: 'unknown', clientId: 'unknown' },
        {
          time: '2026-11-20 14:02:07 UTC',
          changeType: 'update',
          orgNumber: '310000001',
          clientId: 'unknown',
        },
      ],
    });
  });

  it('writes a time as UTC to the second, and keeps what is not a time', () => {
    expect(formatChangeTime('2026-01-02T03:04:05+01:00')).toBe('2026-01-02 02:04:05 UTC');
    expect(formatChangeTime('not a time')).toBe('not a time');
    expect(formatChangeTime('')).toBe('');
  });
});

describe('a delete’s cost in the plan', () => {
  const doomed = buildSpec('doomed');
  const pruned = buildSpec('pruned');
  const unread = buildSpec('unread');
  const customers = Array.from({ length: 7 }, (_, index) => `31000000${index + 1}`);
  const live: LiveState = {
    ...buildLiveState({
      [doomed.id]: found(storeAsAltinn(doomed)),
      [pruned.id]: found(storeAsAltinn(pruned)),
      [unread.id]: found(storeAsAltinn(unread)),
    }),
    systemUsers: {
      [doomed.id]: { status: 'read', reporteeOrgNumbers: customers },
      [pruned.id]: { status: 'read', reporteeOrgNumbers: [] },
      [unread.id]: { status: 'unreadable', reason: 'HTTP 503' },
    },
  };
  const plan = createPlan({
    desired: [
      { ...doomed, isDeleted: true },
      { ...unread, isDeleted: true },
    ].map(buildDesired),
    live,
    settings: { ...DEFAULT_PLAN_SETTINGS, prune: true },
    environment: 'tt02',
    commit: 'c0ffee1',
  });
  const changeOf = (id: string) => plan.changes.find((change) => change.systemId === id);

  it('counts every system user and names the first five customers', () => {
    expect(changeOf(doomed.id)).toMatchObject({ systemUsers: 7, systemUserCustomers: customers.slice(0, 5) });
    expect(changeOf(pruned.id)).toMatchObject({
      deleteCause: 'prune',
      systemUsers: 0,
      systemUserCustomers: [],
    });
    expect(changeOf(unread.id)?.systemUsersUnreadable).toBe('HTTP 503');
    expect(changeOf(unread.id)?.systemUsers).toBeUndefined();
  });

  it('shows it in the text and Markdown plans, with the commit', () => {
    const text = renderPlanText(plan, { color: false });
    const markdown = renderPlanMarkdown(plan);
    const sentences = [
      '7 system users stop working: customers 310000001, 310000002, 310000003, 310000004, 310000005, and 2 more.',
      'It has no system users: no customer loses an integration.',
      'Its system users could not be read (HTTP 503); customers may lose their integration.',
    ];
    for (const sentence of sentences) {
      expect(text).toContain(sentence);
      // Markdown makes every character inert that could start a link, an emoji or HTML.
      expect(markdown).toContain(escapeMarkdownText(sentence));
    }
    expect(markdown).toContain('<sub>Commit `c0ffee1` · checksum `sha256:');
    expect(markdown).toContain('No file describes this system, and prune is on.');
  });
});
