// pnpm bench includes this (alone: `pnpm bench --parse-only`): parse time of the compact format (YAML and JSON)
// at about 1, 4 and 16 MB (0.25 with --smoke), each size in its own process started with --expose-gc. A fair
// measurement on a shared machine: one warm-up run, then a full GC before each of 5 timed runs (no run pays for
// the garbage of the one before), the median of the wall time and of the process CPU time (less skewed by other
// load). Prints ms per MB and the growth per 4x of input: 4.0x is linear.
import { parseCompactWorkspace, stringifyCompactWorkspace } from '@deployment-manager/core';
import { generateWorkload } from './workload.ts';

/** One parse measurement: medians over `runs` timed runs, each after a full GC. */
export interface ParseSizeResult {
  readonly format: 'yaml' | 'json';
  readonly megabytes: number;
  readonly bytes: number;
  /** Median wall time. */
  readonly ms: number;
  /** Median CPU time of the process (user + system, GC threads included). */
  readonly cpuMs: number;
  readonly runs: number;
}

const TIMED_RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** A compact workspace document of `megabytes` MB (within 10%) in `format`. */
function documentOf(megabytes: number, format: 'yaml' | 'json'): string {
  const target = megabytes * 1_000_000;
  const render = (size: number): string => {
    const json = JSON.stringify(generateWorkload(size).document, null, 2);
    return format === 'json' ? json : stringifyCompactWorkspace(parseCompactWorkspace(json, 'bench.json'), 'yaml');
  };
  // Bytes per dependency vary with the workload's shape: measure a small one, then correct until within 10%.
  const probe = render(200);
  let size = Math.max(1, Math.round((200 * target) / probe.length));
  let text = render(size);
  for (let i = 0; i < 4 && Math.abs(text.length - target) > target * 0.1; i++) {
    size = Math.max(1, Math.round((size * target) / text.length));
    text = render(size);
  }
  return text;
}

/** The full GC the measurement needs before each run; the bench starts its children with --expose-gc. */
function fullGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run the parse bench with node --expose-gc (pnpm bench does)');
  return gc;
}

/** Times parseCompactWorkspace on one document (the loader's whole path: parse, validate, build the workspace). */
export function measureParse(megabytes: number, format: 'yaml' | 'json'): ParseSizeResult {
  const gc = fullGc();
  const text = documentOf(megabytes, format);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= TIMED_RUNS; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    parseCompactWorkspace(text, `bench.${format}`);
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    // Run 0 warms up the JIT and the parser's caches.
    if (i > 0) {
      wall.push(ms);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  return { format, megabytes, bytes: Buffer.byteLength(text), ms: median(wall), cpuMs: median(cpu), runs: TIMED_RUNS };
}

/** Parse time growth from one size to the next, per 4x of input bytes (4.0 = linear). */
export interface ParseGrowth {
  readonly format: 'yaml' | 'json';
  readonly fromMegabytes: number;
  readonly toMegabytes: number;
  /** Wall time ratio scaled to a 4x larger input: `(ms_b / ms_a) * 4 / (bytes_b / bytes_a)`. */
  readonly per4x: number;
  /** The same ratio of CPU time. */
  readonly cpuPer4x: number;
}

/** The growth between consecutive sizes of each format. */
export function parseGrowth(results: readonly ParseSizeResult[]): ParseGrowth[] {
  const out: ParseGrowth[] = [];
  for (const format of ['yaml', 'json'] as const) {
    const rows = results.filter((r) => r.format === format).sort((a, b) => a.bytes - b.bytes);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1] as ParseSizeResult;
      const b = rows[i] as ParseSizeResult;
      const scale = 4 / (b.bytes / a.bytes);
      out.push({ format, fromMegabytes: a.megabytes, toMegabytes: b.megabytes, per4x: (b.ms / a.ms) * scale, cpuPer4x: (b.cpuMs / a.cpuMs) * scale });
    }
  }
  return out;
}

/** The printed table: median wall and CPU ms per size, ms per MB, growth per 4x. */
export function parseTable(results: readonly ParseSizeResult[]): string {
  const growths = parseGrowth(results);
  const sizes = [...new Set(results.map((r) => r.megabytes))].sort((a, b) => a - b);
  const lines = [`${`parse (median of ${results[0]?.runs ?? TIMED_RUNS}, GC before each)`.padEnd(40)}${sizes.map((mb) => `${mb} MB`.padStart(10)).join('')}   ms per MB           growth per 4x (linear: 4.0x)`];
  for (const format of ['yaml', 'json'] as const) {
    const rows = results.filter((p) => p.format === format).sort((a, b) => a.bytes - b.bytes);
    const g = growths.filter((x) => x.format === format);
    for (const [label, pick, grow] of [
      ['wall ms', (r: ParseSizeResult) => r.ms, (x: ParseGrowth) => x.per4x],
      ['cpu ms', (r: ParseSizeResult) => r.cpuMs, (x: ParseGrowth) => x.cpuPer4x],
    ] as const) {
      const perMb = rows.map((r) => (pick(r) / (r.bytes / 1e6)).toFixed(0)).join(' / ');
      const growth = g.map((x) => `${grow(x).toFixed(1)}x`).join(' ') || '-';
      lines.push(`${`compact ${format}, ${label}`.padEnd(40)}${rows.map((r) => pick(r).toFixed(0).padStart(10)).join('')}   ${perMb.padEnd(19)} ${growth}`);
    }
  }
  return lines.join('\n');
}
