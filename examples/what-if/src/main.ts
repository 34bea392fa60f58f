// Example (b): what-if scripting. Ask "what if we dropped ollama? swapped postgres for
// sqlite?" and compare every tier after each step. Each step re-scores only the nodes
// it changes, so a script can try hundreds of combinations in milliseconds.
//
//   pnpm --filter @deployment-manager/example-what-if start [--root <workspace>] [--scenario <name>]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TIERS, buildGraph, loadWorkspace, type Tier } from '@deployment-manager/core';
import { createWhatIf, type WhatIfStep } from '@deployment-manager/fitness';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: fileURLToPath(new URL('../../end-to-end/workspace', import.meta.url)) },
    scenario: { type: 'string', default: 'recipe-hub' },
  },
});

const graph = buildGraph(loadWorkspace(values.root), values.scenario, { policy: 'active' });
const w = createWhatIf(graph);

const row = (label: string, scores: (t: Tier) => number): string => `${label.padEnd(34)}${TIERS.map((t) => scores(t).toFixed(1).padStart(11)).join('')}`;
const delta = (step: WhatIfStep): string =>
  TIERS.map((t) => {
    const d = step.tiers[t];
    return d === undefined ? '' : `${t} ${d.after - d.before >= 0 ? '+' : ''}${(d.after - d.before).toFixed(1)}`;
  })
    .filter(Boolean)
    .join(', ');

console.log(`${''.padEnd(34)}${TIERS.map((t) => t.padStart(11)).join('')}`);
console.log(row('as declared', (t) => w.score(t)));

const steps: [string, () => WhatIfStep][] = [
  ['drop the optional ollama', () => w.toggle('resource:ollama', false)],
  ['swap postgres -> sqlite', () => w.swap({ from: 'postgres', to: 'sqlite' })],
  ['swap redis -> in-process-cache', () => w.swap({ from: 'redis', to: 'in-process-cache' })],
  ['bring ollama back', () => w.toggle('resource:ollama', true)],
];
for (const [label, run] of steps) {
  const step = run();
  console.log(row(label, (t) => w.score(t)));
  console.log(`${''.padEnd(4)}changed ${step.changed.join(', ') || 'nothing'}; ${delta(step)}`);
}

// Which tier is closest to shippable now, and what still blocks each?
const best = [...TIERS].sort((a, b) => w.score(b) - w.score(a))[0];
console.log(`\nbest tier now: ${best} (${w.score(best as Tier).toFixed(1)})`);
for (const t of TIERS) {
  const blockers = w.blockers(t);
  if (blockers.length > 0) console.log(`still blocking ${t}: ${blockers.join(', ')}`);
}
console.log(`swaps applied: ${w.swaps().map((s) => `${s.from} -> ${s.to}`).join(', ')}`);
