// pnpm bench includes this: parse time of the compact format (YAML and JSON) at about 1, 4 and 16 MB (0.25 with --smoke),
// each size in one process (warm-up, then the median of 3), to show growth is linear. Prints a table.
import { parseCompactWorkspace, stringifyCompactWorkspace } from '@deployment-manager/core';
import { generateWorkload } from './workload.ts';

/** One parse measurement. */
export interface ParseSizeResult {
  readonly format: 'yaml' | 'json';
  readonly megabytes: number;
  readonly bytes: number;
  readonly ms: number;
}

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

/** Times parseCompactWorkspace on one document (the loader's whole path: parse, validate, build the workspace). */
export function measureParse(megabytes: number, format: 'yaml' | 'json'): ParseSizeResult {
  const text = documentOf(megabytes, format);
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    parseCompactWorkspace(text, `bench.${format}`);
    if (i > 0) times.push(performance.now() - t0);
  }
  return { format, megabytes, bytes: Buffer.byteLength(text), ms: median(times) };
}

/** Parse time growth from one size to the next, per 4x of input bytes (4.0 = linear). */
export interface ParseGrowth {
  readonly format: 'yaml' | 'json';
  readonly fromMegabytes: number;
  readonly toMegabytes: number;
  /** Time ratio scaled to a 4x larger input: `(ms_b / ms_a) * 4 / (bytes_b / bytes_a)`. */
  readonly per4x: number;
}

/** The growth between consecutive sizes of each format. */
export function parseGrowth(results: readonly ParseSizeResult[]): ParseGrowth[] {
  const out: ParseGrowth[] = [];
  for (const format of ['yaml', 'json'] as const) {
    const rows = results.filter((r) => r.format === format).sort((a, b) => a.bytes - b.bytes);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i - 1] as ParseSizeResult;
      const b = rows[i] as ParseSizeResult;
      out.push({ format, fromMegabytes: a.megabytes, toMegabytes: b.megabytes, per4x: (b.ms / a.ms) * (4 / (b.bytes / a.bytes)) });
    }
  }
  return out;
}
