// What fitness, secrets and assembly say about the same swap must agree: they
// read one catalog, so a cascade's secret changes are exactly the difference of
// the two secret plans, and every swap fitness suggests is one the secrets
// planner names as the remedy and the assembly carries into the manifest.
import { test, fc } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { buildGraph, TIERS } from '@deployment-manager/core';
import { cascade, suggestSwaps, type SwapSpec } from '@deployment-manager/fitness';
import { planSecrets, type SecretPlan } from '@deployment-manager/secrets';
import { workspaceArb } from '@deployment-manager/testkit';
import { assembleScenario } from '../src/index.ts';

const catalogIds = (plan: SecretPlan): Set<string> => new Set(plan.secrets.filter((s) => s.origin === 'catalog').map((s) => s.id));
const sorted = (set: Iterable<string>): string[] => [...set].sort();

// A generated workspace, a tier, and a subset of the swaps fitness suggests there (at least one when there are any).
const caseArb = fc
  .tuple(workspaceArb, fc.constantFrom(...TIERS))
  .map(([ws, tier]) => {
    const graph = buildGraph(ws.workspace, ws.scenario, { policy: 'active' });
    return { ws, tier, graph, suggestions: suggestSwaps(graph, tier) };
  })
  .filter((c) => c.suggestions.length > 0)
  .chain((c) => {
    // One swap per dependency: the fitness side suggests several replacements for one node.
    const firstPerNode = [...new Map(c.suggestions.map((s) => [s.from, s])).values()];
    return fc.subarray(firstPerNode, { minLength: 1 }).map((chosen) => ({ ...c, swaps: chosen.map((s): SwapSpec => ({ from: s.from, to: s.to })) }));
  });

describe('one catalog, one answer', () => {
  test.prop([caseArb], { numRuns: 1000 })('a cascade adds and removes exactly the secrets the two secret plans differ by', ({ graph, tier, swaps }) => {
    const c = cascade(graph, swaps, tier);
    const before = catalogIds(planSecrets(graph, { tier }));
    const after = catalogIds(planSecrets(c.graph, { tier }));
    expect(sorted(new Set(c.secrets.added.map((s) => s.id)))).toEqual(sorted([...after].filter((id) => !before.has(id))));
    expect(sorted(new Set(c.secrets.removed.map((s) => s.id)))).toEqual(sorted([...before].filter((id) => !after.has(id))));
  });

  test.prop([caseArb], { numRuns: 1000 })('every suggested swap is the secrets planner\'s remedy for the secrets it removes, and the assembly applies it', ({ ws, graph, tier, suggestions, swaps }) => {
    const plan = planSecrets(graph, { tier });
    for (const s of suggestions) {
      const name = s.from.slice('resource:'.length);
      for (const secret of plan.secrets.filter((x) => x.origin === 'catalog' && x.sources.includes(s.from))) {
        expect(secret.removedBy).toContainEqual({ from: name, to: s.to });
      }
    }
    if (tier === 'local') return; // local has no manifest to carry swaps
    // One suggestion on its own (in a set, a swap can orphan another's node, which then is rightly not carried).
    const one = swaps[0] as SwapSpec;
    const { result } = assembleScenario(ws.workspace, ws.scenario, { tier, swaps: [one] });
    expect((result.manifest.swaps ?? []).map((x) => `${x.original}>${x.replacement}`)).toEqual([`${one.from.slice('resource:'.length)}>${one.to}`]);
    expect(result.diagnostics.filter((d) => d.code.startsWith('SWAP'))).toEqual([]);
  });
});
