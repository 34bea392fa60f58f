/*
 * Closing the loop: failures observed in a deployment (classified telemetry)
 * lower the fitness of the dependency that failed, on the tier it ran on,
 * with a reason that quotes the evidence. Pure: a report in, a report out.
 */
import type { NodeId, Tier } from '@deployment-manager/core/pure';
import { EVIDENCE_PENALTIES, type ObservedFailureKind } from './evidence-data.ts';
import type { DependencyFitness, DependencyTierScore, FitnessReport, Reason, SubScores, TierFitness } from './types.ts';

/** A failure seen in a deployment, for {@link applyEvidence}. */
export interface ObservedFailure {
  /** The dependency that failed: a node id (`resource:ollama`) or its bare name (`ollama`). */
  readonly dependency: string;
  /** The tier it ran on. */
  readonly tier: Tier;
  /** What kind of failure. */
  readonly kind: ObservedFailureKind;
  /** How many times it was seen. */
  readonly count: number;
  /** The telemetry lines that show it (never a secret value: telemetry carries none). */
  readonly evidence: readonly string[];
}

const clamp = (n: number): number => Math.max(0, Math.min(100, n));
const round = (n: number): number => Math.round(n * 100) / 100;

/** The dependency an observation names, by id or bare name; undefined when the graph does not hold it. */
function findDependency(report: FitnessReport, name: string): DependencyFitness | undefined {
  return report.dependencies.find((d) => d.id === name) ?? report.dependencies.find((d) => d.name === name);
}

/**
 * Lowers the scores of the dependencies that failed, once per kind and tier
 * (repeats raise the count quoted, not the deduction), and the graph's score
 * of that tier by their weighted share. Each deduction is a {@link Reason}
 * with fact `observed.<kind>` whose message quotes the first evidence line.
 * Observations of dependencies the report does not hold, of unscored tiers
 * or of unknown dependencies change nothing and are returned as `unmatched`.
 *
 * @example
 * ```ts
 * const { report } = applyEvidence(scoreGraph(graph), [{ dependency: 'ollama', tier: 'desktop', kind: 'crash-loop', count: 4, evidence: ['... gave_up ollama: ...'] }]);
 * ```
 */
export function applyEvidence(report: FitnessReport, observed: readonly ObservedFailure[]): { readonly report: FitnessReport; readonly unmatched: readonly ObservedFailure[] } {
  const unmatched: ObservedFailure[] = [];
  // One deduction per dependency, tier and kind; counts and evidence merge.
  const merged = new Map<string, ObservedFailure & { readonly id: NodeId }>();
  for (const o of observed) {
    const dep = findDependency(report, o.dependency);
    const score = dep?.tiers[o.tier];
    if (dep === undefined || score === undefined || score.score === null || report.tiers[o.tier] === undefined) {
      unmatched.push(o);
      continue;
    }
    const key = `${dep.id}\u0000${o.tier}\u0000${o.kind}`;
    const seen = merged.get(key);
    merged.set(key, seen === undefined ? { ...o, id: dep.id } : { ...seen, count: seen.count + o.count, evidence: [...seen.evidence, ...o.evidence] });
  }
  if (merged.size === 0) return { report, unmatched };
  const dependencies = report.dependencies.map((d) => ({ ...d, tiers: { ...d.tiers } }));
  const tierDelta = new Map<Tier, { score: number; subscores: Partial<Record<keyof SubScores, number>>; reasons: Reason[] }>();
  for (const o of merged.values()) {
    const dep = dependencies.find((d) => d.id === o.id) as (typeof dependencies)[number];
    const before = dep.tiers[o.tier] as DependencyTierScore & { readonly score: number };
    const penalty = EVIDENCE_PENALTIES[o.kind];
    const score = clamp(before.score - penalty.points);
    const sub = clamp(before.subscores[penalty.subscore] - penalty.points);
    const reason: Reason = {
      dependency: o.id,
      fact: `observed.${o.kind}`,
      subscore: penalty.subscore,
      delta: round(sub - before.subscores[penalty.subscore]),
      blocker: false,
      message: `${dep.name} ${penalty.meaning} on ${o.tier} (${o.count} time${o.count === 1 ? '' : 's'} in the telemetry): ${o.evidence[0] ?? 'no line kept'}`,
    };
    dep.tiers[o.tier] = { ...before, score, subscores: { ...before.subscores, [penalty.subscore]: sub }, reasons: [...before.reasons, reason] };
    const t = tierDelta.get(o.tier) ?? { score: 0, subscores: {}, reasons: [] };
    t.score += dep.weight * (score - before.score);
    t.subscores[penalty.subscore] = (t.subscores[penalty.subscore] ?? 0) + dep.weight * (sub - before.subscores[penalty.subscore]);
    t.reasons.push(reason);
    tierDelta.set(o.tier, t);
  }
  const tiers: Partial<Record<Tier, TierFitness>> = { ...report.tiers };
  for (const [tier, delta] of tierDelta) {
    const before = report.tiers[tier] as TierFitness;
    // The graph score is the weighted mean over known dependencies: a change moves it by its weighted share.
    const total = report.dependencies.reduce((sum, d) => sum + (d.tiers[tier]?.score === null || d.tiers[tier] === undefined ? 0 : d.weight), 0);
    const shift = (n: number): number => (total === 0 ? 0 : n / total);
    const subscores = { ...before.subscores };
    for (const [name, d] of Object.entries(delta.subscores) as [keyof SubScores, number][]) subscores[name] = round(clamp(subscores[name] + shift(d)));
    tiers[tier] = { ...before, score: round(clamp(before.score + shift(delta.score))), subscores, reasons: [...before.reasons, ...delta.reasons] };
  }
  return { report: { ...report, tiers, dependencies }, unmatched };
}
