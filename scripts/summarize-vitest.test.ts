import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the CI summary on vitest JSON reports written here, as CI runs it (from the repository root).
const dir = mkdtempSync(join(tmpdir(), 'dm-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = new URL('..', import.meta.url).pathname;
const SKIP_ALLOW_LIST = JSON.parse(readFileSync(new URL('./skip-allow-list.json', import.meta.url), 'utf8')) as { file: string; test?: string; reason: string }[];

type Status = 'passed' | 'failed' | 'skipped' | 'todo';
const suite = (file: string, tests: [string, Status][], status: 'passed' | 'failed' = 'passed') => ({
  name: join(root, file),
  status,
  assertionResults: tests.map(([fullName, s]) => ({ fullName, status: s })),
});
function summarize(...suites: ReturnType<typeof suite>[]): { lines: string[]; status: number | null } {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ testResults: suites }));
  const r = spawnSync(process.execPath, ['scripts/summarize-vitest.mjs', file], { cwd: root, encoding: 'utf8' });
  return { lines: r.stdout.trim().split('\n'), status: r.status };
}

describe('the CI summary line', () => {
  it('counts passed, failed and skipped tests, and ends with them', () => {
    const allowed = SKIP_ALLOW_LIST[0];
    expect(allowed).toBeDefined();
    const r = summarize(suite('a.test.ts', [['a one', 'passed'], ['a two', 'failed']]), suite(allowed?.file ?? '', [['x', 'skipped']]));
    expect(r.lines.at(-1)).toBe('1 passed, 1 failed, 1 skipped');
    expect(r.lines).toContain(`skipped: ${allowed?.file} > x (allowed: ${allowed?.reason})`);
    expect(r.status).toBe(1);
  });

  it('fails on a skipped or todo test the allow-list does not name, and says which', () => {
    const r = summarize(suite('packages/x/src/y.test.ts', [['works', 'passed'], ['needs a tool', 'skipped'], ['later', 'todo']]));
    expect(r.lines.at(-1)).toBe('1 passed, 2 failed, 2 skipped');
    expect(r.lines[0]).toMatch(/^skipped: packages\/x\/src\/y\.test\.ts > needs a tool \(NOT on scripts\/skip-allow-list\.json/);
    expect(r.status).toBe(1);
  });

  it('passes a clean run, and counts a file that failed to load and a run that passed nothing as failures', () => {
    expect(summarize(suite('a.test.ts', [['ok', 'passed']]))).toEqual({ lines: ['1 passed, 0 failed, 0 skipped'], status: 0 });
    expect(summarize(suite('a.test.ts', [['ok', 'passed']]), suite('b.test.ts', [], 'failed')).lines.at(-1)).toBe('1 passed, 1 failed, 0 skipped');
    expect(summarize(suite('a.test.ts', [])).lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('gives every allowed skip a reason', () => {
    for (const a of SKIP_ALLOW_LIST) expect(a.reason).toMatch(/^[a-z].{20,}/);
  });
});
