import { readFileSync } from 'node:fs';
import { buildGraph, loadWorkspace } from '@deployment-manager/core';
import { applySwaps, suggestSwaps, lacking } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { assembleManifest } from './src/assemble.ts';
import { decisionsFromSuggestions } from './src/swap-decisions.ts';
import { compileJsonSchema } from './src/ajv.ts';
const ws = loadWorkspace('/work/shared/fixtures/vrooli');
const prev = compileJsonSchema(JSON.parse(readFileSync('/work/shared/fixtures/vrooli/schemas/bundle-schema.desktop.v0.1.json', 'utf8')));
const counts: Record<string, number> = {};
for (const name of [...ws.scenarios.keys()].sort()) {
  const spec = ws.scenarios.get(name)!;
  const graph = buildGraph(ws, name, { policy: 'active' });
  for (const tier of ['desktop', 'saas', 'mobile'] as const) {
    const sugg = suggestSwaps(graph, tier);
    // choose best swap per from
    const chosen = new Map<string, { from: string; to: string }>();
    for (const s of sugg) if (!chosen.has(s.from)) chosen.set(s.from, { from: s.from, to: s.to });
    const swaps = [...chosen.values()];
    const decisions = decisionsFromSuggestions(sugg, swaps);
    const swapped = applySwaps(graph, swaps, { tier });
    const plan = planSecrets(swapped, { tier, scenario: spec });
    const profile = { name, scenario: name, tiers: [tier], swaps, secrets: {}, settings: {} };
    const r = assembleManifest(graph, decisions, plan, profile, { scenario: spec });
    const errs = r.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errs) counts[`${tier}:${d.code}`] = (counts[`${tier}:${d.code}`] ?? 0) + 1;
    if (tier === 'desktop') {
      const p = prev(r.manifest);
      if (p.length) console.log('PREV FAIL', name, JSON.stringify(p.slice(0,2)));
    }
    if (name === 'picker-wheel' && tier === 'desktop') console.log(JSON.stringify(r.manifest, null, 1).slice(0, 3000), r.diagnostics.map(d=>d.code));
  }
}
console.log(counts);
