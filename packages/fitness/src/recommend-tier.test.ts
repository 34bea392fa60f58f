import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS, isSdkError } from '@deployment-manager/core';
import { pickerWheel, swapWorldArb } from '../test/graphs.ts';
import { planSwapSet } from './plan-swap-set.ts';
import { recommendTier } from './recommend-tier.ts';

describe('recommendTier', () => {
  test.prop([swapWorldArb(8), fc.constantFrom(0.5, 1, 4)], { numRuns: 200 })(
    'puts each tier\'s optimal plan side by side and picks the shipping plan of most score per cost',
    (w, shipCost) => {
      const options = { catalog: w.catalog, alternatives: 0 };
      const r = recommendTier(w.graph, { ...options, shipCost });
      expect(r.plans.map((p) => p.tier)).toEqual(TIERS);
      for (const p of r.plans) {
        const { efficiency, ...plan } = p;
        expect(plan).toEqual(planSwapSet(w.graph, p.tier, options));
        expect(efficiency).toBe(p.feasible ? Math.round((p.score / (p.cost + shipCost)) * 1000) / 1000 : null);
      }
      const shipping = r.plans.filter((p) => p.feasible);
      if (shipping.length === 0) expect(r.best).toBeNull();
      else {
        const best = r.plans.find((p) => p.tier === r.best);
        expect(best?.feasible).toBe(true);
        for (const p of shipping) expect(best?.efficiency ?? 0).toBeGreaterThanOrEqual(p.efficiency ?? 0);
      }
    },
  );

  it('a plan of cost 0 scores its score per ship cost, and only the tiers asked for are planned', () => {
    const r = recommendTier(pickerWheel(), { tiers: ['desktop', 'mobile'] });
    expect(r.plans.map((p) => p.tier)).toEqual(['desktop', 'mobile']);
    const desktop = r.plans[0];
    expect(desktop?.cost).toBe(0);
    expect(desktop?.efficiency).toBe(desktop?.score);
    expect(r.best).toBe('desktop');
  });

  it('refuses a ship cost that is not positive', () => {
    let caught: unknown;
    try {
      recommendTier(pickerWheel(), { shipCost: 0 });
    } catch (e) {
      caught = e;
    }
    expect(isSdkError(caught, 'INVALID_ARGUMENT')).toBe(true);
  });
});
