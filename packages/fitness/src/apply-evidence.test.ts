import { fc, test } from '@fast-check/vitest';
import { TIERS } from '@deployment-manager/core';
import { describe, expect, it } from 'vitest';
import { dagArb, graphOf, pickerWheel } from '../test/graphs.ts';
import { applyEvidence, type ObservedFailure } from './apply-evidence.ts';
import { OBSERVED_FAILURE_KINDS } from './evidence-data.ts';
import { scoreGraph } from './score-graph.ts';

const observation = (names: readonly string[]): fc.Arbitrary<ObservedFailure> =>
  fc.record({ dependency: fc.constantFrom(...names, 'not-in-the-graph'), tier: fc.constantFrom(...TIERS), kind: fc.constantFrom(...OBSERVED_FAILURE_KINDS), count: fc.integer({ min: 1, max: 50 }), evidence: fc.array(fc.string(), { maxLength: 3 }) });

describe('applyEvidence', () => {
  it('a dependency that crash-looped on desktop loses points there, and the reason says why with the evidence', () => {
    const before = scoreGraph(pickerWheel());
    const line = '2026-12-07T10:00:00.000Z gave_up ollama: exited with code 1 after 3 restarts';
    const { report, unmatched } = applyEvidence(before, [{ dependency: 'ollama', tier: 'desktop', kind: 'crash-loop', count: 4, evidence: [line] }]);
    expect(unmatched).toEqual([]);
    const was = before.dependencies.find((d) => d.name === 'ollama')?.tiers.desktop;
    const now = report.dependencies.find((d) => d.name === 'ollama')?.tiers.desktop;
    expect(now?.score).toBeLessThan(was?.score ?? 0);
    expect(now?.reasons.at(-1)).toMatchObject({ dependency: 'resource:ollama', fact: 'observed.crash-loop', subscore: 'platform_support' });
    expect(now?.reasons.at(-1)?.message).toContain(line);
    expect(report.tiers.desktop?.score).toBeLessThan(before.tiers.desktop?.score ?? 0);
    expect(report.tiers.saas).toEqual(before.tiers.saas);
  });

  test.prop([dagArb.chain((g) => fc.tuple(fc.constant(g), fc.array(observation(g.nodes.map((n) => n.split(':')[1] as string)), { maxLength: 6 })))])(
    'never raises a score, changes only the tiers observed, and takes each observation once or returns it unmatched',
    ([dag, observed]) => {
      const before = scoreGraph(graphOf(dag));
      const { report, unmatched } = applyEvidence(before, observed);
      for (const tier of TIERS) {
        const touched = observed.some((o) => o.tier === tier && !unmatched.includes(o));
        if (!touched) expect(report.tiers[tier]).toEqual(before.tiers[tier]);
        else expect(report.tiers[tier]?.score ?? 0).toBeLessThanOrEqual(before.tiers[tier]?.score ?? 0);
        for (const [i, d] of report.dependencies.entries()) {
          const was = before.dependencies[i]?.tiers[tier]?.score ?? null;
          const now = d.tiers[tier]?.score ?? null;
          if (was === null) expect(now).toBeNull();
          else expect(now ?? 0).toBeLessThanOrEqual(was);
        }
      }
      const facts = report.dependencies.flatMap((d) => Object.values(d.tiers).flatMap((s) => s?.reasons ?? [])).filter((r) => r.fact.startsWith('observed.'));
      const distinct = new Set(observed.filter((o) => !unmatched.includes(o)).map((o) => `${report.dependencies.find((d) => d.id === o.dependency || d.name === o.dependency)?.id}|${o.tier}|${o.kind}`));
      expect(facts).toHaveLength(distinct.size);
      expect(applyEvidence(before, []).report).toBe(before);
    },
  );
});
