// The rules that turn per-dependency scores into a tier's graph score: the weight of each role, and
// the weighted mean over the dependencies that count. The incremental engine (scoring-state.ts)
// keeps the running sums; what it makes of them is decided here, once.
import type { NodeRole } from './types.ts';

/** Weight of each role in the graph score. */
export type RoleWeights = Readonly<Record<NodeRole, number>>;

/** Default weights: required 1, optional 0.5, disabled 0.5 (a disabled edge is only in the graph under the `all` policy, which counts it). */
export const DEFAULT_ROLE_WEIGHTS: RoleWeights = { required: 1, optional: 0.5, disabled: 0.5 };

/**
 * The integer weight units of each rank (disabled 0, optional 1, required 2): the role's weight
 * x1000 (resolution 0.001), over {@link DEFAULT_ROLE_WEIGHTS} for any role `weights` leaves out.
 * Integer units keep every running sum exact.
 */
export function weightUnits(weights: Partial<RoleWeights> = {}): readonly number[] {
  const w = { ...DEFAULT_ROLE_WEIGHTS, ...weights };
  return [Math.round(w.disabled * 1000), Math.round(w.optional * 1000), Math.round(w.required * 1000)];
}

/**
 * A graph (sub)score from its sums: the weighted mean of the counted dependencies' points
 * (`weighted` is the sum of units x points, points being score x100), rounded to two decimals;
 * 100 when nothing counts - a graph with no known dependency has nothing that keeps it off a tier.
 *
 * @example
 * ```ts
 * meanScore(1500, 1000 * 8000 + 500 * 5000); // 70: a required 80 and an optional 50
 * ```
 */
export function meanScore(units: number, weighted: number): number {
  return units > 0 ? Math.round(weighted / units) / 100 : 100;
}

/** The share of the counted weight whose dependencies the catalog knows (1 when nothing counts). */
export function coverageOf(knownUnits: number, totalUnits: number): number {
  return totalUnits > 0 ? knownUnits / totalUnits : 1;
}
