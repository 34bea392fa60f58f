// pnpm bench [--sizes 200,2000,20000,100000] [--smoke]
// Times each stage of the pipeline on seeded synthetic workloads, each size in
// its own child process (so peak RSS is per size), with warm-up and medians,
// against a floor (graphology-dag topological sort + one ajv validation over
// the same data). Writes bench/results.json and prints a table.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureSize, type SizeResult } from './stages.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, smoke: { type: 'boolean', default: false }, child: { type: 'string' }, out: { type: 'string' } },
});

if (values.child !== undefined) {
  process.stdout.write(JSON.stringify(measureSize(Number(values.child))));
  process.exit(0);
}

const sizes = (values.sizes ?? (values.smoke ? '200' : '200,2000,20000,100000')).split(',').map(Number);
const root = fileURLToPath(new URL('..', import.meta.url));
const results: SizeResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size} dependencies...\n`);
  const text = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(size)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  results.push(JSON.parse(text) as SizeResult);
}

const stages = [...new Set(results.flatMap((r) => Object.keys(r.stages)))];
const fmt = (ms: number | undefined): string => (ms === undefined ? '-' : ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const lines: string[] = [];
lines.push(`${'stage (median ms)'.padEnd(22)}${results.map((r) => String(r.size).padStart(12)).join('')}${results.length > 1 ? '   growth/10x' : ''}`);
const growth = (key: (r: SizeResult) => number | undefined): string => {
  const gs: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = key(results[i - 1] as SizeResult);
    const b = key(results[i] as SizeResult);
    const sizeRatio = (results[i] as SizeResult).size / (results[i - 1] as SizeResult).size;
    if (a === undefined || b === undefined || a <= 0) gs.push('-');
    else gs.push(`${((b / a) * (10 / sizeRatio)).toFixed(1)}x`);
  }
  return gs.length > 0 ? `   ${gs.join(' ')}` : '';
};
for (const s of stages) lines.push(`${s.padEnd(22)}${results.map((r) => fmt(r.stages[s]).padStart(12)).join('')}${growth((r) => r.stages[s])}`);
lines.push(`${'plan (sum)'.padEnd(22)}${results.map((r) => fmt(r.planMs).padStart(12)).join('')}${growth((r) => r.planMs)}`);
lines.push(`${'floor'.padEnd(22)}${results.map((r) => fmt(r.floorMs).padStart(12)).join('')}${growth((r) => r.floorMs)}`);
lines.push(`${'plan / floor'.padEnd(22)}${results.map((r) => `${(r.planMs / r.floorMs).toFixed(1)}x`.padStart(12)).join('')}`);
lines.push(`${'peak RSS MiB (plan)'.padEnd(22)}${results.map((r) => r.peakRssMiB.toFixed(0).padStart(12)).join('')}`);
lines.push(`${'nodes / edges'.padEnd(22)}${results.map((r) => `${r.nodes}/${r.edges}`.padStart(12)).join('')}`);
console.log(lines.join('\n'));
console.log('\nplan = ' + results[0]?.planStages.join(' + '));

const outFile = values.out ?? fileURLToPath(new URL('results.json', import.meta.url));
writeFileSync(outFile, JSON.stringify({ generatedBy: 'bench/run.ts', node: process.version, sizes: results }, null, 2) + '\n');
console.log(`wrote ${outFile}`);
