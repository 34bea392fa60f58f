// Times and profiles one stage of the pipeline at one size (warm: it runs the
// stage for --warm ms first, then --repeat timed runs, and prints median and min).
//
//   npx tsx bench/profile.ts --size 2000 --stage suggest --repeat 20
//
// Stages: load, graph, fitness, suggest, cascade, what-if, secrets, all.
//
// To find hot spots, profile it and print the top self-time functions with
// their hottest source lines. tsx compiles each file to one line, so bundle
// first to get line numbers (the aliases make esbuild use the workspace
// sources, as tsx does through tsconfig paths, not packages' stale dist/):
//
//   npx esbuild bench/profile.ts --bundle --platform=node --format=esm --outfile=/tmp/prof-build/profile.mjs \
//     --alias:@deployment-manager/core=./packages/core/src/index.ts \
//     --alias:@deployment-manager/fitness=./packages/fitness/src/index.ts \
//     --alias:@deployment-manager/secrets=./packages/secrets/src/index.ts \
//     "--banner:js=import{createRequire}from'node:module';const require=createRequire(import.meta.url);"
//   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/prof-build/profile.mjs --size 20000 --stage fitness --repeat 5
//   node /tmp/prof-build/profile.mjs --top /tmp/prof/<the larger .cpuprofile>
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildGraph, parseCompactWorkspace } from '@deployment-manager/core';
import { cascade, createWhatIf, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { CASCADE_SWAP, generateWorkload } from './workload.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '2000' }, stage: { type: 'string', default: 'all' }, repeat: { type: 'string', default: '3' }, warm: { type: 'string', default: '250' }, top: { type: 'string' } },
});

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

if (values.top !== undefined) {
  // Self time per function, from a .cpuprofile's sample counts, and each one's hottest lines.
  const profile = JSON.parse(readFileSync(values.top, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const self = new Map<string, { hits: number; url: string; lines: Map<number, number> }>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url}:${n.callFrame.lineNumber + 1}`;
    const f = self.get(key) ?? { hits: 0, url: n.callFrame.url, lines: new Map<number, number>() };
    f.hits += n.hitCount ?? 0;
    for (const t of n.positionTicks ?? []) f.lines.set(t.line, (f.lines.get(t.line) ?? 0) + t.ticks);
    self.set(key, f);
  }
  const sources = new Map<string, string[]>();
  const lineOf = (url: string, line: number): string => {
    if (!url.startsWith('file://')) return '';
    if (!sources.has(url)) sources.set(url, readFileSync(new URL(url), 'utf8').split('\n'));
    return (sources.get(url)?.[line - 1] ?? '').trim().slice(0, 110);
  };
  const total = profile.samples.length;
  console.log(`${total} samples`);
  [...self].sort((a, b) => b[1].hits - a[1].hits).slice(0, 20).forEach(([key, f], rank) => {
    console.log(`${((100 * f.hits) / total).toFixed(1).padStart(5)}%  ${key}`);
    if (rank < 6) for (const [line, ticks] of [...f.lines].sort((a, b) => b[1] - a[1]).slice(0, 3)) console.log(`${String(ticks).padStart(13)}  ${lineOf(f.url, line)}`);
  });
  process.exit(0);
}

const size = Number(values.size);
const stage = values.stage as string;
const repeat = Number(values.repeat);
const warm = Number(values.warm);
const text = JSON.stringify(generateWorkload(size).document);
const run = (name: string, fn: () => unknown): void => {
  if (stage !== 'all' && stage !== name) return;
  const start = performance.now();
  for (let i = 0; i < 1 || (performance.now() - start < warm && i < 10000); i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  console.log(`${name}: median ${(xs[xs.length >> 1] as number).toFixed(3)} ms, min ${(xs[0] as number).toFixed(3)} ms (${repeat} runs)`);
};
const ws = parseCompactWorkspace(text, 'bench.json');
run('load', () => parseCompactWorkspace(text, 'bench.json'));
const g = buildGraph(ws, 'app-0');
run('graph', () => buildGraph(ws, 'app-0'));
run('fitness', () => scoreGraph(g));
run('suggest', () => suggestSwaps(g, 'desktop'));
run('cascade', () => cascade(g, [CASCADE_SWAP], 'desktop'));
const target = g.edges.find((e) => e.from === g.root)?.to;
if (target !== undefined && (stage === 'all' || stage === 'what-if')) {
  const w = createWhatIf(g);
  let on = false;
  run('what-if', () => {
    on = !on;
    w.toggle(target, on);
    return w.score('desktop');
  });
}
const scenarios = [...ws.scenarios.values()];
run('secrets', () => planSecrets(g, { tier: 'desktop', scenarios }));
