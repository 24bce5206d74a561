/**
 * Finds the system files a command works on: every `*.yaml`/`*.yml` under `systems/`, or the files and
 * folders the user named. File-system I/O only; problems (a missing path, a symlink leaving the repo)
 * come back as diagnostics so the run goes on with the other files. Synchronous, like reading the
 * files (load.ts): a command has nothing else to do meanwhile, and a promise per call costs more CPU.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import { compareStrings } from '../model/compare-strings.ts';

export interface DiscoveredFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  absolutePath: string;
}

export interface DiscoveredFiles {
  files: DiscoveredFile[];
  diagnostics: Diagnostic[];
}

/** The folder, relative to the repository root, that holds one YAML file per system. */
export const SYSTEMS_DIRECTORY = 'systems';

const SYSTEM_FILE_PATTERN = /\.ya?ml$/i;

/**
 * Characters no folder or file name of a system file may hold. A path is quoted into pull request
 * comments, annotations and logs: with these refused it cannot carry HTML or a comment marker (`<`,
 * `>`, `&`), Markdown that escapes a code span or a table (`` ` ``, `|`, `[`, `]`, `\\`), quotes, a
 * workflow command (`::`, `##[`) or a line break, whatever later quotes it. Spaces and `!` stay
 * allowed, so that the id rules can still name such an id's file.
 */
const UNSAFE_PATH_CHARACTER = /[\u0000-\u001f\u007f<>&`|[\]\\:#"']/u;

/** Repository-relative path with forward slashes, as diagnostics and plans name files. */
export function toRepoPath(root: string, absolutePath: string): string {
  return path.relative(root, absolutePath).split(path.sep).join('/');
}

function isInsideFolder(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function createPathDiagnostic(file: string, ruleId: string, message: string, hint?: string): Diagnostic {
  return { file, line: 1, column: 1, ruleId, severity: 'error', message, ...(hint ? { hint } : {}) };
}

/**
 * Lists the system files under `root` (the directory holding `systems/`). With no `paths`, every YAML
 * file under `systems/`; otherwise each named file as given and every YAML file under each named folder.
 * Paths are resolved against `root`. The result is sorted by path and holds each file once.
 */
export function discoverSystemFiles(root: string, paths: string[]): DiscoveredFiles {
  const rootPath = path.resolve(root);
  // Symlink targets are judged against the real root, so a repo that itself sits behind a link still works.
  const realRoot = realpathOrUndefined(rootPath) ?? rootPath;
  const found = new Map<string, DiscoveredFile>();
  const diagnostics: Diagnostic[] = [];
  const visitedDirectories = new Set<string>();

  const addFile = (absolutePath: string) => {
    const repoPath = toRepoPath(rootPath, absolutePath);
    if (found.has(repoPath)) return;
    if (UNSAFE_PATH_CHARACTER.test(repoPath)) {
      // Shown escaped: the raw name is exactly what must not reach a comment or a log.
      const shown = repoPath.replace(
        /[^A-Za-z0-9_./-]/gu,
        (character) => `\\u{${character.codePointAt(0)?.toString(16) ?? ''}}`,
      );
      if (!diagnostics.some((d) => d.file === shown))
        diagnostics.push(
          createPathDiagnostic(
            shown,
            'path-unsafe-characters',
            `the path '${shown}' holds a character that could act as markup, a comment marker or a workflow command (one of < > & \` | [ ] \\ : # " ' or a control character); it is not read.`,
            'Name the file systems/<id>.yaml, where <id> is the system id.',
          ),
        );
      return;
    }
    found.set(repoPath, { path: repoPath, absolutePath });
  };

  /** Resolves a symlink; returns its real target when it stays inside the repo, else records why not. */
  const followLink = (absolutePath: string): string | undefined => {
    const repoPath = toRepoPath(rootPath, absolutePath);
    let target: string;
    try {
      target = realpathSync(absolutePath);
    } catch {
      diagnostics.push(
        createPathDiagnostic(
          repoPath,
          'symlink-broken',
          `'${repoPath}' is a symbolic link whose target does not exist.`,
        ),
      );
      return undefined;
    }
    if (!isInsideFolder(realRoot, target)) {
      diagnostics.push(
        createPathDiagnostic(
          repoPath,
          'symlink-outside-repo',
          `'${repoPath}' is a symbolic link to a path outside the repository; it is not read.`,
          'Copy the file into the repository instead of linking to it.',
        ),
      );
      return undefined;
    }
    return target;
  };

  /** Whether a link's target is a regular file; a FIFO or device behind a link would block a read. */
  const isRegularFile = (target: string, absolutePath: string): boolean => {
    if (statOrUndefined(target)?.isFile()) return true;
    const repoPath = toRepoPath(rootPath, absolutePath);
    diagnostics.push(
      createPathDiagnostic(
        repoPath,
        'path-not-a-file',
        `'${repoPath}' is a symbolic link to something that is not a regular file; it is not read.`,
      ),
    );
    return false;
  };

  const walk = (directory: string): void => {
    const real = realpathOrUndefined(directory) ?? directory;
    if (visitedDirectories.has(real)) return; // a link cycle, or a folder named twice
    visitedDirectories.add(real);
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      const repoPath = toRepoPath(rootPath, directory);
      diagnostics.push(
        createPathDiagnostic(
          repoPath,
          'path-unreadable',
          `cannot read folder '${repoPath}': ${describeErrorCode(error)}.`,
        ),
      );
      return;
    }
    for (const entry of entries) {
      // `sysreg validate .` must not wander into .git, editor folders or dependencies' YAML.
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolutePath = path.join(directory, entry.name);
      if (entry.isSymbolicLink()) {
        if (!SYSTEM_FILE_PATTERN.test(entry.name)) {
          const target = realpathOrUndefined(absolutePath);
          // A linked folder is walked only when it stays inside the repo; other links are not our files.
          if (target && statOrUndefined(target)?.isDirectory()) {
            if (followLink(absolutePath)) walk(absolutePath);
          }
          continue;
        }
        const target = followLink(absolutePath);
        if (target && isRegularFile(target, absolutePath)) addFile(absolutePath);
      } else if (entry.isDirectory()) {
        walk(absolutePath);
      } else if (entry.isFile() && SYSTEM_FILE_PATTERN.test(entry.name)) {
        addFile(absolutePath);
      }
    }
  };

  const visit = (given: string, explicit: boolean): void => {
    const absolutePath = path.resolve(rootPath, given);
    const repoPath = toRepoPath(rootPath, absolutePath);
    if (!isInsideFolder(rootPath, absolutePath)) {
      diagnostics.push(
        createPathDiagnostic(
          given.split(path.sep).join('/'),
          'path-outside-repo',
          `'${given}' is outside the repository at '${rootPath}'.`,
        ),
      );
      return;
    }
    const info = attempt(() => lstatSync(absolutePath));
    if (!info) {
      diagnostics.push(
        createPathDiagnostic(
          repoPath || '.',
          'path-not-found',
          explicit
            ? `'${given}' does not exist.`
            : `there is no '${SYSTEMS_DIRECTORY}/' folder in '${rootPath}'.`,
        ),
      );
      return;
    }
    if (info.isSymbolicLink()) {
      const target = followLink(absolutePath);
      if (!target) return;
      if (statOrUndefined(target)?.isDirectory()) walk(absolutePath);
      else if (isRegularFile(target, absolutePath)) addFile(absolutePath);
      return;
    }
    if (info.isDirectory()) walk(absolutePath);
    else if (info.isFile()) addFile(absolutePath);
    else
      diagnostics.push(
        createPathDiagnostic(repoPath, 'path-not-a-file', `'${given}' is not a regular file or folder.`),
      );
  };

  if (paths.length === 0) visit(SYSTEMS_DIRECTORY, false);
  else for (const given of paths) visit(given, true);

  const files = [...found.values()].sort((a, b) => compareStrings(a.path, b.path));
  diagnostics.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId));
  return { files, diagnostics };
}

/** `read()`, or `undefined` when it throws (a path that is gone, unreadable, or a broken link). */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

const realpathOrUndefined = (file: string): string | undefined => attempt(() => realpathSync(file));
const statOrUndefined = (file: string): Stats | undefined => attempt(() => statSync(file));

function describeErrorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown error';
}
