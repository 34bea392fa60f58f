import { SdkError, TIERS, isAcyclic, type DependencyGraph, type DependencyNode, type NodeId, type Tier } from '@deployment-manager/core/pure';
import { DEFAULT_CATALOG, SCENARIO_ENTRY, lookupEntry, type Catalog, type CatalogEntry } from '@deployment-manager/catalog';
import { indexEdges } from './edge-index.ts';
import { assembleReport } from './assemble-report.ts';
import { ROLE_BY_RANK, computeRanks, type RoleRank } from './roles.ts';
import { scoreEntry, unknownScore } from './score-dependency.ts';
import { TIER_CONSTRAINTS, type TierConstraints } from './tier-constraints.ts';
import { coverageOf, meanScore, weightUnits, type RoleWeights } from './graph-score.ts';
import type { DependencyTierScore, FitnessReport, Reason, SubScoreName } from './types.ts';

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

/** One catalog entry scored on every tier (reasons name no dependency yet), with its integer points. */
interface EntryScores {
  readonly scores: readonly DependencyTierScore[];
  /** score*100 per tier. */
  readonly points: readonly number[];
  /** subscore*100 per tier, in {@link SUBS} order. */
  readonly subPoints: readonly (readonly number[])[];
}

interface Slot {
  node: DependencyNode;
  readonly isRoot: boolean;
  entry: CatalogEntry | undefined;
  /** The entry's scores (shared by every node scored as that entry); undefined when unknown. */
  scored: EntryScores | undefined;
  rank: RoleRank;
  excluded: boolean;
  /** Incoming live edges by the rank they carry (index 0..2). */
  readonly carried: [number, number, number];
}

/** What a {@link ScoringState.trial} restores of a slot whose state it changed. */
interface SavedSlot {
  readonly node: DependencyNode;
  readonly entry: CatalogEntry | undefined;
  readonly scored: EntryScores | undefined;
  readonly rank: RoleRank;
  readonly excluded: boolean;
  readonly carried: readonly [number, number, number];
}

/** The undo log of a {@link ScoringState.trial}. */
interface Journal {
  /** Slots that existed when the trial began; later ones are dropped. */
  readonly base: number;
  /** Slots changed, as they were. */
  readonly saved: Map<number, SavedSlot>;
  /** Edges the index held when the trial began. */
  readonly edges: number;
  /** Whether the trial added edges (ranks may no longer be lowered: an added edge may close a cycle). */
  grown: boolean;
  /** Swapped-out slots whose incoming edges now count for another slot ({@link ScoringState.moveDependents}). */
  readonly redirect: Map<number, number>;
}

/**
 * An incremental scorer: per-node per-tier scores are computed once; each
 * tier keeps exact integer running sums, so a what-if change touches only the
 * nodes whose role or entry changed. Internal engine of {@link scoreGraph},
 * {@link createWhatIf} and {@link suggestSwaps}.
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
  /**
   * A node's current share of a tier's score, in the state's exact units:
   * its weight (role weight x1000) and its score (x100); `undefined` when it
   * does not count (the root, unknown, unreached or excluded nodes).
   */
  share(id: NodeId, tier: Tier): { readonly units: number; readonly points: number } | undefined;
  /** The sums a tier's score is their quotient of: weight units and weight x points of every counted node. */
  totals(tier: Tier): { readonly units: number; readonly weighted: number };
  /** Whether a node is currently a blocker of a tier (unsupported and required), O(1). */
  isBlocker(id: NodeId, tier: Tier): boolean;
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
  /** A node's current rank as {@link computeRanks} defines it (the root 2; -1 when unreached or excluded). */
  rank(id: NodeId): RoleRank;
  /** Whether the graph has the node (or it was added with {@link ScoringState.addNode}). */
  has(id: NodeId): boolean;
  /** Inside a {@link ScoringState.trial}: adds a node the graph does not have, scored as `entry`; it counts once an edge reaches it. */
  addNode(node: DependencyNode, entry: CatalogEntry | undefined): void;
  /** Inside a {@link ScoringState.trial}: adds an edge `from -> to` carrying `rank` and re-ranks what it reaches. */
  addEdge(from: NodeId, to: NodeId, rank: RoleRank): void;
  /**
   * Inside a {@link ScoringState.trial}: swaps `from` out for `to` the way
   * `planSwaps` does to the graph: `from` drops out (with what only it
   * reached) and each of its dependents depends on `to` instead, through an
   * edge of the same rank, for the rest of the trial. `to` must be in the
   * state (add it first). To swap several nodes at once, as `planSwaps` does,
   * exclude every `from` first ({@link ScoringState.setExcluded}), then move.
   */
  moveDependents(from: NodeId, to: NodeId): void;
  /**
   * Runs `edit`, returns its result, and undoes every change it made, so the
   * cost of trying a change is the size of what it touched, not of the graph.
   * Only on an incremental state. Added edges may close a cycle, where ranks
   * can only be raised soundly: drop nodes (setExcluded, moveDependents)
   * before adding edges.
   */
  trial<T>(edit: () => T): T;
  /** The full report, O(nodes). */
  report(): FitnessReport;
}

/** Creates a {@link ScoringState} for a graph. */
export function createScoringState(graph: DependencyGraph, options: ScoreOptions = {}): ScoringState {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const tiers = options.tiers ?? TIERS;
  const constraints = tiers.map((t) => options.constraints?.[t] ?? TIER_CONSTRAINTS[t]);
  const unitsByRank = weightUnits(options.weights);
  const acyclic = isAcyclic(graph);
  const T = tiers.length;

  // Many nodes share an entry (every scenario, every use of postgres...): score each entry once.
  const byEntry = new Map<CatalogEntry, EntryScores>();
  const scoresOf = (entry: CatalogEntry | undefined): EntryScores | undefined => {
    if (entry === undefined) return undefined;
    let e = byEntry.get(entry);
    if (e === undefined) {
      const scores = constraints.map((c) => scoreEntry(entry, c, ''));
      const points = scores.map((s) => Math.round((s.score ?? 0) * 100));
      const subPoints = scores.map((s) => SUBS.map((k) => Math.round(s.subscores[k] * 100)));
      byEntry.set(entry, (e = { scores, points, subPoints }));
    }
    return e;
  };
  /**
   * A node's score on tier `t`, as {@link scoreEntry} or {@link unknownScore}
   * give it. A report holds one per node and tier (500k at 100k deps), so the
   * copies are object literals, not spreads (twice as fast in V8); `satisfies`
   * makes a new field in the types a compile error here rather than a silent omission.
   */
  const tierScore = (slot: Slot, t: number): DependencyTierScore => {
    const dependency = slot.node.id;
    if (slot.scored === undefined) return unknownScore(dependency, slot.node.name);
    const { verdict, score, supported, subscores, reasons } = slot.scored.scores[t] as DependencyTierScore;
    return {
      verdict, score, supported, subscores,
      reasons: reasons.map(({ fact, subscore, delta, blocker, message }) => ({ dependency, fact, subscore, delta, blocker, message }) satisfies Required<Reason>),
    } satisfies Required<Omit<DependencyTierScore, 'hint'>>;
  };

  const indexOf = new Map<NodeId, number>();
  const slots: Slot[] = [];
  const addSlot = (node: DependencyNode, entry: CatalogEntry | undefined): number => {
    indexOf.set(node.id, slots.length);
    slots.push({ node, isRoot: node.id === graph.root, entry, scored: scoresOf(entry), rank: -1, excluded: false, carried: [0, 0, 0] });
    return slots.length - 1;
  };
  for (const node of graph.nodes) addSlot(node, node.id === graph.root ? undefined : resolveEntry(catalog, node));
  const edges = indexEdges(graph);

  // Running sums per tier, in integer units (weight*1000, score*100) so updates are exact.
  const sumW = new Array<number>(T).fill(0);
  const sumWS = new Array<number>(T).fill(0);
  const sumSub = SUBS.map(() => new Array<number>(T).fill(0));
  const unsupported = Array.from({ length: T }, () => new Set<number>());
  let totalUnits = 0;
  let knownUnits = 0;

  let journal: Journal | undefined;
  /** A slot about to change: inside a trial, saved first. */
  const touch = (i: number): Slot => {
    const slot = slots[i] as Slot;
    if (journal !== undefined && i < journal.base && !journal.saved.has(i)) {
      journal.saved.set(i, { node: slot.node, entry: slot.entry, scored: slot.scored, rank: slot.rank, excluded: slot.excluded, carried: [...slot.carried] });
    }
    return slot;
  };

  const contribute = (i: number, sign: 1 | -1): void => {
    const slot = slots[i] as Slot;
    if (slot.isRoot || slot.rank < 0) return;
    const units = sign * (unitsByRank[slot.rank] as number);
    totalUnits += units;
    const scored = slot.scored;
    if (scored === undefined) return;
    knownUnits += units;
    for (let t = 0; t < T; t++) {
      sumW[t] = (sumW[t] as number) + units;
      sumWS[t] = (sumWS[t] as number) + units * (scored.points[t] as number);
      const sub = scored.subPoints[t] as readonly number[];
      for (let j = 0; j < SUBS.length; j++) (sumSub[j] as number[])[t] = ((sumSub[j] as number[])[t] as number) + units * (sub[j] as number);
      if (!(scored.scores[t] as DependencyTierScore).supported) {
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
  /** Where an edge into slot `to` counts: a swapped-out slot's edges count for its replacement. */
  const target = (to: number): number => (journal === undefined || journal.redirect.size === 0 ? to : (journal.redirect.get(to) ?? to));
  /** Moves one edge's contribution to its target from what a source of rank `prev` carried to what one of rank `next` carries. */
  const carry = (to: number, rank: RoleRank, prev: RoleRank, next: RoleRank): void => {
    const carried = touch(to).carried as number[];
    if (prev >= 0) carried[Math.min(prev, rank)] = (carried[Math.min(prev, rank)] as number) - 1;
    if (next >= 0) carried[Math.min(next, rank)] = (carried[Math.min(next, rank)] as number) + 1;
  };
  /**
   * Re-ranks slot `start` from its incoming edges and propagates every change
   * down its edges (a work list, not recursion: graphs can be deep). Sound on
   * an acyclic graph; when ranks only rise it is sound on any graph.
   */
  const rerank = (start: number, changed: number[]): void => {
    const todo = [start];
    while (todo.length > 0) {
      const i = todo.pop() as number;
      const slot = slots[i] as Slot;
      const next = liveRank(slot);
      if (slot.rank === next) continue;
      const prev = slot.rank;
      contribute(i, -1);
      touch(i).rank = next;
      contribute(i, 1);
      changed.push(i);
      edges.forEachOut(i, (to, rank) => {
        const j = target(to);
        carry(j, rank, prev, next);
        todo.push(j);
      });
    }
  };
  const recomputeAll = (changed: number[]): void => {
    const excluded = new Set(slots.filter((s) => s.excluded).map((s) => s.node.id));
    const ranks = computeRanks(graph, excluded);
    slots.forEach((s, i) => {
      const next = ranks.get(s.node.id) ?? -1;
      if (s.rank !== next) {
        contribute(i, -1);
        touch(i).rank = next;
        contribute(i, 1);
        changed.push(i);
      }
    });
  };
  const link = (from: number, to: number, rank: RoleRank): void => {
    edges.add(from, to, rank);
    if (journal !== undefined) journal.grown = true;
    carry(target(to), rank, -1, (slots[from] as Slot).rank);
  };

  // Initial ranks, as computeRanks defines them (ranks only rise, so a node is queued at most three times);
  // then what each edge carries, and the sums.
  const root = indexOf.get(graph.root) as number;
  (slots[root] as Slot).rank = 2;
  const todo = [root];
  while (todo.length > 0) {
    const u = todo.pop() as number;
    const ru = (slots[u] as Slot).rank;
    edges.forEachOut(u, (v, r) => {
      const slot = slots[v] as Slot;
      if (Math.min(ru, r) > slot.rank) {
        slot.rank = Math.min(ru, r) as RoleRank;
        todo.push(v);
      }
    });
  }
  slots.forEach((slot, u) => {
    if (slot.rank >= 0) edges.forEachOut(u, (v, r) => carry(v, r, -1, slot.rank));
    contribute(u, 1);
  });

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
  const inTrial = (what: string): void => {
    if (journal === undefined) throw new SdkError('INTERNAL', `${what} is only possible inside a trial`, { hint: 'wrap the change in state.trial(() => ...)' });
  };
  // Lowering ranks by counts is only sound on an acyclic graph, and an added edge may have closed a cycle.
  const mayLower = (what: string): void => {
    if (journal?.grown === true) throw new SdkError('INTERNAL', `${what} after adding edges is not supported in a trial`, { hint: 'drop nodes before adding edges' });
  };
  const scoreAt = (t: number): number => meanScore(sumW[t] as number, sumWS[t] as number);
  // Slots follow the graph's nodes, which are sorted by id: in slot order the ids come (almost always) sorted already.
  const blockersAt = (t: number): NodeId[] =>
    [...(unsupported[t] as Set<number>)].filter((i) => (slots[i] as Slot).rank === 2).sort((a, b) => a - b).map((i) => (slots[i] as Slot).node.id).sort();
  const rescore = (i: number, entry: CatalogEntry | undefined): void => {
    contribute(i, -1);
    const slot = touch(i);
    slot.entry = entry;
    slot.scored = scoresOf(entry);
    contribute(i, 1);
  };

  return {
    tiers,
    incremental: acyclic,
    score: (tier) => scoreAt(tierIndex(tier)),
    blockers: (tier) => blockersAt(tierIndex(tier)),
    share(id, tier) {
      const t = tierIndex(tier);
      const slot = slots[slotOf(id)] as Slot;
      if (slot.isRoot || slot.rank < 0 || slot.scored === undefined) return undefined;
      return { units: unitsByRank[slot.rank] as number, points: slot.scored.points[t] as number };
    },
    totals(tier) {
      const t = tierIndex(tier);
      return { units: sumW[t] as number, weighted: sumWS[t] as number };
    },
    isBlocker(id, tier) {
      const i = slotOf(id);
      return (unsupported[tierIndex(tier)] as Set<number>).has(i) && (slots[i] as Slot).rank === 2;
    },
    isExcluded: (id) => (slots[slotOf(id)] as Slot).excluded,
    has: (id) => indexOf.has(id),
    rank: (id) => (slots[slotOf(id)] as Slot).rank,
    setExcluded(id, excluded) {
      const i = slotOf(id);
      const changed: number[] = [];
      if ((slots[i] as Slot).excluded === excluded) return [];
      if (excluded) mayLower(`excluding ${id}`);
      else if (journal?.redirect.has(i) === true) throw new SdkError('INTERNAL', `${id} was swapped out in this trial and cannot be restored in it`, { hint: 'start another trial' });
      touch(i).excluded = excluded;
      if (acyclic) rerank(i, changed);
      else recomputeAll(changed);
      return changed.map((j) => (slots[j] as Slot).node.id);
    },
    setEntry(id, entry) {
      rescore(slotOf(id), entry);
    },
    replaceNode(id, node, entry) {
      const i = slotOf(id);
      if (!acyclic || indexOf.has(node.id)) throw new SdkError('INTERNAL', `node ${id} cannot be replaced in place by ${node.id}`, { hint: 'apply the swap to the graph and score it again' });
      touch(i).node = node;
      indexOf.delete(id);
      indexOf.set(node.id, i);
      rescore(i, entry);
    },
    addNode(node, entry) {
      inTrial(`adding node ${node.id}`);
      if (indexOf.has(node.id)) throw new SdkError('INTERNAL', `node ${node.id} is already in the graph`, { hint: 'add only new nodes' });
      addSlot(node, entry);
    },
    addEdge(from, to, rank) {
      inTrial(`adding edge ${from} -> ${to}`);
      const j = slotOf(to);
      link(slotOf(from), j, rank);
      rerank(target(j), []);
    },
    moveDependents(from, to) {
      inTrial(`moving the dependents of ${from}`);
      const i = slotOf(from);
      const j = slotOf(to);
      const undo = journal as Journal;
      if (i === j || undo.redirect.has(i) || undo.redirect.has(j)) {
        throw new SdkError('INTERNAL', `the dependents of ${from} cannot move to ${to}`, { hint: 'swap each node once, never into a swapped-out node' });
      }
      // Drop `from` first, while the graph is still acyclic (unless it already is: a set of swaps
      // excludes every source before moving any). Its counts (kept while it is excluded) are what
      // its dependents' edges carry; moved onto `to`, they are what those edges carry there, and
      // the redirect makes every later change of a dependent count there too, so no edge object
      // is needed. Ranks only rise from here on (see mayLower).
      if (!(slots[i] as Slot).excluded) {
        mayLower(`moving the dependents of ${from}`);
        touch(i).excluded = true;
        rerank(i, []);
      }
      const moved = touch(i).carried;
      const carried = touch(j).carried;
      for (let k = 0; k < 3; k++) {
        carried[k] = (carried[k] as number) + (moved[k] as number);
        moved[k] = 0;
      }
      undo.redirect.set(i, j);
      undo.grown = true;
      rerank(j, []);
    },
    trial(edit) {
      if (!acyclic) throw new SdkError('INTERNAL', 'trials need an incremental (acyclic) scoring state', { hint: 'apply the change to the graph and score it again' });
      if (journal !== undefined) throw new SdkError('INTERNAL', 'scoring trials do not nest', { hint: 'finish one trial before starting another' });
      const undo: Journal = { base: slots.length, saved: new Map(), edges: edges.added(), grown: false, redirect: new Map() };
      journal = undo;
      try {
        return edit();
      } finally {
        journal = undefined;
        edges.truncate(undo.edges);
        for (let i = slots.length - 1; i >= undo.base; i--) {
          contribute(i, -1);
          indexOf.delete((slots[i] as Slot).node.id);
        }
        slots.length = undo.base;
        for (const [i, was] of undo.saved) {
          const slot = slots[i] as Slot;
          contribute(i, -1);
          if (slot.node !== was.node) {
            indexOf.delete(slot.node.id);
            indexOf.set(was.node.id, i);
            slot.node = was.node;
          }
          slot.entry = was.entry;
          slot.scored = was.scored;
          slot.rank = was.rank;
          slot.excluded = was.excluded;
          [slot.carried[0], slot.carried[1], slot.carried[2]] = was.carried;
          contribute(i, 1);
        }
      }
    },
    report() {
      const live = slots.filter((s) => !s.isRoot && s.rank >= 0).sort((a, b) => (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
      return assembleReport({
        root: graph.root,
        tiers: tiers.map((tier, t) => {
          const sub = (j: number): number => meanScore(sumW[t] as number, (sumSub[j] as number[])[t] as number);
          return {
            tier,
            constraints: constraints[t] as TierConstraints,
            score: scoreAt(t),
            subscores: { portability: sub(0), resources: sub(1), licensing: sub(2), platform_support: sub(3) },
            blockers: blockersAt(t),
          };
        }),
        coverage: coverageOf(knownUnits, totalUnits),
        dependencies: live.map((s) => ({ node: s.node, entry: s.entry, rank: s.rank, weight: (unitsByRank[s.rank] as number) / 1000, scores: tiers.map((_, t) => tierScore(s, t)) })),
      });
    },
  };
}

/** The catalog entry a node is scored as: its own entry, or for a scenario without one, the generic scenario entry. */
export function resolveEntry(catalog: Catalog, node: Pick<DependencyNode, 'kind' | 'name'>): CatalogEntry | undefined {
  const own = lookupEntry(catalog, node.name);
  if (own !== undefined) return own;
  return node.kind === 'scenario' ? (lookupEntry(catalog, SCENARIO_ENTRY.name) ?? SCENARIO_ENTRY) : undefined;
}
