import { SdkError, TIERS, isAcyclic, type DependencyGraph, type DependencyNode, type NodeId, type Tier } from '@deployment-manager/core';
import { DEFAULT_CATALOG, lookupEntry, type Catalog } from './catalog.ts';
import { ROLE_BY_RANK, computeRanks, edgeRank, type RoleRank } from './roles.ts';
import { scoreEntry, unknownScore } from './score-dependency.ts';
import { SCENARIO_ENTRY } from './scenario-entry.ts';
import { TIER_CONSTRAINTS, type TierConstraints } from './tier-constraints.ts';
import type { CatalogEntry, DependencyFitness, DependencyTierScore, FitnessReport, GpuNeed, NodeRole, Reason, SubScoreName, TierFitness } from './types.ts';

/** Weight of each role in the graph score. */
export type RoleWeights = Readonly<Record<NodeRole, number>>;

/** Default weights: required 1, optional 0.5, disabled 0.5 (a disabled edge is only in the graph under the `all` policy, which counts it). */
export const DEFAULT_ROLE_WEIGHTS: RoleWeights = { required: 1, optional: 0.5, disabled: 0.5 };

/** Options shared by {@link scoreGraph}, suggestions, cascades and what-if sessions. */
export interface ScoreOptions {
  /** Capability catalog (default: the built-in one). */
  readonly catalog?: Catalog;
  /** Tiers to score (default: all five). */
  readonly tiers?: readonly Tier[];
  /** Per-tier constraint overrides (default: {@link TIER_CONSTRAINTS}). */
  readonly constraints?: Readonly<Partial<Record<Tier, TierConstraints>>>;
  /** Role weights (resolution 0.001). Set `disabled: 0` to ignore disabled dependencies. */
  readonly weights?: Partial<RoleWeights>;
}

const SUBS: readonly SubScoreName[] = ['portability', 'resources', 'licensing', 'platform_support'];
const GPU_RANK: Readonly<Record<GpuNeed, number>> = { none: 0, optional: 1, required: 2 };

interface Slot {
  node: DependencyNode;
  readonly isRoot: boolean;
  entry: CatalogEntry | undefined;
  scores: DependencyTierScore[];
  /** Integer score*100 per tier (0 for unknown). */
  points: number[];
  rank: RoleRank;
  excluded: boolean;
  /** Incoming live edges by the rank they carry (index 0..2). */
  readonly carried: [number, number, number];
  readonly out: { readonly to: number; readonly rank: RoleRank }[];
}

/**
 * An incremental scorer: per-node per-tier scores are computed once; each
 * tier keeps exact integer running sums, so a what-if change touches only the
 * nodes whose role or entry changed. Internal engine of {@link scoreGraph}
 * and {@link createWhatIf}.
 */
export interface ScoringState {
  /** Tiers scored. */
  readonly tiers: readonly Tier[];
  /** Whether role changes propagate incrementally (the graph is acyclic); otherwise each toggle recomputes roles. */
  readonly incremental: boolean;
  /** Current score of a tier, O(1). */
  score(tier: Tier): number;
  /** Current blockers of a tier (sorted). */
  blockers(tier: Tier): NodeId[];
  /** Excludes (or restores) a node and everything reached only through it; returns the nodes whose role changed. */
  setExcluded(id: NodeId, excluded: boolean): NodeId[];
  /** Re-scores one node as another catalog entry (a swap in place). */
  setEntry(id: NodeId, entry: CatalogEntry | undefined): void;
  /**
   * Replaces a node by a new one in the same position and role (a swap in
   * place: same edges), scored as `entry`. Only on an incremental state.
   */
  replaceNode(id: NodeId, node: DependencyNode, entry: CatalogEntry | undefined): void;
  /** Whether a node is currently excluded. */
  isExcluded(id: NodeId): boolean;
  /** The full report, O(nodes). */
  report(): FitnessReport;
}

/** Creates a {@link ScoringState} for a graph. */
export function createScoringState(graph: DependencyGraph, options: ScoreOptions = {}): ScoringState {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const tiers = options.tiers ?? TIERS;
  const constraints = tiers.map((t) => options.constraints?.[t] ?? TIER_CONSTRAINTS[t]);
  const w = { ...DEFAULT_ROLE_WEIGHTS, ...options.weights };
  const unitsByRank = [Math.round(w.disabled * 1000), Math.round(w.optional * 1000), Math.round(w.required * 1000)];
  const acyclic = isAcyclic(graph);
  const T = tiers.length;

  const indexOf = new Map<NodeId, number>();
  graph.nodes.forEach((n, i) => indexOf.set(n.id, i));
  const slots: Slot[] = graph.nodes.map((node) => ({
    node, isRoot: node.id === graph.root, entry: undefined, scores: [], points: [], rank: -1, excluded: false, carried: [0, 0, 0], out: [],
  }));
  for (const e of graph.edges) (slots[indexOf.get(e.from) as number] as Slot).out.push({ to: indexOf.get(e.to) as number, rank: edgeRank(e) });

  // Running sums per tier, in integer units (weight*1000, score*100) so updates are exact.
  const sumW = new Array<number>(T).fill(0);
  const sumWS = new Array<number>(T).fill(0);
  const sumSub = SUBS.map(() => new Array<number>(T).fill(0));
  const unsupported = Array.from({ length: T }, () => new Set<number>());
  let totalUnits = 0;
  let knownUnits = 0;

  const rescore = (slot: Slot): void => {
    slot.scores = constraints.map((c) => (slot.entry === undefined ? unknownScore(slot.node.id, slot.node.name) : scoreEntry(slot.entry, c, slot.node.id)));
    slot.points = slot.scores.map((s) => Math.round((s.score ?? 0) * 100));
  };
  const contribute = (i: number, sign: 1 | -1): void => {
    const slot = slots[i] as Slot;
    if (slot.isRoot || slot.rank < 0) return;
    const units = unitsByRank[slot.rank] as number;
    totalUnits += sign * units;
    if (slot.entry === undefined) return;
    knownUnits += sign * units;
    for (let t = 0; t < T; t++) {
      const s = slot.scores[t] as DependencyTierScore;
      sumW[t] = (sumW[t] as number) + sign * units;
      sumWS[t] = (sumWS[t] as number) + sign * units * (slot.points[t] as number);
      SUBS.forEach((k, j) => ((sumSub[j] as number[])[t] = ((sumSub[j] as number[])[t] as number) + sign * units * Math.round(s.subscores[k] * 100)));
      if (!s.supported) {
        if (sign > 0) (unsupported[t] as Set<number>).add(i);
        else (unsupported[t] as Set<number>).delete(i);
      }
    }
  };
  const liveRank = (slot: Slot): RoleRank => {
    if (slot.excluded) return -1;
    if (slot.isRoot) return 2;
    return slot.carried[2] > 0 ? 2 : slot.carried[1] > 0 ? 1 : slot.carried[0] > 0 ? 0 : -1;
  };
  const setRank = (i: number, next: RoleRank, changed: number[]): void => {
    const slot = slots[i] as Slot;
    if (slot.rank === next) return;
    contribute(i, -1);
    const prev = slot.rank;
    slot.rank = next;
    contribute(i, 1);
    changed.push(i);
    if (!acyclic) return;
    for (const { to, rank } of slot.out) {
      const target = slots[to] as Slot;
      const carried = target.carried as number[];
      if (prev >= 0) carried[Math.min(prev, rank)] = (carried[Math.min(prev, rank)] as number) - 1;
      if (next >= 0) carried[Math.min(next, rank)] = (carried[Math.min(next, rank)] as number) + 1;
      setRank(to, liveRank(target), changed);
    }
  };
  const recomputeAll = (changed: number[]): void => {
    const excluded = new Set(slots.filter((s) => s.excluded).map((s) => s.node.id));
    const ranks = computeRanks(graph, excluded);
    slots.forEach((s, i) => {
      const next = ranks.get(s.node.id) ?? -1;
      if (s.rank !== next) {
        contribute(i, -1);
        s.rank = next;
        contribute(i, 1);
        changed.push(i);
      }
    });
  };

  for (const slot of slots) {
    if (!slot.isRoot) slot.entry = resolveEntry(catalog, slot.node);
    rescore(slot);
  }
  if (acyclic) setRank(indexOf.get(graph.root) as number, 2, []);
  else recomputeAll([]);

  const tierIndex = (tier: Tier): number => {
    const t = tiers.indexOf(tier);
    if (t < 0) throw new SdkError('TIER_UNKNOWN', `tier ${tier} is not scored here`, { hint: `score one of ${tiers.join(', ')} or pass it in options.tiers` });
    return t;
  };
  const slotOf = (id: NodeId): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new SdkError('NODE_NOT_FOUND', `node "${id}" is not in the graph of ${graph.root}`, { hint: 'node ids look like resource:postgres' });
    return i;
  };
  const scoreAt = (t: number): number => ((sumW[t] as number) > 0 ? Math.round((sumWS[t] as number) / (sumW[t] as number)) / 100 : 100);
  const blockersAt = (t: number): NodeId[] => [...(unsupported[t] as Set<number>)].filter((i) => (slots[i] as Slot).rank === 2).map((i) => (slots[i] as Slot).node.id).sort();

  return {
    tiers,
    incremental: acyclic,
    score: (tier) => scoreAt(tierIndex(tier)),
    blockers: (tier) => blockersAt(tierIndex(tier)),
    isExcluded: (id) => (slots[slotOf(id)] as Slot).excluded,
    setExcluded(id, excluded) {
      const i = slotOf(id);
      const slot = slots[i] as Slot;
      const changed: number[] = [];
      if (slot.excluded === excluded) return [];
      slot.excluded = excluded;
      if (acyclic) setRank(i, liveRank(slot), changed);
      else recomputeAll(changed);
      return changed.map((j) => (slots[j] as Slot).node.id);
    },
    setEntry(id, entry) {
      const i = slotOf(id);
      contribute(i, -1);
      (slots[i] as Slot).entry = entry;
      rescore(slots[i] as Slot);
      contribute(i, 1);
    },
    replaceNode(id, node, entry) {
      const i = slotOf(id);
      if (!acyclic || indexOf.has(node.id)) throw new SdkError('INTERNAL', `node ${id} cannot be replaced in place by ${node.id}`, { hint: 'apply the swap to the graph and score it again' });
      contribute(i, -1);
      const slot = slots[i] as Slot;
      slot.node = node;
      slot.entry = entry;
      indexOf.delete(id);
      indexOf.set(node.id, i);
      rescore(slot);
      contribute(i, 1);
    },
    report() {
      const live = slots.filter((s) => !s.isRoot && s.rank >= 0).sort((a, b) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
      const dependencies: DependencyFitness[] = live.map((s) => ({
        id: s.node.id,
        name: s.node.name,
        entry: s.entry?.name ?? null,
        role: ROLE_BY_RANK[s.rank] as NodeRole,
        weight: (unitsByRank[s.rank] as number) / 1000,
        tiers: Object.fromEntries(tiers.map((t, ti) => [t, s.scores[ti]])),
      }));
      const unknown = live.filter((s) => s.entry === undefined).map((s) => s.node.id);
      const tierReports = tiers.map((tier, t): [Tier, TierFitness] => {
        const c = constraints[t] as TierConstraints;
        const reasons: Reason[] = live.flatMap((s) => (s.scores[t] as DependencyTierScore).reasons);
        const known = live.filter((s) => s.entry !== undefined);
        const needs = {
          ramMb: known.reduce((a, s) => a + (s.entry as CatalogEntry).ramMb, 0),
          diskMb: known.reduce((a, s) => a + (s.entry as CatalogEntry).diskMb, 0),
          gpu: known.reduce<GpuNeed>((a, s) => (GPU_RANK[(s.entry as CatalogEntry).gpu] > GPU_RANK[a] ? (s.entry as CatalogEntry).gpu : a), 'none'),
          daemons: known.filter((s) => (s.entry as CatalogEntry).daemon).length,
          internet: known.filter((s) => (s.entry as CatalogEntry).network === 'internet').map((s) => s.node.id),
        };
        const warnings: string[] = [];
        for (const s of live) {
          const ds = s.scores[t] as DependencyTierScore;
          if (s.entry === undefined) warnings.push(`${s.node.id} is unknown to the catalog; its fitness is not counted`);
          else if (!ds.supported && s.rank < 2) warnings.push(`${s.node.id} (${ROLE_BY_RANK[s.rank]}) is not supported on ${tier}`);
        }
        if (needs.ramMb > c.totalRamBudgetMb) warnings.push(`the graph needs about ${needs.ramMb} MiB of ram, over the ${c.totalRamBudgetMb} MiB budget of ${tier}`);
        if (needs.diskMb > c.totalDiskBudgetMb) warnings.push(`the graph needs about ${needs.diskMb} MiB of disk, over the ${c.totalDiskBudgetMb} MiB budget of ${tier}`);
        const sw = sumW[t] as number;
        const sub = (j: number): number => (sw > 0 ? Math.round(((sumSub[j] as number[])[t] as number) / sw) / 100 : 100);
        return [tier, {
          score: scoreAt(t),
          subscores: { portability: sub(0), resources: sub(1), licensing: sub(2), platform_support: sub(3) },
          blockers: blockersAt(t),
          warnings,
          reasons,
          needs,
          coverage: totalUnits > 0 ? knownUnits / totalUnits : 1,
        }];
      });
      return { root: graph.root, tiers: Object.fromEntries(tierReports), dependencies, unknown };
    },
  };
}

/** The catalog entry a node is scored as: its own entry, or for a scenario without one, the generic scenario entry. */
export function resolveEntry(catalog: Catalog, node: Pick<DependencyNode, 'kind' | 'name'>): CatalogEntry | undefined {
  const own = lookupEntry(catalog, node.name);
  if (own !== undefined) return own;
  return node.kind === 'scenario' ? (lookupEntry(catalog, SCENARIO_ENTRY.name) ?? SCENARIO_ENTRY) : undefined;
}
