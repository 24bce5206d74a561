/**
 * A stand-in GitHub REST API on 127.0.0.1:<random port>, for tests of src/github/ and end-to-end CLI
 * scenarios. It holds one repository's issues, pull requests, comments, labels and commit→pull links,
 * answers with GitHub's shapes, paginates with `Link` headers, and records every request.
 *
 *   const github = await startFakeGitHub({ token: 'ghs_test' });   // owner 'acme', repo 'systems'
 *   github.url                                 // GITHUB_API_URL for the code under test
 *   github.addPullRequest({ number: 7, headSha: 'abc', files: ['systems/a.yaml'] });
 *   github.addPullRequest({ number: 8, headSha: 'def', merged: true });  // merged (and closed)
 *   github.mergePullRequest(7);                // as the merge button: merged and closed
 *   github.linkCommit('merge-sha', [8]);       // GET /commits/merge-sha/pulls → [#8]
 *   github.addComment(7, 'hello', 'someone');  // seed comments (e.g. to force pagination)
 *   github.failNext({ method: 'POST', path: /\/comments$/, status: 500, times: 4 });
 *   github.requests                            // [{ method, path, query, body }] in order
 *   github.comments(7); github.issues(); github.labels();
 *   await github.close();
 *
 * Served endpoints (all under /repos/{owner}/{repo}):
 *   GET/POST   /issues/{n}/comments        PATCH/DELETE /issues/comments/{id}
 *   GET/POST   /issues                     PATCH /issues/{n}          (GET filters state, labels)
 *   GET        /labels/{name}              POST  /labels
 *   GET        /pulls/{n}/files            GET   /commits/{sha}/pulls
 *   GET        /user (403, as for an installation token, unless `tokenUser` is set)
 *   GET        /issues/{n}/events          GET   /collaborators/{login}/permission
 *   GET        /deployments                GET   /deployments/{id}/statuses
 *   GET        /actions/artifacts?name=    GET   /actions/runs/{id}
 * Anything else answers 404. A request without `Authorization: token|bearer <token>` answers 401.
 * `pageSize` (default 30) caps `per_page`, so tests reach the second page with few records.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/repos/acme/systems/issues/7/comments`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: string;
}

export interface FakeLabel {
  name: string;
  color: string;
  description: string;
}

export interface FakePullRequest {
  number: number;
  headSha: string;
  baseRef: string;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  labels: string[];
  files: { filename: string; status: string; previous_filename?: string }[];
}

/** A label added to or removed from an issue or pull request, as `GET /issues/{n}/events` lists it. */
export interface FakeIssueEvent {
  issueNumber: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: string;
  createdAt: string;
}

/** A workflow run and the artifacts it uploaded (file name → content). */
export interface FakeWorkflowRun {
  id: number;
  /** e.g. `.github/workflows/pull-request.yml` */
  path: string;
  event: string;
  conclusion: string | null;
  headSha: string;
  artifacts: { id: number; name: string; expired: boolean; files: Record<string, string> }[];
}

export interface FailureRule {
  method: string;
  path: RegExp | string;
  status: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  message?: string;
  /** Extra response headers, e.g. `x-ratelimit-remaining: 0` to act as a rate limit. */
  headers?: Record<string, string>;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** The token the API accepts; default `ghs_fake_token_for_tests`. */
  token?: string;
  /** Largest page size served; default 30 (GitHub's default per_page). */
  pageSize?: number;
  /**
   * The user the token belongs to (a personal token): `GET /user` answers with it and it authors what
   * the token posts. Unset, the token is an installation token like the Actions `GITHUB_TOKEN`:
   * `GET /user` is refused (403) and posts are by `github-actions[bot]`.
   */
  tokenUser?: string;
}

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  token: string;
  requests: RecordedRequest[];
  addPullRequest(pull: {
    number: number;
    headSha: string;
    baseRef?: string;
    files?: (string | { filename: string; status?: string; previous_filename?: string })[];
    state?: 'open' | 'closed';
    merged?: boolean;
    labels?: string[];
  }): FakePullRequest;
  /** Sets the files a pull request changes (as a new push to it would). */
  setPullRequestFiles(number: number, files: string[]): void;
  /** Merges (and so closes) a pull request, as the merge button does; the time is the fake clock's. */
  mergePullRequest(number: number, mergeCommitSha?: string): void;
  /**
   * `GET /commits/{sha}/pulls` → these pull requests; with `after`, only from that many requests on
   * (GitHub fills the link in after a delay, and answers `[]` until then).
   */
  linkCommit(sha: string, pullNumbers: number[], options?: { after?: number }): void;
  /** Adds (or removes) a label as `actor`, at the fake clock's next tick. */
  label(issueNumber: number, label: string, actor: string, action?: 'labeled' | 'unlabeled'): void;
  /** The role `GET /collaborators/{login}/permission` answers (default `read`). */
  setRole(login: string, role: 'read' | 'triage' | 'write' | 'maintain' | 'admin'): void;
  addWorkflowRun(
    run: Omit<FakeWorkflowRun, 'artifacts'> & { artifacts?: FakeWorkflowRun['artifacts'] },
  ): void;
  /** A deployment to `environment` at `sha` with the given final status (newest listed first). */
  addDeployment(
    environment: string,
    sha: string,
    state: 'success' | 'failure' | 'error' | 'in_progress',
  ): void;
  addComment(issueNumber: number, body: string, user?: string): FakeComment;
  /** Seeds an issue opened by `user` (default 'someone'); its labels are created as needed. */
  addIssue(issue: { title: string; body: string; labels?: string[]; user?: string }): FakeIssue;
  comments(issueNumber: number): FakeComment[];
  issues(): FakeIssue[];
  labels(): FakeLabel[];
  failNext(rule: FailureRule): void;
  /** Requests that changed state (anything but GET). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'systems';
  const token = options.token ?? 'ghs_fake_token_for_tests';
  const pageSize = options.pageSize ?? 30;
  const poster = options.tokenUser ?? 'github-actions[bot]';
  const requests: RecordedRequest[] = [];
  const comments: FakeComment[] = [];
  const issues: FakeIssue[] = [];
  const labels: FakeLabel[] = [];
  const pulls: FakePullRequest[] = [];
  const commitPulls = new Map<string, { numbers: number[]; after: number; asked: number }>();
  const issueEvents: FakeIssueEvent[] = [];
  const roles = new Map<string, string>();
  const runs: FakeWorkflowRun[] = [];
  const deployments: { id: number; environment: string; sha: string; state: string }[] = [];
  const failures: (FailureRule & { remaining: number })[] = [];
  let nextCommentId = 1000;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let baseUrl = '';

  const now = () => new Date((clock += 1000)).toISOString();
  const nextIssueNumber = () =>
    Math.max(0, ...issues.map((i) => i.number), ...pulls.map((p) => p.number)) + 1;
  const htmlBase = `https://github.test/${owner}/${repo}`;
  const userJson = (login: string) => ({
    login,
    id: login.length,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  });
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `${htmlBase}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${baseUrl}/repos/${owner}/${repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  });
  const labelJson = (l: FakeLabel) => ({
    id: l.name.length,
    name: l.name,
    color: l.color,
    description: l.description,
  });
  const issueJson = (i: FakeIssue) => ({
    id: i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: i.labels.map((name) =>
      labelJson(labels.find((l) => l.name === name) ?? { name, color: '', description: '' }),
    ),
    html_url: `${htmlBase}/issues/${i.number}`,
    user: userJson(i.user),
  });
  const pullJson = (p: FakePullRequest) => ({
    id: p.number,
    number: p.number,
    state: p.state,
    merged_at: p.merged ? (p.mergedAt ?? '2026-01-01T12:00:00Z') : null,
    merge_commit_sha: p.mergeCommitSha,
    labels: p.labels.map((name) => ({ name })),
    html_url: `${htmlBase}/pull/${p.number}`,
    head: { sha: p.headSha, ref: `branch-${p.number}` },
    base: { ref: p.baseRef },
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const method = req.method ?? 'GET';
      const path = decodeURIComponent(url.pathname);
      requests.push({ method, path, query: Object.fromEntries(url.searchParams), body });
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${token}` && auth !== `bearer ${token}` && auth !== `Bearer ${token}`) {
        return send(401, { message: 'Bad credentials', status: '401' });
      }
      const failure = failures.find(
        (f) =>
          f.remaining > 0 &&
          f.method === method &&
          (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
      );
      if (failure) {
        failure.remaining -= 1;
        return send(
          failure.status,
          { message: failure.message ?? `Injected failure ${failure.status}` },
          failure.headers,
        );
      }
      const paginate = (items: unknown[]) => {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '30') || 30, pageSize);
        const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
        const last = Math.max(1, Math.ceil(items.length / perPage));
        const links: string[] = [];
        const link = (p: number, rel: string) => {
          const next = new URL(url.toString());
          next.searchParams.set('page', String(p));
          next.searchParams.set('per_page', String(perPage));
          links.push(`<${baseUrl}${next.pathname}${next.search}>; rel="${rel}"`);
        };
        if (page < last) {
          link(page + 1, 'next');
          link(last, 'last');
        }
        if (page > 1) {
          link(1, 'first');
          link(page - 1, 'prev');
        }
        send(
          200,
          items.slice((page - 1) * perPage, page * perPage),
          links.length ? { link: links.join(', ') } : {},
        );
      };
      if (path === '/user' && method === 'GET') {
        if (options.tokenUser) return send(200, userJson(options.tokenUser));
        return send(403, { message: 'Resource not accessible by integration', status: '403' });
      }
      const prefix = `/repos/${owner}/${repo}`;
      if (!path.startsWith(`${prefix}/`)) return send(404, { message: 'Not Found' });
      const route = path.slice(prefix.length);
      const input = (body ?? {}) as Record<string, unknown>;
      let match: RegExpMatchArray | null;

      if ((match = route.match(/^\/issues\/(\d+)\/comments$/))) {
        const issueNumber = Number(match[1]);
        if (!issues.some((i) => i.number === issueNumber) && !pulls.some((p) => p.number === issueNumber)) {
          return send(404, { message: 'Not Found' });
        }
        if (method === 'GET')
          return paginate(comments.filter((c) => c.issueNumber === issueNumber).map(commentJson));
        if (method === 'POST') {
          if (typeof input.body !== 'string') return send(422, { message: 'Validation Failed' });
          if (input.body.length > 65_536)
            return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
          const at = now();
          const comment: FakeComment = {
            id: nextCommentId++,
            issueNumber,
            body: input.body,
            user: poster,
            createdAt: at,
            updatedAt: at,
          };
          comments.push(comment);
          return send(201, commentJson(comment));
        }
      }
      if ((match = route.match(/^\/issues\/comments\/(\d+)$/)) && method === 'DELETE') {
        const index = comments.findIndex((c) => c.id === Number(match?.[1]));
        if (index < 0) return send(404, { message: 'Not Found' });
        comments.splice(index, 1);
        res.writeHead(204);
        return res.end();
      }
      if ((match = route.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
        const comment = comments.find((c) => c.id === Number(match?.[1]));
        if (!comment) return send(404, { message: 'Not Found' });
        if (typeof input.body !== 'string') return send(422, { message: 'Validation Failed' });
        if (input.body.length > 65_536)
          return send(422, { message: 'Body is too long (maximum is 65536 characters)' });
        comment.body = input.body;
        comment.updatedAt = now();
        return send(200, commentJson(comment));
      }
      if (route === '/issues' && method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        return paginate(
          issues
            .filter((i) => state === 'all' || i.state === state)
            .filter((i) => wanted.every((name) => i.labels.includes(name)))
            .map(issueJson),
        );
      }
      if (route === '/issues' && method === 'POST') {
        if (typeof input.title !== 'string') return send(422, { message: 'Validation Failed' });
        const names = Array.isArray(input.labels) ? input.labels.map(String) : [];
        for (const name of names) {
          if (!labels.some((l) => l.name === name)) labels.push({ name, color: 'ededed', description: '' });
        }
        const issue: FakeIssue = {
          number: nextIssueNumber(),
          title: input.title,
          body: typeof input.body === 'string' ? input.body : '',
          state: 'open',
          stateReason: null,
          labels: names,
          user: poster,
        };
        issues.push(issue);
        return send(201, issueJson(issue));
      }
      if ((match = route.match(/^\/issues\/(\d+)$/)) && method === 'PATCH') {
        const issue = issues.find((i) => i.number === Number(match?.[1]));
        if (!issue) return send(404, { message: 'Not Found' });
        if (typeof input.title === 'string') issue.title = input.title;
        if (typeof input.body === 'string') issue.body = input.body;
        if (input.state === 'open' || input.state === 'closed') issue.state = input.state;
        if (typeof input.state_reason === 'string') issue.stateReason = input.state_reason;
        return send(200, issueJson(issue));
      }
      if ((match = route.match(/^\/labels\/(.+)$/)) && method === 'GET') {
        const label = labels.find((l) => l.name === match?.[1]);
        return label ? send(200, labelJson(label)) : send(404, { message: 'Not Found' });
      }
      if (route === '/labels' && method === 'POST') {
        if (typeof input.name !== 'string') return send(422, { message: 'Validation Failed' });
        if (labels.some((l) => l.name === input.name)) {
          return send(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Label', code: 'already_exists' }],
          });
        }
        const label = {
          name: input.name,
          color: typeof input.color === 'string' ? input.color : 'ededed',
          description: typeof input.description === 'string' ? input.description : '',
        };
        labels.push(label);
        return send(201, labelJson(label));
      }
      if ((match = route.match(/^\/pulls\/(\d+)\/files$/)) && method === 'GET') {
        const pull = pulls.find((p) => p.number === Number(match?.[1]));
        if (!pull) return send(404, { message: 'Not Found' });
        return paginate(
          pull.files.map((f) => ({ sha: 'f'.repeat(40), additions: 1, deletions: 0, changes: 1, ...f })),
        );
      }
      if ((match = route.match(/^\/commits\/([^/]+)\/pulls$/)) && method === 'GET') {
        const link = commitPulls.get(match[1] ?? '');
        if (link) link.asked += 1;
        const numbers = link && link.asked > link.after ? link.numbers : [];
        return paginate(numbers.flatMap((n) => pulls.filter((p) => p.number === n)).map(pullJson));
      }
      if ((match = route.match(/^\/issues\/(\d+)\/events$/)) && method === 'GET') {
        return paginate(
          issueEvents
            .filter((e) => e.issueNumber === Number(match?.[1]))
            .map((e, index) => ({
              id: index + 1,
              event: e.event,
              label: { name: e.label },
              actor: userJson(e.actor),
              created_at: e.createdAt,
            })),
        );
      }
      if ((match = route.match(/^\/collaborators\/([^/]+)\/permission$/)) && method === 'GET') {
        const role = roles.get(match[1] ?? '') ?? 'read';
        const permission =
          role === 'maintain' || role === 'triage' ? (role === 'maintain' ? 'write' : 'read') : role;
        return send(200, { permission, role_name: role, user: userJson(match[1] ?? '') });
      }
      if (route === '/deployments' && method === 'GET') {
        const environment = url.searchParams.get('environment');
        return paginate(
          deployments
            .filter((d) => !environment || d.environment === environment)
            .toReversed()
            .map((d) => ({ id: d.id, sha: d.sha, environment: d.environment })),
        );
      }
      if ((match = route.match(/^\/deployments\/(\d+)\/statuses$/)) && method === 'GET') {
        const deployment = deployments.find((d) => d.id === Number(match?.[1]));
        if (!deployment) return send(404, { message: 'Not Found' });
        return paginate([{ id: deployment.id * 10, state: deployment.state }]);
      }
      if (route === '/actions/artifacts' && method === 'GET') {
        const name = url.searchParams.get('name');
        const artifacts = runs
          .flatMap((run) => run.artifacts.map((artifact) => ({ run, artifact })))
          .filter(({ artifact }) => !name || artifact.name === name)
          .toReversed()
          .map(({ run, artifact }) => ({
            id: artifact.id,
            name: artifact.name,
            expired: artifact.expired,
            expires_at: '2026-02-01T00:00:00Z',
            workflow_run: { id: run.id, head_sha: run.headSha },
          }));
        return send(200, { total_count: artifacts.length, artifacts });
      }
      if ((match = route.match(/^\/actions\/runs\/(\d+)$/)) && method === 'GET') {
        const run = runs.find((r) => r.id === Number(match?.[1]));
        if (!run) return send(404, { message: 'Not Found' });
        return send(200, {
          id: run.id,
          path: run.path,
          event: run.event,
          conclusion: run.conclusion,
          head_sha: run.headSha,
        });
      }
      // Not GitHub's: the files of an artifact, for the stand-in gh's `run download`.
      if ((match = route.match(/^\/actions\/runs\/(\d+)\/artifact-files\/(.+)$/)) && method === 'GET') {
        const run = runs.find((r) => r.id === Number(match?.[1]));
        const artifact = run?.artifacts.find((a) => a.name === match?.[2] && !a.expired);
        if (!artifact) return send(404, { message: 'no valid artifacts found to download' });
        return send(200, artifact.files);
      }
      return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const toFiles = (files: (string | { filename: string; status?: string; previous_filename?: string })[]) =>
    files.map((f) =>
      typeof f === 'string' ? { filename: f, status: 'modified' } : { status: 'modified', ...f },
    );

  return {
    url: baseUrl,
    owner,
    repo,
    token,
    requests,
    addPullRequest(pull) {
      const record: FakePullRequest = {
        number: pull.number,
        headSha: pull.headSha,
        baseRef: pull.baseRef ?? 'main',
        state: pull.state ?? (pull.merged ? 'closed' : 'open'),
        merged: pull.merged ?? false,
        mergedAt: null,
        mergeCommitSha: null,
        labels: pull.labels ?? [],
        files: toFiles(pull.files ?? []),
      };
      pulls.push(record);
      return record;
    },
    setPullRequestFiles(number, files) {
      const pull = pulls.find((p) => p.number === number);
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.files = toFiles(files);
    },
    mergePullRequest(number, mergeCommitSha) {
      const pull = pulls.find((p) => p.number === number);
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.merged = true;
      pull.state = 'closed';
      pull.mergedAt = now();
      pull.mergeCommitSha = mergeCommitSha ?? null;
    },
    linkCommit(sha, pullNumbers, linkOptions = {}) {
      commitPulls.set(sha, { numbers: pullNumbers, after: linkOptions.after ?? 0, asked: 0 });
    },
    label(issueNumber, name, actor, action = 'labeled') {
      issueEvents.push({ issueNumber, event: action, label: name, actor, createdAt: now() });
      const pull = pulls.find((p) => p.number === issueNumber);
      if (pull) {
        pull.labels = pull.labels.filter((l) => l !== name);
        if (action === 'labeled') pull.labels.push(name);
      }
    },
    setRole(login, role) {
      roles.set(login, role);
    },
    addWorkflowRun(run) {
      runs.push({ ...run, artifacts: run.artifacts ?? [] });
    },
    addDeployment(environment, sha, state) {
      deployments.push({ id: deployments.length + 1, environment, sha, state });
    },
    addComment(issueNumber, body, user = 'someone') {
      const at = now();
      const comment = { id: nextCommentId++, issueNumber, body, user, createdAt: at, updatedAt: at };
      comments.push(comment);
      return comment;
    },
    addIssue({ title, body, labels: names = [], user = 'someone' }) {
      for (const name of names) {
        if (!labels.some((l) => l.name === name)) labels.push({ name, color: 'ededed', description: '' });
      }
      const issue: FakeIssue = {
        number: nextIssueNumber(),
        title,
        body,
        state: 'open',
        stateReason: null,
        labels: names,
        user,
      };
      issues.push(issue);
      return issue;
    },
    comments: (issueNumber) => comments.filter((c) => c.issueNumber === issueNumber),
    issues: () => issues,
    labels: () => labels,
    failNext(rule) {
      failures.push({ ...rule, remaining: rule.times ?? 1 });
    },
    writes: () => requests.filter((r) => r.method !== 'GET'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
