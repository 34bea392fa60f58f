// pnpm bench includes this: parse time of the compact format (YAML and JSON) at about 1, 4 and 16 MB,
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

/** A compact workspace document of about `megabytes` MB in `format`. */
function documentOf(megabytes: number, format: 'yaml' | 'json'): string {
  // About 170 bytes of YAML per dependency in the seeded workload.
  let size = Math.round((megabytes * 1_000_000) / 170);
  for (;;) {
    const { document } = generateWorkload(size);
    const json = JSON.stringify(document, null, 2);
    const text = format === 'json' ? json : stringifyCompactWorkspace(parseCompactWorkspace(json, 'bench.json'), 'yaml');
    if (text.length >= megabytes * 1_000_000 * 0.9) return text;
    size = Math.ceil(size * ((megabytes * 1_000_000) / Math.max(1, text.length)) * 1.05);
  }
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
