import { SdkError, buildGraph, type DependencyGraph, type InclusionPolicy, type NodeId, type Tier, type Workspace } from '@deployment-manager/core/pure';
import type { Catalog } from '@deployment-manager/catalog';
import { allGainsSwaps, applySwaps, planSwapSet, resolveSwaps, suggestSwaps, type PlanSwapSetOptions, type SwapSpec, type SwapSuggestion } from '@deployment-manager/fitness';
import { planSecrets, type SecretOverride, type SecretPlan } from '@deployment-manager/secrets/pure';
import { assembleManifest, type AssembleResult } from './assemble.ts';
import type { ProfileContent } from './profile.ts';
import { decisionsFromSuggestions, type SwapDecision } from './swap-decisions.ts';

/** Options of {@link assembleScenario}. */
export interface AssembleScenarioOptions {
  /** The tier to assemble for. */
  readonly tier: Tier;
  /** Graph inclusion policy (default `active`: enabled or required edges). */
  readonly policy?: InclusionPolicy;
  /** A saved profile: its swaps and secret choices are applied first. */
  readonly profile?: ProfileContent;
  /** Further swaps (e.g. from `--swap from=to`). */
  readonly swaps?: readonly SwapSpec[];
  /**
   * Also take suggested swaps for the dependencies not swapped explicitly: `optimal` (or `true`) the
   * cheapest set that clears the tier's blockers (and reaches `minScore`) - fitness `planSwapSet`;
   * `all-gains` the best suggestion of every dependency that gains anything.
   */
  readonly acceptSuggested?: boolean | SwapSelection;
  /** With `optimal`: also reach this graph score; never swap `keep`, never use `forbid`; prices over the defaults. */
  readonly optimal?: Pick<PlanSwapSetOptions, 'minScore' | 'keep' | 'forbid' | 'costs'>;
  /** A graph built elsewhere (e.g. from the live analyzer) instead of the workspace's. */
  readonly graph?: DependencyGraph;
  /** The dependency catalog, e.g. extended with your own records (`createCatalog([...])`); default built-in. */
  readonly catalog?: Catalog;
}

/** How suggested swaps are chosen: the cheapest set that ships (`optimal`), or every one that gains (`all-gains`). */
export type SwapSelection = 'optimal' | 'all-gains';

/** The swap selections, the default first. */
export const SWAP_SELECTIONS: readonly SwapSelection[] = ['optimal', 'all-gains'];

/** Every intermediate of {@link assembleScenario}, for reports and further stages. */
export interface ScenarioAssembly {
  /** The scenario's graph before swaps. */
  readonly graph: DependencyGraph;
  /** Suggestions for the tier on the original graph, best first. */
  readonly suggestions: readonly SwapSuggestion[];
  /** The swaps applied (profile, explicit, then accepted suggestions). */
  readonly swaps: readonly SwapSpec[];
  /** Accept/reject decisions, as exported to swap-decisions.json. */
  readonly decisions: readonly SwapDecision[];
  /** The graph after swaps. */
  readonly swapped: DependencyGraph;
  /** The secret plan of the swapped graph. */
  readonly secretPlan: SecretPlan;
  /** The profile used (the given one, or a default derived from the inputs). */
  readonly profile: ProfileContent;
  /** The manifest, its validation and its diagnostics. */
  readonly result: AssembleResult;
}

/**
 * The planning chain from a loaded workspace to a validated manifest for one
 * tier: graph, suggestions, swaps (profile, explicit, accepted suggestions),
 * decisions, secret plan, assembly. Pure, like each of its steps.
 *
 * @example
 * ```ts
 * const { result, secretPlan } = assembleScenario(loadWorkspace('ws'), 'recipe-hub', { tier: 'desktop', acceptSuggested: true });
 * if (result.ok) writeExport(result.manifest, 'out/bundle.json');
 * ```
 */
export function assembleScenario(workspace: Workspace, scenario: string, options: AssembleScenarioOptions): ScenarioAssembly {
  const { tier } = options;
  const graph = options.graph ?? buildGraph(workspace, scenario, { policy: options.policy ?? 'active' });
  const spec = workspace.scenarios.get(scenario);
  if (spec === undefined) throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${scenario}" is not in the workspace`, { hint: 'check --root' });
  const catalog = options.catalog === undefined ? {} : { catalog: options.catalog };
  const suggestions = suggestSwaps(graph, tier, catalog);
  let swaps: SwapSpec[] = [...(options.profile?.swaps ?? []), ...(options.swaps ?? [])];
  const overrides: SecretOverride[] = Object.entries(options.profile?.secrets ?? {}).map(([id, choice]) => ({ ...(choice as Omit<SecretOverride, 'id'>), id, tiers: [tier] }));
  const planOf = (g: DependencyGraph): SecretPlan => planSecrets(g, { tier, scenario: spec, overrides: { secrets: overrides }, ...catalog });
  const selection: SwapSelection | undefined = options.acceptSuggested === true ? 'optimal' : options.acceptSuggested === false ? undefined : options.acceptSuggested;
  if (selection !== undefined) {
    const taken = new Set(resolveSwaps(graph, swaps, { tier, ...catalog }).applied.map((s) => s.from));
    let chosen: SwapSpec[];
    if (selection === 'all-gains') chosen = allGainsSwaps(suggestions);
    else {
      // What blocks shipping is fitness' blockers and the owners of the infrastructure secrets the secret plan needs.
      const secretOwners = planOf(graph)
        .secrets.filter((s) => s.class === 'infrastructure' && s.required)
        .flatMap((s) => s.sources.filter((id) => id.startsWith('resource:')));
      const plan = planSwapSet(graph, tier, { ...catalog, ...options.optimal, keep: [...(options.optimal?.keep ?? []), ...taken], extraBlockers: secretOwners });
      chosen = plan.swaps.map((s): SwapSpec => ({ from: s.from, to: s.to }));
    }
    swaps = [...swaps, ...chosen.filter((s) => !taken.has(s.from as NodeId))];
  }
  const decisions = decisionsFromSuggestions(suggestions, swaps);
  const swapped = applySwaps(graph, swaps, { tier, ...catalog });
  const secretPlan = planOf(swapped);
  const base: ProfileContent = options.profile ?? { name: scenario, scenario, tiers: [tier], swaps, secrets: {}, settings: {} };
  const profile: ProfileContent = base.tiers.includes(tier) ? base : { ...base, tiers: [...base.tiers, tier] };
  const result = assembleManifest(graph, decisions, secretPlan, profile, { scenario: spec, tier, resources: workspace.resources, ...catalog });
  return { graph, suggestions, swaps, decisions, swapped, secretPlan, profile, result };
}
