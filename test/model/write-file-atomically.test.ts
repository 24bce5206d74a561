/**
 * The one file writer: every writer (system files, --out reports, init, catalogue snapshots, the local
 * Altinn's data file) replaces a file by renaming a finished temporary over it, never by rewriting it
 * in place, and leaves no temporary behind, not even after a kill -9 once the next run has started.
 */
import { spawnSync } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/commands/shared/output-file.ts';
import {
  EMULATOR_DATA_FORMAT,
  readEmulatorData,
  writeEmulatorData,
} from '../../src/emulator/emulator-data.ts';
import { removeStaleTemporaryFiles, writeFileAtomically } from '../../src/model/write-file-atomically.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'sysreg-write-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A pid that has surely exited: a child that ran and was waited for. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 0;
}

describe('writing a file atomically', () => {
  it('--out replaces the file by a rename: a reader holding the old file never sees it change', async () => {
    const target = path.join(folder, 'sysreg-plan.json');
    writeFileSync(target, 'reviewed plan\n');
    // A hard link stands for a reader that opened the old file: in-place rewriting changes what it reads.
    linkSync(target, path.join(folder, 'held.json'));
    await writeOutputFile({ cwd: folder, workingDirectory: folder }, 'sysreg-plan.json', 'new plan\n');
    expect(readFileSync(target, 'utf8')).toBe('new plan\n');
    expect(readFileSync(path.join(folder, 'held.json'), 'utf8')).toBe('reviewed plan\n');
    expect(readdirSync(folder).sort()).toEqual(['held.json', 'sysreg-plan.json']);
  });

  it('keeps an existing file’s permissions; a new file gets 0644, or the mode asked for', async () => {
    const kept = path.join(folder, 'kept.yaml');
    writeFileSync(kept, 'a\n', { mode: 0o600 });
    await writeFileAtomically(kept, 'b\n');
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    await writeFileAtomically(path.join(folder, 'new.yaml'), 'c\n');
    expect(statSync(path.join(folder, 'new.yaml')).mode & 0o777).toBe(0o644 & ~process.umask());
    writeEmulatorData(path.join(folder, 'state.json'), emptyData());
    expect(statSync(path.join(folder, 'state.json')).mode & 0o777).toBe(0o600);
  });

  it('exclusive: never replaces a file, and leaves no temporary behind', async () => {
    const target = path.join(folder, 'sysreg.config.yaml');
    writeFileSync(target, 'mine\n');
    const error = await writeFileAtomically(target, 'theirs\n', { exclusive: true }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('EEXIST');
    expect(readFileSync(target, 'utf8')).toBe('mine\n');
    await writeFileAtomically(path.join(folder, 'fresh.yaml'), 'new\n', { exclusive: true });
    expect(readFileSync(path.join(folder, 'fresh.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(folder).sort()).toEqual(['fresh.yaml', 'sysreg.config.yaml']);
  });

  it('a write that fails leaves the old file and no temporary', async () => {
    const target = path.join(folder, 'report.json');
    mkdirSync(target);
    await expect(writeFileAtomically(target, 'x')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('the local Altinn removes the temporaries a killed run left beside its data file, and only those', () => {
    const file = path.join(folder, 'state.json');
    writeEmulatorData(file, emptyData());
    const stale = `.state.json.${deadPid()}.0123abcd.tmp`;
    // Another process that runs (our parent) may be writing: its temporary stays.
    const running = `.state.json.${process.ppid}.89abcdef.tmp`;
    // Ours cannot be in flight (writes are synchronous): an earlier process with our pid left it, as
    // a restarted container's pid 1 does.
    const reusedPid = `.state.json.${process.pid}.456789ab.tmp`;
    const other = `.other.json.${deadPid()}.0123abcd.tmp`;
    for (const name of [stale, running, reusedPid, other]) writeFileSync(path.join(folder, name), '{');
    expect(readEmulatorData(file)?.format).toBe(EMULATOR_DATA_FORMAT);
    expect(readdirSync(folder).sort()).toEqual([running, other, 'state.json'].sort());
    expect(removeStaleTemporaryFiles(path.join(folder, 'missing', 'x.json'))).toEqual([]);
  });
});

function emptyData() {
  return {
    format: EMULATOR_DATA_FORMAT,
    register: { systems: [], changelog: [] },
    clients: [],
    catalogue: { resources: [], accessPackages: [] },
  } as unknown as Parameters<typeof writeEmulatorData>[1];
}
