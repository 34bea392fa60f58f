import type { DependencyNode, NodeId, Tier } from '@deployment-manager/core/pure';
import { ROLE_BY_RANK, type RoleRank } from './roles.ts';
import type { TierConstraints } from './tier-constraints.ts';
import type { CatalogEntry, GpuNeed } from '@deployment-manager/catalog';
import type { DependencyFitness, DependencyTierScore, FitnessReport, NodeRole, Reason, SubScores, TierFitness } from './types.ts';

/** What the scoring state knows, for {@link assembleReport}. */
export interface ReportInput {
  /** The graph's root. */
  readonly root: NodeId;
  /** Per scored tier: its constraints and the aggregates the state keeps. */
  readonly tiers: readonly {
    readonly tier: Tier;
    readonly constraints: TierConstraints;
    readonly score: number;
    readonly subscores: SubScores;
    readonly blockers: NodeId[];
  }[];
  /** Known weight / total weight. */
  readonly coverage: number;
  /** Every counted dependency, sorted by id, with its score per tier (in `tiers` order). */
  readonly dependencies: readonly {
    readonly node: DependencyNode;
    readonly entry: CatalogEntry | undefined;
    readonly rank: RoleRank;
    readonly weight: number;
    readonly scores: readonly DependencyTierScore[];
  }[];
}

const GPU_RANK: Readonly<Record<GpuNeed, number>> = { none: 0, optional: 1, required: 2 };

/** Builds the {@link FitnessReport} of a scoring state in one pass over its dependencies. */
export function assembleReport(input: ReportInput): FitnessReport {
  const reasons: Reason[][] = input.tiers.map(() => []);
  const warnings: string[][] = input.tiers.map(() => []);
  const dependencies: DependencyFitness[] = [];
  const unknown: NodeId[] = [];
  const needs = { ramMb: 0, diskMb: 0, gpu: 'none' as GpuNeed, daemons: 0, internet: [] as NodeId[] };
  for (const d of input.dependencies) {
    const id = d.node.id;
    const perTier: Partial<Record<Tier, DependencyTierScore>> = {};
    input.tiers.forEach(({ tier }, t) => {
      const ds = d.scores[t] as DependencyTierScore;
      perTier[tier] = ds;
      for (const r of ds.reasons) (reasons[t] as Reason[]).push(r);
      if (d.entry === undefined) (warnings[t] as string[]).push(`${id} is unknown to the catalog; its fitness is not counted`);
      else if (!ds.supported && d.rank < 2) (warnings[t] as string[]).push(`${id} (${ROLE_BY_RANK[d.rank]}) is not supported on ${tier}`);
    });
    dependencies.push({ id, name: d.node.name, entry: d.entry?.name ?? null, role: ROLE_BY_RANK[d.rank] as NodeRole, weight: d.weight, tiers: perTier });
    if (d.entry === undefined) {
      unknown.push(id);
      continue;
    }
    needs.ramMb += d.entry.ramMb;
    needs.diskMb += d.entry.diskMb;
    if (GPU_RANK[d.entry.gpu] > GPU_RANK[needs.gpu]) needs.gpu = d.entry.gpu;
    if (d.entry.daemon) needs.daemons++;
    if (d.entry.network === 'internet') needs.internet.push(id);
  }
  const tiers = input.tiers.map(({ tier, constraints: c, score, subscores, blockers }, t): [Tier, TierFitness] => {
    const notes = warnings[t] as string[];
    if (needs.ramMb > c.totalRamBudgetMb) notes.push(`the graph needs about ${needs.ramMb} MiB of ram, over the ${c.totalRamBudgetMb} MiB budget of ${tier}`);
    if (needs.diskMb > c.totalDiskBudgetMb) notes.push(`the graph needs about ${needs.diskMb} MiB of disk, over the ${c.totalDiskBudgetMb} MiB budget of ${tier}`);
    return [tier, { score, subscores, blockers, warnings: notes, reasons: reasons[t] as Reason[], needs: { ...needs, internet: [...needs.internet] }, coverage: input.coverage }];
  });
  return { root: input.root, tiers: Object.fromEntries(tiers), dependencies, unknown };
}
