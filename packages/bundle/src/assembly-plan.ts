import { DEFAULT_CATALOG, checkVersion, factsFromRuntime, lookupEntry, type Catalog, type CatalogEntry } from '@deployment-manager/catalog';
import { compareIds, dependenciesOf, dependencyOrder, parseNodeId, type DependencyGraph, type Diagnostic, type NodeId, type ResourceSpec, type ScenarioSpec, type Tier } from '@deployment-manager/core/pure';
import { planSwaps, type SwapSpec } from '@deployment-manager/fitness';
import type { PlannedSecret, SecretPlan } from '@deployment-manager/secrets/pure';
import { finding } from './findings.ts';
import type { ManifestSwap } from './manifest-common.ts';
import type { ManifestTarget } from './manifest.ts';
import type { JsonValue, ProfileContent } from './profile.ts';
import { scenarioServices, type ScenarioService } from './scenario-services.ts';
import type { SwapDecision } from './swap-decisions.ts';

/** How a resource of the swapped graph ships. */
export type ResourceMode = 'process' | 'library' | 'hosted' | 'unknown';

/** A resource of the swapped graph and how it ships. */
export interface PlannedResource {
  /** Resource name (also its service id when it runs as a process). */
  readonly name: string;
  /** Node id. */
  readonly node: NodeId;
  /** `process`: bundled as a supervised service; `library`: embedded in the app; `hosted`: reached over the network. */
  readonly mode: ResourceMode;
  /** Its catalog record, when known (or facts inferred from its runtime.json, see {@link inferred}). */
  readonly entry: CatalogEntry | undefined;
  /** True when the catalog has no record and {@link entry} holds what its runtime.json says (fitness still calls it unknown). */
  readonly inferred: boolean;
  /** Its runtime.json in the workspace, when there is one (startup order, timeout, recovery attempts). */
  readonly runtime?: ResourceSpec;
  /** Names of the process resources it depends on (graph edges). */
  readonly dependsOn: readonly string[];
}

/** A secret that ships, with the manifest service ids that read it. */
export interface LinkedSecret {
  /** The planned secret. */
  readonly secret: PlannedSecret;
  /** Ids of the manifest services that read it. */
  readonly services: readonly string[];
  /** Manifest services that read it under an env name of their own: service id -> env name. */
  readonly serviceEnv: Readonly<Record<string, string>>;
}

/** Everything target builders need, derived once from the inputs. */
export interface AssemblyPlan {
  /** The tier assembled for. */
  readonly tier: Tier;
  /** The manifest target of that tier. */
  readonly target: ManifestTarget;
  /** The scenario name. */
  readonly scenario: string;
  /** The scenario spec. */
  readonly spec: ScenarioSpec;
  /** The scenario's own services. */
  readonly app: readonly ScenarioService[];
  /** Resources in dependency order (dependencies first). */
  readonly resources: readonly PlannedResource[];
  /** Swaps applied, in manifest form. */
  readonly swaps: readonly ManifestSwap[];
  /** Secrets that ship (per_install_generated, user_prompt, remote_fetch), with the manifest service ids that read them. */
  readonly secrets: readonly LinkedSecret[];
  /** Profile settings. */
  readonly settings: Readonly<Record<string, JsonValue>>;
  /** The scenario's graph before swaps. */
  readonly graph: DependencyGraph;
  /** The dependency catalog the plan was made with. */
  readonly catalog: Catalog;
  /** The secret plan of the swapped graph (every class, shipped or not). */
  readonly secretPlan: SecretPlan;
  /** Findings so far. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The manifest target of a tier; `local` has none. */
export function targetOfTier(tier: Tier): ManifestTarget | undefined {
  return tier === 'desktop' ? 'desktop' : tier === 'mobile' ? 'mobile' : tier === 'saas' || tier === 'enterprise' ? 'cloud' : undefined;
}

function modeOf(entry: CatalogEntry | undefined): ResourceMode {
  if (entry === undefined) return 'unknown';
  if (entry.daemon) return 'process';
  return entry.network === 'internet' ? 'hosted' : 'library';
}

const BUNDLED_CLASSES: ReadonlySet<string> = new Set(['per_install_generated', 'user_prompt', 'remote_fetch']);

/** Options of {@link planAssembly}. */
export interface PlanAssemblyOptions {
  /** The root scenario's spec (ports, health, lifecycle). */
  readonly scenario: ScenarioSpec;
  /** The tier; default the secret plan's. */
  readonly tier?: Tier;
  /** The dependency catalog; default the built-in one. */
  readonly catalog?: Catalog;
  /** The workspace's resources (runtime.json): a resource the catalog does not know runs with the facts its runtime.json states. */
  readonly resources?: ReadonlyMap<string, ResourceSpec>;
}

/**
 * Derives what every target builder needs: the accepted swaps applied to the
 * graph (fitness `applySwaps`), each remaining resource classified (process,
 * library, hosted, unknown) from its catalog facts, the scenario's own
 * services, and the secrets that may ship linked to the services that read
 * them. Pure.
 */
export function planAssembly(
  graph: DependencyGraph,
  decisions: readonly SwapDecision[],
  secretPlan: SecretPlan,
  profile: ProfileContent,
  options: PlanAssemblyOptions,
): AssemblyPlan {
  const out: Diagnostic[] = [];
  const tier = options.tier ?? secretPlan.tier;
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const scenario = parseNodeId(graph.root).name;
  const target = targetOfTier(tier) ?? 'desktop';
  if (targetOfTier(tier) === undefined) out.push(finding('ASSEMBLY_TIER_UNSUPPORTED', [], `tier "${tier}" has no deployment manifest`, 'assemble for desktop, mobile, saas or enterprise'));
  if (!profile.tiers.includes(tier)) out.push(finding('ASSEMBLY_TIER_NOT_IN_PROFILE', ['tiers'], `tier "${tier}" is not one of the profile's tiers (${profile.tiers.join(', ')})`, 'add the tier to the profile or assemble for one of its tiers'));
  if (profile.scenario !== scenario || options.scenario.name !== scenario) {
    out.push(finding('ASSEMBLY_SCENARIO_MISMATCH', ['scenario'], `graph root "${scenario}", profile scenario "${profile.scenario}" and spec "${options.scenario.name}" differ`, 'pass the graph, profile and spec of one scenario'));
  }
  const accepted = decisions.filter((d) => d.status === 'accepted' && (d.tiers === undefined || d.tiers.includes(tier)));
  const specs: SwapSpec[] = accepted.map((d) => ({ from: d.from, to: d.to, ...(d.tiers === undefined ? {} : { tiers: d.tiers }) }));
  const swapPlan = planSwaps(graph, specs, { catalog, tier });
  const swapped = swapPlan.graph;
  // Only swaps that took effect are written: their `from` was in the graph and their replacement is still in it
  // (a replacement of a node that another swap orphaned is dropped with it).
  const present = new Set(swapped.nodes.map((n) => n.id));
  const applied = new Set(swapPlan.applied.filter((a) => present.has(a.to)).map((a) => `${a.spec.from}\u0000${a.spec.to}`));
  const swaps: ManifestSwap[] = accepted
    .filter((d) => applied.has(`${d.from}\u0000${d.to}`))
    .map((d) => ({
      original: d.from,
      replacement: d.to,
      ...(d.note === undefined ? {} : { reason: d.note }),
      ...((d.lacks ?? []).length === 0 ? {} : { limitations: `lacks ${(d.lacks ?? []).join(', ')}` }),
    }))
    .sort((a, b) => compareIds(a.original, b.original) || compareIds(a.replacement, b.replacement));

  for (const item of versionFindings(graph, swapPlan.applied, catalog)) out.push(item);
  const entries = new Map<string, CatalogEntry | undefined>();
  const inferred = new Set<string>();
  for (const n of swapped.nodes) {
    if (n.kind !== 'resource') continue;
    let entry = lookupEntry(catalog, n.name);
    const runtime = entry === undefined ? options.resources?.get(n.name) : undefined;
    if (runtime !== undefined) {
      entry = factsFromRuntime(runtime);
      inferred.add(n.name);
      out.push(finding('ASSEMBLY_FACTS_INFERRED', [], `resource "${n.name}" is not in the catalog; it ships as a service with the facts its runtime.json states (${runtime.file})`, 'give it a catalog record (--catalog FILE on the command line, createCatalog in code) to state its image, data directory, secrets and tier facts'));
    }
    entries.set(n.name, entry);
  }
  const processes = new Set([...entries].filter(([, e]) => modeOf(e) === 'process').map(([name]) => name));
  const resources: PlannedResource[] = [];
  for (const id of dependencyOrder(swapped)) {
    const { kind, name } = parseNodeId(id);
    if (id === swapped.root) continue;
    if (kind === 'scenario') {
      out.push(finding('ASSEMBLY_SCENARIO_NOT_BUNDLED', [], `scenario dependency "${name}" is not bundled into the ${target} manifest`, 'reach it as a remote service, or assemble and ship it separately'));
      continue;
    }
    const entry = entries.get(name);
    const mode = modeOf(entry);
    if (mode === 'unknown') out.push(finding('ASSEMBLY_RESOURCE_UNKNOWN', [], `resource "${name}" is neither in the catalog nor in the workspace; how it runs on ${tier} is unknown`, 'give it a catalog record (--catalog FILE on the command line, createCatalog in code) or swap it for a known dependency'));
    const dependsOn = dependenciesOf(swapped, id).map((to) => parseNodeId(to).name).filter((n) => processes.has(n)).sort(compareIds);
    const runtime = options.resources?.get(name);
    resources.push({ name, node: id, mode, entry, inferred: inferred.has(name), ...(runtime === undefined ? {} : { runtime }), dependsOn });
  }

  const app = scenarioServices(options.scenario);
  const appIds = app.filter((s) => s.role === 'api').map((s) => s.id);
  const serviceIdsOf = (node: NodeId): string[] => {
    const { kind, name } = parseNodeId(node);
    if (kind === 'resource' && processes.has(name)) return [name];
    return appIds.length > 0 ? appIds : app.map((s) => s.id);
  };
  const secrets: LinkedSecret[] = [];
  for (const s of secretPlan.secrets) {
    if (!BUNDLED_CLASSES.has(s.class)) {
      out.push(finding('ASSEMBLY_SECRET_NOT_BUNDLED', ['secrets'], `secret "${s.id}" (${s.class}) stays out of the manifest`, s.class === 'unclassified' ? 'classify it with a profile secret choice' : 'the operator provides it; a swap may remove it'));
      continue;
    }
    const readers = secretPlan.usage.filter((u) => u.secrets.includes(s.id)).map((u) => u.service);
    const services = [...new Set((readers.length > 0 ? readers : s.consumers.length > 0 ? s.consumers : [graph.root]).flatMap(serviceIdsOf))].sort(compareIds);
    const serviceEnv: Record<string, string> = {};
    for (const a of s.aliases ?? []) for (const id of serviceIdsOf(a.consumer)) if (services.includes(id)) serviceEnv[id] = a.env;
    secrets.push({ secret: s, services, serviceEnv });
  }
  for (const item of secretPlan.blockers) out.push(item);
  return { tier, target, scenario, spec: options.scenario, app, resources, swaps, secrets, settings: profile.settings, graph, catalog, secretPlan, diagnostics: out };
}

/**
 * Version ranges dependents declare (`"version": ">=15"` on an edge) checked
 * against the record that will run: the dependency itself, or the drop-in
 * that replaces it. A replacement of another kind (postgres -> sqlite) is not
 * held to the range; its losses are capabilities.
 */
function versionFindings(graph: DependencyGraph, applied: readonly { readonly from: NodeId; readonly to: NodeId }[], catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  const replaced = new Map(applied.map((a) => [a.from, a.to] as const));
  for (const e of graph.edges) {
    const range = e.attributes['version'];
    if (typeof range !== 'string') continue;
    const { kind, name } = parseNodeId(e.to);
    if (kind !== 'resource') continue;
    const declaredFor = lookupEntry(catalog, name)?.name ?? name;
    const entry = lookupEntry(catalog, parseNodeId(replaced.get(e.to) ?? e.to).name);
    if (entry === undefined) continue;
    const check = checkVersion(entry, declaredFor, range);
    if (check.status === 'unsatisfied') {
      out.push(finding('ASSEMBLY_VERSION_UNSATISFIED', [], `${e.from} needs ${name} ${range}, but ${entry.name} provides ${entry.version ?? 'an unknown version'}`, `pin a ${name} that satisfies ${range} in the catalog, or relax the range`));
    } else if (check.status === 'bad-range') {
      out.push(finding('ASSEMBLY_VERSION_RANGE_INVALID', [], `${e.from} declares version "${range}" for ${name}, which is not a version range`, 'use a semver range such as >=15 or ^16'));
    }
  }
  return out;
}
