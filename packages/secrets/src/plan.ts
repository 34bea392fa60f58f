import { compareIds, jsonPointer, parseNodeId, type DeclaredClassification, type DeclaredSecret, type DependencyEdge, type DependencyGraph, type Diagnostic, type NodeId, type ScenarioSpec, type Tier } from '@deployment-manager/core/pure';
import { DEFAULT_CATALOG, secretIdOf, type Catalog } from '@deployment-manager/catalog';
import { dependencySecrets, findAppSecret, matchEnvPattern, swapHintsFor } from './policy.ts';
import { DEFAULT_SECRET_POLICY } from './policy/index.ts';
import type { ClassificationOverrides, SecretPolicy } from './policy-types.ts';
import { checkPlan, sortDiagnostics } from './check-plan.ts';
import { classifySecret, findOverride, type Classification } from './classify.ts';
import type { GeneratorSpec, Hosting, PlannedSecret, PromptSpec, SecretClass, SecretKind, SecretOrigin, SecretPlan, SecretUsage, SuggestedSecret, SwapHint } from './types.ts';
import { secretDiagnostic } from './diagnostic-codes.ts';

/** Options of {@link planSecrets}. */
export interface PlanSecretsOptions {
  /** The tier to plan for. */
  readonly tier: Tier;
  /** The root scenario's spec (declared secrets and env names). */
  readonly scenario?: ScenarioSpec;
  /** Specs of other scenario nodes in the graph, when known. */
  readonly scenarios?: readonly ScenarioSpec[];
  /** User overrides (rules and per-secret pins). */
  readonly overrides?: ClassificationOverrides;
  /** The dependency catalog whose records state each dependency's secrets; default the built-in one. */
  readonly catalog?: Catalog;
  /** The secret policy (rules, generators, name heuristics); default {@link DEFAULT_SECRET_POLICY}. */
  readonly policy?: SecretPolicy;
}

interface Candidate {
  readonly id: string;
  readonly env: string;
  readonly kind: SecretKind;
  readonly hosting: Hosting;
  readonly origin: SecretOrigin;
  readonly dependency?: string;
  readonly description: string;
  readonly generator?: GeneratorSpec;
  readonly prompt?: PromptSpec;
  readonly sources: Set<NodeId>;
  readonly consumers: Set<NodeId>;
  readonly aliases: Map<NodeId, string>;
  /** The class the scenario declares for this tier, if it does. */
  declared?: SecretClass;
  required: boolean;
  removedBy: SwapHint[];
}

/** The secret class of each classification the Vrooli service schema allows. */
const DECLARED_CLASSES: Readonly<Record<DeclaredClassification, SecretClass>> = { infrastructure: 'infrastructure', service: 'per_install_generated', user: 'user_prompt' };

const sorted = <T extends string>(set: Iterable<T>): T[] => [...set].sort(compareIds);
const humanize = (text: string): string => text.replace(/[_.]+/g, ' ').toLowerCase();

/** Nodes reachable from the root through required edges only. */
function requiredNodes(graph: DependencyGraph): Set<NodeId> {
  // Edges are sorted by dependent, so each node's edges are one run starting at firstEdge.
  const firstEdge = new Map<NodeId, number>();
  graph.edges.forEach((e, i) => {
    if (i === 0 || graph.edges[i - 1]?.from !== e.from) firstEdge.set(e.from, i);
  });
  const out = new Set<NodeId>([graph.root]);
  const todo: NodeId[] = [graph.root];
  while (todo.length > 0) {
    const id = todo.pop() as NodeId;
    for (let i = firstEdge.get(id) ?? graph.edges.length; i < graph.edges.length && (graph.edges[i] as DependencyEdge).from === id; i++) {
      const e = graph.edges[i] as DependencyEdge;
      if (e.required && !out.has(e.to)) {
        out.add(e.to);
        todo.push(e.to);
      }
    }
  }
  return out;
}

/** Appends `value` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Plans the secrets of a dependency graph for one tier: collects what each
 * dependency needs (catalog data), what each scenario declares, and what its env
 * names suggest; classifies each by rules (overrides first); and reports what
 * blocks a bundle. Pure: same input, same plan. Unknown secrets fail closed.
 * Pass a graph that already has swaps applied: a swapped-out dependency's secrets
 * are simply gone.
 *
 * @example
 * ```ts
 * const plan = planSecrets(graph, { tier: 'desktop', scenario: workspace.scenarios.get('picker-wheel') });
 * plan.blockers.map((d) => d.code); // ['SECRET_INFRASTRUCTURE_REQUIRED', ...] while postgres is in the graph
 * ```
 */
export function planSecrets(graph: DependencyGraph, options: PlanSecretsOptions): SecretPlan {
  const { tier, overrides } = options;
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const policy = options.policy ?? DEFAULT_SECRET_POLICY;
  const rules = [...(overrides?.rules ?? []), ...policy.rules];
  const scenarioName = parseNodeId(graph.root).name;
  const required = requiredNodes(graph);
  const notes: Diagnostic[] = [];
  const candidates = new Map<string, Candidate>();
  const byEnv = new Map<string, Candidate>();
  // Dependents of the dependencies whose secrets the catalog knows (they read those secrets).
  const secretOwners = new Set(graph.nodes.filter((n) => n.kind === 'resource' && dependencySecrets(catalog, n.name) !== undefined).map((n) => n.id));
  const dependents = new Map<NodeId, NodeId[]>();
  for (const e of graph.edges) if (secretOwners.has(e.to)) push(dependents, e.to, e.from);

  const add = (c: Candidate): void => {
    const prior = candidates.get(c.id);
    if (prior === undefined) {
      candidates.set(c.id, c);
      byEnv.set(c.env, c);
      return;
    }
    // A shared secret (one id, several owners): merge owners, readers and requiredness.
    for (const s of c.sources) prior.sources.add(s);
    for (const s of c.consumers) prior.consumers.add(s);
    for (const [k, v] of c.aliases) prior.aliases.set(k, v);
    prior.required ||= c.required;
    prior.removedBy = [...prior.removedBy, ...c.removedBy.filter((h) => !prior.removedBy.some((p) => p.from === h.from && p.to === h.to))];
  };

  // 1. Secrets of dependencies, from the catalog.
  for (const node of graph.nodes) {
    if (node.kind !== 'resource') continue;
    const entry = dependencySecrets(catalog, node.name);
    if (entry === undefined) {
      notes.push(secretDiagnostic('SECRET_REQUIREMENTS_UNKNOWN', `the secrets of "${node.name}" are unknown, so none are planned for it`, { path: jsonPointer(['nodes', node.id]), hint: 'state them in its catalog record (secrets: [] if it needs none) or declare them in the scenario' }));
      continue;
    }
    const readers = dependents.get(node.id) ?? [];
    for (const req of entry.secrets) {
      // A hosted api is not a service of ours: only its dependents read its secrets.
      const readBy = entry.hosting === 'hosted-api' ? 'dependents' : (req.readBy ?? 'both');
      const self = readBy === 'dependents' ? [] : [node.id];
      add({
        id: secretIdOf(entry, req),
        env: req.env,
        kind: req.kind,
        hosting: entry.hosting,
        origin: 'catalog',
        dependency: entry.name,
        description: req.description,
        ...(req.generator === undefined ? {} : { generator: req.generator }),
        prompt: req.prompt ?? { label: `${entry.name} ${humanize(req.key)}`, description: req.description },
        sources: new Set([node.id]),
        consumers: new Set([...self, ...(readBy === 'service' ? [] : readers)]),
        aliases: new Map(req.serviceEnv === undefined || self.length === 0 ? [] : [[node.id, req.serviceEnv]]),
        required: req.required !== false && required.has(node.id),
        removedBy: swapHintsFor(entry, tier),
      });
    }
  }

  // 2. Secrets scenarios declare, and 3. env names that look like secrets.
  const specs = new Map<string, ScenarioSpec>();
  for (const s of options.scenarios ?? []) specs.set(s.name, s);
  if (options.scenario !== undefined) specs.set(options.scenario.name, options.scenario);
  const suggestions: SuggestedSecret[] = [];
  const envOwners = new Map<string, string>();
  for (const d of catalog.entries.values()) for (const r of d.secrets ?? []) if (!envOwners.has(r.env)) envOwners.set(r.env, d.name);
  const catalogEnvOwner = (env: string): string | undefined => envOwners.get(env);
  for (const node of graph.nodes) {
    if (node.kind !== 'scenario') continue;
    const spec = specs.get(node.name);
    if (spec === undefined) {
      notes.push(secretDiagnostic('SECRET_SCENARIO_UNREAD', `scenario "${node.name}" was not given, so its declared secrets are not planned`, { path: jsonPointer(['nodes', node.id]), hint: 'pass its ScenarioSpec in the scenario or scenarios option' }));
      continue;
    }
    const isRequired = required.has(node.id);
    for (const d of spec.secrets) addDeclared(node.id, node.name, d, isRequired);
    const declared = new Set(spec.secrets.map((d) => d.name));
    for (const env of sorted(new Set(spec.envNames))) {
      if (declared.has(env) || byEnv.has(env) || catalogEnvOwner(env) !== undefined) continue;
      const app = findAppSecret(policy, env);
      const pattern = matchEnvPattern(policy.envPatterns, env);
      if (app === undefined && pattern === undefined) continue;
      const id = `${node.name}.${env}`;
      const kind = app?.kind ?? (pattern?.kind as SecretKind);
      if (findOverride(overrides, id, scenarioName, tier) !== undefined) {
        add({ id, env, kind, hosting: 'application', origin: 'suggested', description: app?.description ?? `${humanize(env)} (found in ${spec.file})`, sources: new Set([node.id]), consumers: new Set([node.id]), aliases: new Map(), required: isRequired, removedBy: [] });
        continue;
      }
      suggestions.push({ id, env, source: node.id, pattern: app?.name ?? (pattern?.pattern as string), kind });
      notes.push(secretDiagnostic('SECRET_SUGGESTED', `env var "${env}" of scenario "${node.name}" looks like a secret but is not declared, so it is not planned`, { path: jsonPointer(['nodes', node.id, 'env', env]), file: spec.file, hint: `declare it in the scenario's secrets, or accept it with an override { "id": "${id}", "class": ... }` }));
    }
  }

  function addDeclared(nodeIdOf: NodeId, name: string, d: DeclaredSecret, isRequired: boolean): void {
    const declaredClass = d.classification?.[tier] === undefined ? undefined : DECLARED_CLASSES[d.classification[tier]];
    const known = byEnv.get(d.name);
    if (known !== undefined) {
      known.sources.add(nodeIdOf);
      known.consumers.add(nodeIdOf);
      known.required ||= d.required && isRequired;
      if (known.declared === undefined && declaredClass !== undefined) known.declared = declaredClass;
      return;
    }
    const owner = catalogEnvOwner(d.name);
    if (owner !== undefined) {
      notes.push(secretDiagnostic('SECRET_DEPENDENCY_ABSENT', `declared secret "${d.name}" belongs to "${owner}", which is not in this graph, so it is not planned`, { path: d.source.path, file: d.source.file, hint: `if "${owner}" was swapped out this is expected; otherwise add the dependency` }));
      return;
    }
    const app = findAppSecret(policy, d.name);
    add({
      id: `${name}.${d.name}`,
      env: d.name,
      kind: app?.kind ?? 'unknown',
      hosting: 'application',
      origin: 'declared',
      description: d.description ?? app?.description ?? `${humanize(d.name)} declared by ${name}`,
      sources: new Set([nodeIdOf]),
      consumers: new Set([nodeIdOf]),
      aliases: new Map(),
      ...(declaredClass === undefined ? {} : { declared: declaredClass }),
      required: d.required && isRequired,
      removedBy: [],
    });
  }

  // 4. Classify and shape each secret.
  const secrets = sorted(candidates.keys()).map((id) => shape(candidates.get(id) as Candidate));
  function shape(c: Candidate): PlannedSecret {
    const o = findOverride(overrides, c.id, scenarioName, tier);
    const decided: Classification =
      o?.class !== undefined
        ? { class: o.class, rule: `override:${c.id}`, reason: `pinned to ${o.class} by an override` }
        : c.declared !== undefined
          ? { class: c.declared, rule: `declared:${tier}`, reason: `the scenario declares it ${c.declared} on ${tier}` }
          : classifySecret({ id: c.id, tier, kind: c.kind, hosting: c.hosting, scenario: scenarioName, origin: c.origin, ...(c.dependency === undefined ? {} : { dependency: c.dependency }) }, rules);
    const generator = o?.generator ?? c.generator ?? policy.generators[c.kind];
    const prompt = o?.prompt ?? c.prompt ?? { label: humanize(c.env), description: c.description };
    const bundled = decided.class !== 'infrastructure' && decided.class !== 'unclassified';
    return {
      id: c.id,
      class: decided.class,
      kind: c.kind,
      hosting: c.hosting,
      origin: c.origin,
      suggested: c.origin === 'suggested',
      sources: sorted(c.sources),
      consumers: sorted(c.consumers),
      description: o?.description ?? c.description,
      required: o?.required ?? c.required,
      ...(decided.class === 'per_install_generated' && generator !== undefined ? { generator } : {}),
      ...(decided.class === 'user_prompt' ? { prompt } : {}),
      ...(decided.class === 'remote_fetch' ? { remote: o?.remote ?? { key: `${scenarioName}/${c.id}` } } : {}),
      targets: bundled ? (o?.targets ?? [{ type: 'env', name: c.env }]) : [],
      ...(bundled && o?.targets === undefined && c.aliases.size > 0 ? { aliases: sorted(c.aliases.keys()).map((consumer) => ({ consumer, env: c.aliases.get(consumer) as string })) } : {}),
      rule: decided.rule,
      reason: decided.reason,
      removedBy: [...c.removedBy].sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to)),
    };
  }

  const readers = new Map<NodeId, string[]>();
  for (const s of secrets) for (const c of s.consumers) push(readers, c, s.id);
  // Every consumer is a node of the graph, whose nodes are sorted by id: list the services in that order.
  const usage: SecretUsage[] = graph.nodes.filter((n) => readers.has(n.id)).map((n) => ({ service: n.id, secrets: (readers.get(n.id) as string[]).sort(compareIds) }));
  const findings = checkPlan({ tier, secrets, usage });
  return {
    tier,
    root: graph.root,
    secrets,
    usage,
    suggestions: suggestions.sort((a, b) => compareIds(a.id, b.id)),
    blockers: [...findings.errors],
    warnings: sortDiagnostics([...notes, ...findings.warnings]),
  };
}
