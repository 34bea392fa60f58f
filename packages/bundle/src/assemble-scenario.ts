import { SdkError, buildGraph, type DependencyGraph, type InclusionPolicy, type Tier, type Workspace } from '@deployment-manager/core/pure';
import type { Catalog } from '@deployment-manager/catalog';
import { applySwaps, resolveSwaps, suggestSwaps, type SwapSpec, type SwapSuggestion } from '@deployment-manager/fitness';
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
  /** Also accept the best suggested swap of every dependency not swapped explicitly. */
  readonly acceptSuggested?: boolean;
  /** A graph built elsewhere (e.g. from the live analyzer) instead of the workspace's. */
  readonly graph?: DependencyGraph;
  /** The dependency catalog, e.g. extended with your own records (`createCatalog([...])`); default built-in. */
  readonly catalog?: Catalog;
}

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
  if (options.acceptSuggested === true) {
    const taken = new Set(resolveSwaps(graph, swaps, { tier, ...catalog }).applied.map((s) => s.from));
    for (const s of suggestions) {
      if (taken.has(s.from)) continue;
      taken.add(s.from);
      swaps = [...swaps, { from: s.from, to: s.to }];
    }
  }
  const decisions = decisionsFromSuggestions(suggestions, swaps);
  const swapped = applySwaps(graph, swaps, { tier, ...catalog });
  const overrides: SecretOverride[] = Object.entries(options.profile?.secrets ?? {}).map(([id, choice]) => ({ ...(choice as Omit<SecretOverride, 'id'>), id, tiers: [tier] }));
  const secretPlan = planSecrets(swapped, { tier, scenario: spec, overrides: { secrets: overrides }, ...catalog });
  const base: ProfileContent = options.profile ?? { name: scenario, scenario, tiers: [tier], swaps, secrets: {}, settings: {} };
  const profile: ProfileContent = base.tiers.includes(tier) ? base : { ...base, tiers: [...base.tiers, tier] };
  const result = assembleManifest(graph, decisions, secretPlan, profile, { scenario: spec, tier, resources: workspace.resources, ...catalog });
  return { graph, suggestions, swaps, decisions, swapped, secretPlan, profile, result };
}
