// Cold start of the built `deployment-manager` command against `node -e 0`,
// measured in the same run: rounds of fresh processes, every case once per
// round in turn (so a busy machine slows all cases alike), medians per case.
// Prints a table with each case's ratio to node and the goal; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One command line to time, and the goal for its ratio to `node -e 0`. */
interface ColdStartCase {
  /** What it is, for the table. */
  readonly label: string;
  /** Arguments to `node`. */
  readonly args: readonly string[];
  /** The largest ratio to `node -e 0` aimed for, when there is a goal. */
  readonly goal?: number;
}

/** A case's timings. */
export interface ColdStartResult {
  /** The case's label. */
  readonly label: string;
  /** Median wall time of a run, in ms. */
  readonly medianMs: number;
  /** Median over the median of `node -e 0`. */
  readonly ratio: number;
  /** The goal, when the case has one. */
  readonly goal: number | undefined;
  /** Exit code of the first run (a failing command is timed too, but says so). */
  readonly exitCode: number | null;
}

/** The cases: node itself, then the CLI's help, a scoring command and a whole cloud package run. */
function coldStartCases(root: string, outDir: string): ColdStartCase[] {
  const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
  const example = join(root, 'examples', 'end-to-end', 'workspace');
  const shared = join(root, '..', 'shared', 'fixtures', 'vrooli');
  return [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: '--help', args: [bin, '--help'], goal: 1.5 },
    { label: 'fitness recipe-hub (example)', args: [bin, 'fitness', 'recipe-hub', '--root', example], goal: 3 },
    ...(existsSync(shared) ? [{ label: 'fitness picker-wheel (Vrooli fixture)', args: [bin, 'fitness', 'picker-wheel', '--root', shared], goal: 3 }] : []),
    { label: 'package --target cloud', args: [bin, 'package', 'recipe-hub', '--root', example, '--target', 'cloud', '--accept-suggested', '--out', join(outDir, 'cloud')], goal: 8 },
    { label: 'package --target desktop', args: [bin, 'package', 'recipe-hub', '--root', example, '--target', 'desktop', '--accept-suggested', '--out', join(outDir, 'desktop')] },
  ];
}

function timeOnce(args: readonly string[]): { ms: number; status: number | null } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: r.status };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Times every case `rounds` times (after one warm-up round that fills the
 * file system cache), interleaved, and returns the medians and their ratio to
 * the first case (`node -e 0`).
 */
export function measureColdStart(root: string, rounds: number): ColdStartResult[] {
  const outDir = mkdtempSync(join(tmpdir(), 'dm-cold-start-'));
  try {
    const cases = coldStartCases(root, outDir);
    const first = cases.map((c) => timeOnce(c.args).status);
    const samples = cases.map((): number[] => []);
    for (let i = 0; i < rounds; i++) cases.forEach((c, j) => (samples[j] as number[]).push(timeOnce(c.args).ms));
    const base = median(samples[0] as number[]);
    return cases.map((c, j) => {
      const ms = median(samples[j] as number[]);
      return { label: c.label, medianMs: ms, ratio: ms / base, goal: c.goal, exitCode: first[j] ?? null };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The table the bench prints. */
export function coldStartTable(results: readonly ColdStartResult[], rounds: number): string {
  const rows = results.map((r) => {
    const verdict = r.goal === undefined ? '' : r.ratio <= r.goal ? `<= ${r.goal}x: met` : `<= ${r.goal}x: NOT met`;
    const failed = r.exitCode === 0 ? '' : `  (exit ${String(r.exitCode)})`;
    return `${r.label.padEnd(40)}${r.medianMs.toFixed(0).padStart(8)}${`${r.ratio.toFixed(2)}x`.padStart(9)}   ${verdict}${failed}`;
  });
  return [`cold start, median of ${rounds} fresh processes (interleaved)`, `${'command'.padEnd(40)}${'ms'.padStart(8)}${'x node'.padStart(9)}   goal`, ...rows].join('\n');
}
