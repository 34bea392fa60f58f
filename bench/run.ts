// pnpm bench [--sizes 200,2000,20000,100000] [--smoke] [--parse-only]
// Times each stage of the pipeline on seeded synthetic workloads, each size in
// its own child processes: one times every stage warm (warm-up, then medians
// of samples each taken after a full GC) against a floor (graphology-dag
// topological sort + one ajv validation over the same data); another loads and
// plans once, cold, for the wall time and peak memory of one CLI-like run.
// Then the runtime: spawn -> ready overhead of 1, 10, 50 instant services, and RSS.
// Writes bench/results.json and prints a table. Then the CLI's cold start
// against `node -e 0` (bench/cold-start.ts); `--cold-start` runs only that,
// `--parse-only` only the compact-format parse table (bench/parse-size.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { coldStartTable, measureColdStart } from './cold-start.ts';
import { measureOnce, type OnceResult } from './once.ts';
import { runtimeBench } from './runtime.ts';
import { measureHugeGraph, type HugeGraphResult } from './huge-graph.ts';
import { measureParse, parseGrowth, parseTable, type ParseSizeResult } from './parse-size.ts';
import { measureSize, type SizeResult } from './stages.ts';
import type { UiBenchResult } from '../packages/ui/bench/ui-bench.ts';
import { compareKnownScenarios, describeSavings } from './swap-plans.ts';

const { values } = parseArgs({
  options: {
    parse: { type: 'string' },
    huge: { type: 'string' },
    sizes: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    child: { type: 'string' },
    once: { type: 'boolean', default: false },
    out: { type: 'string' },
    'cold-start': { type: 'boolean', default: false },
    'parse-only': { type: 'boolean', default: false },
  },
});

if (values.parse !== undefined) {
  const [format, mb] = values.parse.split(':') as ['yaml' | 'json', string];
  process.stdout.write(JSON.stringify(measureParse(Number(mb), format)));
  process.exit(0);
}
if (values.huge !== undefined) {
  const [command, n] = values.huge.split(':') as [string, string];
  process.stdout.write(JSON.stringify(await measureHugeGraph(command, Number(n))));
  process.exit(0);
}
if (values.child !== undefined) {
  process.stdout.write(JSON.stringify(values.once ? measureOnce(Number(values.child)) : await measureSize(Number(values.child))));
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** The CLI's cold start: built first when there is no build (pnpm sets npm_execpath to itself). */
function coldStart(): void {
  if (!existsSync(`${root}packages/cli/dist/bin.js`)) {
    const pnpm = process.env['npm_execpath'];
    if (pnpm === undefined) {
      console.log('cold start: packages/cli/dist/bin.js is missing; run the build first (npx --yes pnpm@10.34.9 build)');
      return;
    }
    process.stderr.write('bench: building the packages for the cold-start runs...\n');
    execFileSync(process.execPath, [pnpm, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const rounds = values.smoke ? 3 : 15;
  process.stderr.write(`bench: cold start, ${rounds} rounds...\n`);
  const results = measureColdStart(root, rounds);
  console.log(`\n${coldStartTable(results, rounds)}`);
  const file = fileURLToPath(new URL('cold-start.json', import.meta.url));
  writeFileSync(file, JSON.stringify({ generatedBy: 'bench/cold-start.ts', node: process.version, rounds, results }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

if (values['cold-start']) {
  coldStart();
  process.exit(0);
}

/** Runs this script in a child process (with --expose-gc) and returns what it printed, parsed. */
const child = (args: string[]): unknown =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );

/** Compact-format parse times at each size, one child process (with --expose-gc) per format and size. */
function parseSizes(): ParseSizeResult[] {
  const out: ParseSizeResult[] = [];
  for (const format of ['yaml', 'json'] as const) {
    for (const mb of values.smoke ? [0.25] : [1, 4, 16]) {
      process.stderr.write(`bench: parse ${mb} MB of compact ${format}...\n`);
      out.push(child(['--parse', `${format}:${mb}`]) as ParseSizeResult);
    }
  }
  return out;
}

if (values['parse-only']) {
  console.log(parseTable(parseSizes()));
  process.exit(0);
}

const sizes = (values.sizes ?? (values.smoke ? '200' : '200,2000,20000,100000')).split(',').map(Number);
const results: SizeResult[] = [];
const once: OnceResult[] = [];
for (const size of sizes) {
  process.stderr.write(`bench: ${size} dependencies...\n`);
  results.push(child(['--child', String(size)]) as SizeResult);
  once.push(child(['--child', String(size), '--once']) as OnceResult);
}

const stages = [...new Set(results.flatMap((r) => Object.keys(r.stages)))];
const fmt = (ms: number | undefined): string => (ms === undefined ? '-' : ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const lines: string[] = [];
lines.push(`${'stage (median ms)'.padEnd(22)}${results.map((r) => String(r.size).padStart(12)).join('')}${results.length > 1 ? '   growth/10x' : ''}`);
const growth = (key: (r: SizeResult, i: number) => number | undefined): string => {
  const gs: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = key(results[i - 1] as SizeResult, i - 1);
    const b = key(results[i] as SizeResult, i);
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
lines.push(`${'peak RSS MiB (timing)'.padEnd(22)}${results.map((r) => r.peakRssMiB.toFixed(0).padStart(12)).join('')}`);
const onceAt = (i: number): OnceResult => once[i] as OnceResult;
lines.push(`${'plan once, cold'.padEnd(22)}${once.map((o) => fmt(o.planMs).padStart(12)).join('')}${growth((_, i) => onceAt(i).planMs)}`);
lines.push(`${'load once, cold'.padEnd(22)}${once.map((o) => fmt(o.loadMs).padStart(12)).join('')}${growth((_, i) => onceAt(i).loadMs)}`);
lines.push(`${'peak RSS MiB (once)'.padEnd(22)}${once.map((o) => `${o.processPeakRssMiB.toFixed(0)} (+${o.peakRssMiB.toFixed(0)})`.padStart(12)).join('')}`);
lines.push(`${'nodes / edges'.padEnd(22)}${results.map((r) => ` ${r.nodes}/${r.edges}`.padStart(12)).join('')}`);
console.log(lines.join('\n'));
for (const r of results) for (const n of r.notes) console.log(`note at ${r.size}: ${n}`);
console.log('\nplan = ' + results[0]?.planStages.join(' + '));
console.log('peak RSS (once): whole process (+ above the process before loading: node and the workload text)');

// Compact-format parse time by input size: growth must stay linear (see bench/parse-size.ts).
const parses = parseSizes();
const growths = parseGrowth(parses);
console.log(`\n${parseTable(parses)}`);

// --json on one scenario of many dependencies (the security review's 300k): streamed, never exit 70.
const hugeSize = values.smoke ? 2000 : 300_000;
const huge: HugeGraphResult[] = [];
for (const command of ['graph', 'fitness']) {
  process.stderr.write(`bench: ${command} --json on ${hugeSize} dependencies...\n`);
  huge.push(child(['--huge', `${command}:${hugeSize}`]) as HugeGraphResult);
}
console.log(`\n--json on one scenario of ${hugeSize} dependencies:`);
for (const h of huge) {
  console.log(`  ${h.command.padEnd(8)} exit ${h.exit}${h.error === null ? '' : ` (${h.error})`}, ${(h.bytes / 1e6).toFixed(1)} MB in ${h.chunks} chunks, ${fmt(h.ms)} ms, peak RSS ${h.peakRssMiB.toFixed(0)} MiB`);
}

// The browser view at the issue's size (200 dependencies); --smoke skips the browser.
let ui: UiBenchResult | undefined;
if (values.smoke) console.log('\nui (browser): skipped with --smoke');
else {
  // Loaded here only: the timing children must not carry vite and playwright in their memory.
  const { measureUi } = await import('../packages/ui/bench/ui-bench.ts');
  ui = await measureUi(200);
  if (ui !== undefined) {
    console.log(`\nui (browser, ${ui.size} dependencies, ${ui.nodes} nodes, medians of ${ui.runs} loads / ${ui.swaps} toggles):`);
    console.log(`  first render of graph + tiers  ${fmt(ui.firstRenderMs)} ms from navigation (${fmt(ui.computeAndRenderMs)} ms after the workspace arrived; goal < 1000)`);
    console.log(`  swap toggle to updated scores  ${fmt(ui.swapMs)} ms (goal < 50)`);
    console.log(`  swap toggle to the new layout  ${fmt(ui.swapSettledMs)} ms (cascade panel and re-laid-out graph, a task later)`);
  }
}

// Optimal swap sets against all-gains: swaps and effort (low 1, medium 3, high 8) each needs.
console.log('\nswap plans, optimal vs all-gains:');
const known = compareKnownScenarios();
for (const r of results) for (const line of describeSavings(`workload ${r.size}`, r.swapPlans)) console.log(line);
for (const line of describeSavings('example app', known.examples)) console.log(line);
if (known.fixtures === null) console.log('fixtures: ../shared is absent, skipped');
else for (const line of describeSavings('vrooli fixtures', known.fixtures)) console.log(line);

const outFile = values.out ?? fileURLToPath(new URL('results.json', import.meta.url));
const runtime = runtimeBench(values.smoke ? [1] : [1, 10, 50]);
writeFileSync(outFile, JSON.stringify({ generatedBy: 'bench/run.ts', node: process.version, sizes: results, once, ui: ui ?? null, parses, parseGrowth: growths, huge, runtime, swapPlans: known }, null, 2) + '\n');
console.log(`wrote ${outFile}`);

coldStart();
