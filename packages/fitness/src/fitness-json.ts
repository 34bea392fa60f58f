import type { DependencyGraph, Tier } from '@deployment-manager/core/pure';
import type { SwapSuggestion } from './suggest.ts';
import type { FitnessReport, Reason, SubScores } from './types.ts';
import { VROOLI_TIERS } from './vrooli-classes.ts';
import { vrooliAggregates, vrooliTreeFromGraph, type VrooliTreeNode, type VrooliTreeOptions } from './vrooli-parity.ts';

/** Which model produced a fitness document. */
export type FitnessModel = 'default' | 'vrooli';

/** A tier of the `fitness --json` document. */
export interface FitnessJsonTier {
  /** 0..100. */
  readonly score: number;
  /** Sub-scores (null for the vrooli model, which has none). */
  readonly subscores: SubScores | null;
  /** Blocking dependencies (node ids; names for the vrooli model, as the predecessor wrote them). */
  readonly blockers: readonly string[];
  /** Warnings. */
  readonly warnings: readonly string[];
  /** Every deduction. */
  readonly reasons: readonly Reason[];
  /** Vrooli model only: the predecessor's 0..1 score and occurrence count. */
  readonly fitness_score?: number;
  /** Vrooli model only: tree occurrences counted. */
  readonly dependency_count?: number;
}

/** The `fitness --json` document (also the shape hosts can rely on). */
export interface FitnessJson {
  /** Scenario name. */
  readonly scenario: string;
  /** Model used. */
  readonly model: FitnessModel;
  /** Per tier. */
  readonly tiers: Readonly<Record<string, FitnessJsonTier>>;
  /** Per distinct dependency. */
  readonly dependencies: readonly { readonly id: string; readonly tiers: Readonly<Record<string, { readonly score: number | null; readonly supported: boolean; readonly reasons: readonly Reason[] }>> }[];
  /** Suggested swaps, one per (from, to), with the tiers they help on. */
  readonly suggestions: readonly { readonly from: string; readonly to: string; readonly tiers: readonly Tier[]; readonly gain: number; readonly effort: string; readonly gains: Readonly<Partial<Record<Tier, number>>>; readonly lacks: readonly string[] }[];
}

/**
 * Builds the `fitness --json` document of the default model from a report and
 * the suggestions computed per tier.
 *
 * @example
 * ```ts
 * const doc = fitnessToJson('picker-wheel', scoreGraph(graph), TIERS.flatMap((t) => suggestSwaps(graph, t)));
 * ```
 */
export function fitnessToJson(scenario: string, report: FitnessReport, suggestions: readonly SwapSuggestion[]): FitnessJson {
  const tiers = Object.fromEntries(
    Object.entries(report.tiers).map(([t, f]) => [t, { score: f.score, subscores: f.subscores, blockers: f.blockers, warnings: f.warnings, reasons: f.reasons }]),
  );
  const dependencies = report.dependencies.map((d) => ({
    id: d.id,
    tiers: Object.fromEntries(Object.entries(d.tiers).map(([t, s]) => [t, { score: s.score, supported: s.supported, reasons: s.reasons }])),
  }));
  const merged = new Map<string, { from: string; to: string; tiers: Tier[]; gain: number; effort: string; gains: Partial<Record<Tier, number>>; lacks: readonly string[] }>();
  for (const s of suggestions) {
    const key = `${s.from}\u0000${s.to}`;
    const m = merged.get(key) ?? { from: s.from, to: s.to, tiers: [], gain: 0, effort: s.effort, gains: {}, lacks: s.lacks };
    if (!m.tiers.includes(s.tier)) m.tiers.push(s.tier);
    m.gains[s.tier] = s.gain;
    m.gain = Math.max(m.gain, s.gain);
    merged.set(key, m);
  }
  const list = [...merged.values()].sort((a, b) => b.gain - a.gain || (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
  return { scenario, model: 'default', tiers, dependencies, suggestions: list };
}

/**
 * Builds the `fitness --model vrooli --json` document: the predecessor's
 * numbers for the graph expanded as its tree (scores scaled to 0..100, with
 * the original 0..1 `fitness_score` beside them). `options.external` supplies
 * subtrees of scenarios the workspace lacks.
 */
export function vrooliFitnessToJson(scenario: string, graph: DependencyGraph, options: VrooliTreeOptions = {}): FitnessJson {
  const tree = vrooliTreeFromGraph(graph, options);
  const aggregates = vrooliAggregates(tree);
  const tiers = Object.fromEntries(
    VROOLI_TIERS.filter((t) => aggregates[t] !== undefined).map((t) => {
      const a = aggregates[t] as { fitnessScore: number; dependencyCount: number; blockers: readonly string[] };
      return [t, { score: a.fitnessScore * 100, subscores: null, blockers: a.blockers, warnings: [], reasons: [], fitness_score: a.fitnessScore, dependency_count: a.dependencyCount }];
    }),
  );
  const seen = new Map<string, VrooliTreeNode>();
  const walk = (nodes: readonly VrooliTreeNode[]): void => {
    for (const n of nodes) {
      if (n.tierSupport !== undefined && !seen.has(`${n.type}:${n.name}`)) seen.set(`${n.type}:${n.name}`, n);
      walk(n.children);
    }
  };
  walk(tree);
  const dependencies = [...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => ({
    id,
    tiers: Object.fromEntries(
      Object.entries(n.tierSupport ?? {}).map(([t, s]) => [t, {
        score: s.fitnessScore === undefined ? null : s.fitnessScore * 100,
        supported: s.supported ?? true,
        reasons: s.reason === undefined ? [] : [{ dependency: id, fact: 'vrooli.class', subscore: 'portability' as const, delta: 0, blocker: s.supported === false, message: s.reason.toLowerCase() }],
      }]),
    ),
  }));
  return { scenario, model: 'vrooli', tiers, dependencies, suggestions: [] };
}
