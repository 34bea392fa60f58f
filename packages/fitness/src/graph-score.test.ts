import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { DEFAULT_ROLE_WEIGHTS, coverageOf, meanScore, weightUnits } from './graph-score.ts';

describe('role weights', () => {
  it('weigh a required dependency twice an optional or disabled one by default, in units of 0.001', () => {
    expect(DEFAULT_ROLE_WEIGHTS).toEqual({ required: 1, optional: 0.5, disabled: 0.5 });
    // Ranks 0 (disabled), 1 (optional), 2 (required).
    expect(weightUnits()).toEqual([500, 500, 1000]);
    expect(weightUnits({})).toEqual([500, 500, 1000]);
  });

  it('take each role a caller sets, rounded to 0.001, and the default for the others', () => {
    expect(weightUnits({ disabled: 0 })).toEqual([0, 500, 1000]);
    expect(weightUnits({ required: 2.5, optional: 0.0004 })).toEqual([500, 0, 2500]);
    expect(weightUnits({ optional: 0.0006, disabled: 0.25 })).toEqual([250, 1, 1000]);
  });
});

describe('meanScore', () => {
  it('is the weighted mean of the points, to two decimals (hand-computed)', () => {
    // A required 80 and an optional 50: (1000 * 8000 + 500 * 5000) / 1500 = 7000 -> 70.
    expect(meanScore(1500, 1000 * 8000 + 500 * 5000)).toBe(70);
    // A required 100 and an optional 33.33: (1000 * 10000 + 500 * 3333) / 1500 = 7777.67 -> 7778 -> 77.78.
    expect(meanScore(1500, 1000 * 10000 + 500 * 3333)).toBe(77.78);
    // Rounds half up at the third decimal: 4512.5 -> 4513 -> 45.13.
    expect(meanScore(2, 9025)).toBe(45.13);
    expect(meanScore(1000, 0)).toBe(0);
  });

  it('is 100 when nothing counts: an empty graph has nothing that keeps it off a tier', () => {
    expect(meanScore(0, 0)).toBe(100);
  });

  it('stays within the range of the points it averages (any weights, any points)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ units: fc.integer({ min: 1, max: 5000 }), points: fc.integer({ min: 0, max: 10000 }) }), { minLength: 1, maxLength: 20 }), (deps) => {
        const units = deps.reduce((n, d) => n + d.units, 0);
        const score = meanScore(units, deps.reduce((n, d) => n + d.units * d.points, 0));
        expect(score).toBeGreaterThanOrEqual(Math.min(...deps.map((d) => d.points)) / 100);
        expect(score).toBeLessThanOrEqual(Math.max(...deps.map((d) => d.points)) / 100);
      }),
    );
  });
});

describe('coverageOf', () => {
  it('is the known share of the counted weight, and 1 when nothing counts', () => {
    expect(coverageOf(1000, 1500)).toBeCloseTo(2 / 3, 12);
    expect(coverageOf(0, 500)).toBe(0);
    expect(coverageOf(1500, 1500)).toBe(1);
    expect(coverageOf(0, 0)).toBe(1);
  });
});
