import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_YAML_BYTES } from '@deployment-manager/core';

// Every CLI argument that names a file, and every file a directory argument
// leads to, fed what is not a readable text file: a FIFO (a read would block
// forever), /dev/zero and /dev/urandom (never end), a sparse file over the
// size cap, a symbolic link to each of those, and a directory where a file is
// expected. Each must end at once with exit 2 and FILE_NOT_REGULAR or
// FILE_TOO_LARGE - nothing read. All cases run in one child process (one
// start-up); a watchdog kills it if a case makes no progress for 20 s and
// names that case. No duration is asserted.

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const ROOT = join(REPO, 'examples/end-to-end/workspace');
const RUNNER = fileURLToPath(new URL('./run-cli-cases.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/deployment-manager.js', import.meta.url));
const WATCHDOG_MS = 20_000;

type Kind = 'fifo' | 'zero' | 'urandom' | 'over-cap' | 'dir';
const KINDS: readonly Kind[] = ['fifo', 'zero', 'urandom', 'over-cap', 'dir'];
const EXPECTED: Readonly<Record<Kind, string>> = { fifo: 'FILE_NOT_REGULAR', zero: 'FILE_NOT_REGULAR', urandom: 'FILE_NOT_REGULAR', 'over-cap': 'FILE_TOO_LARGE', dir: 'FILE_NOT_REGULAR' };

let dir: string;
const DEVICES: Partial<Record<Kind, string>> = { zero: '/dev/zero', urandom: '/dev/urandom' };
/** The hostile file of a kind, given directly or through a symbolic link. Names end in .json so --root reads them as compact workspaces. */
const hostile = (kind: Kind, linked: boolean): string => (linked ? join(dir, `link-${kind}.json`) : (DEVICES[kind] ?? join(dir, `${kind}.json`)));

/** An argument that names a file: [label, argv for a hostile path, whether a directory is a valid value]. */
type FileArgument = readonly [string, (path: string) => string[], boolean];
const good = (): string => join(dir, 'good.json');
const FILE_ARGUMENTS: readonly FileArgument[] = [
  ['graph --root', (p) => ['graph', 'recipe-hub', '--root', p], true],
  ['fitness --root', (p) => ['fitness', 'recipe-hub', '--root', p, '--json'], true],
  ['swaps suggest --root', (p) => ['swaps', 'suggest', 'recipe-hub', '--root', p, '--tier', 'desktop'], true],
  ['secrets --root', (p) => ['secrets', 'recipe-hub', '--root', p, '--tier', 'desktop'], true],
  ['bundle assemble --root', (p) => ['bundle', 'assemble', 'recipe-hub', '--root', p, '--tier', 'desktop'], true],
  ['package --root', (p) => ['package', 'recipe-hub', '--root', p, '--target', 'cloud', '--out', join(dir, 'out-package')], true],
  ['plan --root', (p) => ['plan', 'recipe-hub', '--root', p, '--target', 'compose'], true],
  ['ui --root', (p) => ['ui', 'recipe-hub', '--root', p], true],
  ['fitness --catalog', (p) => ['fitness', 'recipe-hub', '--root', ROOT, '--catalog', p], false],
  ['swaps suggest --catalog', (p) => ['swaps', 'suggest', 'recipe-hub', '--root', ROOT, '--tier', 'desktop', '--catalog', p], false],
  ['bundle assemble --catalog', (p) => ['bundle', 'assemble', 'recipe-hub', '--root', ROOT, '--tier', 'desktop', '--catalog', p], false],
  ['secrets --overrides', (p) => ['secrets', 'recipe-hub', '--root', ROOT, '--tier', 'desktop', '--overrides', p], false],
  ['plan --manifest', (p) => ['plan', 'recipe-hub', '--root', ROOT, '--target', 'compose', '--manifest', p], false],
  ['plan --secrets-file', (p) => ['plan', 'recipe-hub', '--root', ROOT, '--target', 'compose', '--secrets-file', p], false],
  ['plan --catalog', (p) => ['plan', 'recipe-hub', '--root', ROOT, '--target', 'compose', '--catalog', p], false],
  ['deploy --catalog', (p) => ['deploy', 'recipe-hub', '--root', ROOT, '--target', 'compose', '--dry-run', '--state', join(dir, 'state-catalog'), '--catalog', p], false],
  ['deploy --secrets-file', (p) => ['deploy', 'recipe-hub', '--root', ROOT, '--target', 'compose', '--swaps', 'optimal', '--dry-run', '--state', join(dir, 'state-secrets'), '--secrets-file', p], false],
  ['deploy --bundle <dir>', (p) => ['deploy', 'recipe-hub', '--target', 'local', '--dry-run', '--state', join(dir, 'state-bundle'), '--bundle', p], true],
  ['plan --previous', (p) => ['plan', 'recipe-hub', '--root', ROOT, '--target', 'compose', '--swaps', 'optimal', '--previous', p, '--previous-sha256', '0'.repeat(64)], false],
  ['bundle validate <file>', (p) => ['bundle', 'validate', p], false],
  ['bundle export <file>', (p) => ['bundle', 'export', p, '--out', join(dir, 'out-export', 'bundle.json')], false],
  ['bundle verify <file>', (p) => ['bundle', 'verify', p], false],
  ['diff <old>', (p) => ['diff', p, good()], false],
  ['diff <new>', (p) => ['diff', good(), p], false],
  ['profile import <file>', (p) => ['profile', 'import', p, '--store', join(dir, 'store-import')], false],
  ['run <bundle>', (p) => ['run', p], true],
  ['runtime logs <target>', (p) => ['runtime', 'logs', p, '--app-data', join(dir, 'no-app-data')], true],
];

/** A directory argument whose contents are read: [label, make the directory holding `file` as the file it reads, argv]. */
type DirArgument = readonly [string, (root: string, file: string) => void, (root: string) => string[]];
const linkAt = (path: string, target: string): void => {
  mkdirSync(join(path, '..'), { recursive: true });
  symlinkSync(target, path);
};
const DIR_ARGUMENTS: readonly DirArgument[] = [
  ['--root: a scenario service.json', (r, f) => linkAt(join(r, 'scenarios', 'shop', '.vrooli', 'service.json'), f), (r) => ['graph', 'shop', '--root', r]],
  ['--root: a flat scenario service.json', (r, f) => linkAt(join(r, 'scenarios', 'shop', 'service.json'), f), (r) => ['fitness', 'shop', '--root', r]],
  ['--store: a profile version file', (r, f) => linkAt(join(r, 'p1', 'v1.json'), f), (r) => ['profile', 'show', 'p1', '--store', r]],
  ['--app-data: the control file (status)', (r, f) => linkAt(join(r, 'runtime', 'control.json'), f), (r) => ['runtime', 'status', '--app-data', r]],
  ['--app-data: the control file (logs)', (r, f) => linkAt(join(r, 'runtime', 'control.json'), f), (r) => ['runtime', 'logs', '--app-data', r]],
  ['run <bundle dir>: its bundle.json', (r, f) => linkAt(join(r, 'bundle.json'), f), (r) => ['run', r]],
  ['--state: the deploy history', (r, f) => linkAt(join(r, 'history.jsonl'), f), (r) => ['deploy', 'history', '--state', r]],
];

interface Case {
  readonly label: string;
  readonly argv: readonly string[];
  readonly code: string;
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const [label, argv, dirIsValid] of FILE_ARGUMENTS) {
    for (const kind of KINDS) {
      if (kind === 'dir' && dirIsValid) continue;
      for (const linked of [false, true]) cases.push({ label: `${label}: ${linked ? 'a link to ' : ''}${kind}`, argv: argv(hostile(kind, linked)), code: EXPECTED[kind] });
    }
  }
  for (const [label, make, argv] of DIR_ARGUMENTS) {
    for (const kind of KINDS) {
      const root = mkdtempSync(join(dir, 'dir-arg-'));
      make(root, hostile(kind, false));
      cases.push({ label: `${label}: ${kind}`, argv: argv(root), code: EXPECTED[kind] });
    }
  }
  const yaml = join(dir, 'workspace.yaml');
  cases.push({ label: '--root: compact YAML over the YAML cap (under the JSON cap)', argv: ['graph', 'recipe-hub', '--root', yaml], code: 'FILE_TOO_LARGE' });
  return cases;
}

interface Outcome {
  readonly index: number;
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the cases in one child; resolves with each outcome, or names the case that made no progress. */
function runCases(cases: readonly Case[]): Promise<{ outcomes: Map<number, Outcome>; stuck: number | undefined; stderr: string }> {
  const file = join(dir, 'cases.json');
  writeFileSync(file, JSON.stringify(cases.map((c) => c.argv)));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, file], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const outcomes = new Map<number, Outcome>();
    let current: number | undefined;
    let stuck: number | undefined;
    let stderr = '';
    let pending = '';
    let watchdog = setTimeout(() => undefined, 0);
    const arm = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stuck = current;
        child.kill('SIGKILL');
      }, WATCHDOG_MS);
    };
    arm();
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const msg = JSON.parse(line) as { start?: number } & Partial<Outcome>;
        if (msg.start !== undefined) current = msg.start;
        else if (msg.index !== undefined) outcomes.set(msg.index, msg as Outcome);
        arm();
      }
    });
    child.on('close', () => {
      clearTimeout(watchdog);
      resolve({ outcomes, stuck, stderr });
    });
  });
}

/** The code of a `--json` error document. */
function errorCodeOf(out: string): string | undefined {
  try {
    return (JSON.parse(out) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

let cases: Case[] = [];
let result: Awaited<ReturnType<typeof runCases>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dm-file-args-'));
  execFileSync('mkfifo', [hostile('fifo', false)]);
  // Sparse: no block is written, and none must be read.
  writeFileSync(hostile('over-cap', false), '');
  truncateSync(hostile('over-cap', false), DEFAULT_MAX_INPUT_BYTES + 1);
  mkdirSync(hostile('dir', false));
  for (const kind of KINDS) symlinkSync(hostile(kind, false), hostile(kind, true));
  writeFileSync(join(dir, 'workspace.yaml'), '');
  truncateSync(join(dir, 'workspace.yaml'), DEFAULT_MAX_YAML_BYTES + 1);
  writeFileSync(good(), '{}\n');
  cases = buildCases();
  result = await runCases(cases);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file arguments: FIFO, devices, over-cap files, links and directories', () => {
  it('cover every file argument with every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(FILE_ARGUMENTS.length * 8);
    expect(result.stuck === undefined ? 'none' : cases[result.stuck]?.label).toBe('none');
    expect(result.outcomes.size, result.stderr.slice(0, 2000)).toBe(cases.length);
  });

  it('each exits 2 with FILE_NOT_REGULAR or FILE_TOO_LARGE', () => {
    const wrong = cases.flatMap((c, i) => {
      const o = result.outcomes.get(i);
      const json = c.argv.includes('--json');
      const ok = o !== undefined && o.code === 2 && (json ? errorCodeOf(o.out) === c.code : o.err.startsWith(`error [${c.code}]: `) && /\nhint: \S/.test(o.err));
      return ok ? [] : [`${c.label}: ${o === undefined ? 'no outcome' : `exit ${o.code}, ${o.err.split('\n')[0] ?? ''}${o.out.slice(0, 200)}`}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('the installed command, as a real process', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: WATCHDOG_MS });
  it.each([
    ['bundle validate <FIFO>', () => ['bundle', 'validate', hostile('fifo', false)], 'FILE_NOT_REGULAR'],
    ['run <FIFO>', () => ['run', hostile('fifo', true)], 'FILE_NOT_REGULAR'],
    ['graph --root /dev/zero', () => ['graph', 'recipe-hub', '--root', '/dev/zero'], 'FILE_NOT_REGULAR'],
    ['bundle verify <over-cap file>', () => ['bundle', 'verify', hostile('over-cap', false)], 'FILE_TOO_LARGE'],
  ] as const)('%s: exits 2 with the code, not stopped by the watchdog', (_what, argv, code) => {
    const r = run(...argv());
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error \\[${code}\\]: `));
  });
});
