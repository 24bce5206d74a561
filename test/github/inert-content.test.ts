import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatInlineCode } from '../../src/github/inline-code.ts';
import { createGitHubReporterFromEnvironment } from '../../src/github/report.ts';
import { createActionsRun, recordRunner } from '../support/actions-run.ts';
import type { FakeGitHub } from '../support/fake-github.ts';
import { startFakeGitHub } from '../support/fake-github.ts';
import { buildPlanReport, readEvent, readPullRequestEvent } from './plan-helpers.ts';

const HEAD = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
/** A hostile system name: Markdown, HTML, a mention, and backticks that try to close a code span. */
const HOSTILE = 'Evil ``` **bold** [link](https://x.test) <img src=x onerror=alert(1)> @someone';
/** What the plan renderer (branch `plan`) hands over: already escaped, and it must reach GitHub as is. */
const ESCAPED_BY_RENDERER =
  'Evil \\`\\`\\` \\*\\*bold\\*\\* \\[link\\](https://x.test) &lt;img src=x onerror=alert(1)&gt; @\u200bsomeone';

/** Removes CommonMark code spans (a backtick run closed by a run of the same length), leaving live text. */
function stripCodeSpans(markdown: string): string {
  return markdown.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

describe('user content stays inert', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addPullRequest({ number: 7, headSha: HEAD, files: ['systems/acme-payroll.yaml'] });
  });
  afterEach(() => github.close());

  it('passes the rendered plan through untouched and quotes ids it adds itself', async () => {
    const run = await createActionsRun({
      github,
      eventName: 'pull_request',
      event: await readPullRequestEvent('pull_request.opened.json', HEAD),
      sha: 'merge-sha',
    });
    const markdown = `<details><summary>${ESCAPED_BY_RENDERER}: update</summary>\n\nname changed\n</details>\n`;
    try {
      const runner = recordRunner();
      const reporter = await createGitHubReporterFromEnvironment(run.env, runner);
      await reporter.reportPlan(
        buildPlanReport({
          markdown,
          changedFilesInPlan: [{ file: 'systems/evil.yaml', systemId: HOSTILE }],
        }),
      );
      const body = github.comments(7)[0]!.body;
      // The renderer's escaping survives byte for byte: nothing was un-escaped or re-rendered.
      expect(body).toContain(markdown.trimEnd());
      expect(runner.summary).toContain(markdown.trimEnd());
      // The id sysreg adds in its own warning is a code span, so the raw name is inert there.
      expect(body).toContain(formatInlineCode(HOSTILE));
      const live = stripCodeSpans(body.replace(markdown.trimEnd(), ''));
      expect(live).not.toContain('@someone');
      expect(live).not.toContain('<img');
      expect(live).not.toContain('**bold**');
      expect(live).not.toContain('[link]');
    } finally {
      await run.cleanup();
    }
  });

  it('does the same in apply comments and the drift issue', async () => {
    github.addPullRequest({ number: 8, headSha: 'b'.repeat(40), merged: true });
    github.linkCommit('m'.repeat(40), [8]);
    const push = await createActionsRun({
      github,
      eventName: 'push',
      event: await readEvent('push.json'),
      sha: 'm'.repeat(40),
    });
    const counts = { creates: 1, updates: 0, deletes: 0, blocked: 0, unmanaged: 0, changes: 1 };
    await (
      await createGitHubReporterFromEnvironment(push.env, recordRunner())
    ).reportApply({
      environment: HOSTILE,
      markdown: ESCAPED_BY_RENDERER,
      counts,
      ok: true,
    });
    const apply = github.comments(8)[0]!.body;
    expect(apply).toContain(ESCAPED_BY_RENDERER);
    expect(stripCodeSpans(apply.replace(ESCAPED_BY_RENDERER, ''))).not.toMatch(/@someone|<img|\*\*bold/);
    await push.cleanup();

    const schedule = await createActionsRun({
      github,
      eventName: 'schedule',
      event: await readEvent('schedule.json'),
      sha: 's',
    });
    await (
      await createGitHubReporterFromEnvironment(schedule.env, recordRunner())
    ).reportDrift({
      environment: 'tt02',
      hasDrift: true,
      markdown: ESCAPED_BY_RENDERER,
    });
    expect(github.issues()[0]!.body).toContain(ESCAPED_BY_RENDERER);
    await schedule.cleanup();
  });

  it('formats code spans that text cannot close', () => {
    expect(formatInlineCode('plain')).toBe('`plain`');
    expect(formatInlineCode('a`b')).toBe('``a`b``');
    expect(formatInlineCode('`edge`')).toBe('`` `edge` ``');
    expect(formatInlineCode('two\nlines')).toBe('`two lines`');
    expect(stripCodeSpans(`x ${formatInlineCode('``` @someone ```')} y`)).toBe('x  y');
  });
});
