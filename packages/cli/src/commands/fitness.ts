import { TIERS, findDeploymentReport, parseTier, readTextFileBounded, type DependencyGraph, type ReportDependencyNode, type Tier, type Workspace } from '@deployment-manager/core';
import {
  applyEvidence,
  fitnessToJson,
  sameAggregates,
  scoreGraph,
  suggestSwaps,
  vrooliAggregates,
  vrooliFitnessToJson,
  vrooliReportAggregates,
  vrooliTreeFromGraph,
  type DependencyTierScore,
  type FitnessJson,
  type ObservedFailure,
  type SwapSuggestion,
} from '@deployment-manager/fitness';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, GRAPH_SOURCE_OPTIONS, TIER_OPTION } from '../common-options.ts';
import { userCatalog } from '../user-catalog.ts';
import { loadGraphSource } from '../graph-source.ts';
import { colour, type CliIo } from '../io.ts';
import { nodeName, roundForPeople, signedForPeople } from '../people-text.ts';
import { tableLayout } from '../table.ts';
import { writeJson } from '../json-output.ts';
import { writeLines } from '../text-output.ts';

/**
 * `deployment-manager fitness <scenario> --root <dir> [--tier t] [--model default|vrooli] [--json]`:
 * per tier, each dependency's fitness with the reasons for every deduction
 * and the best swap, or the JSON document `{scenario, model, tiers,
 * dependencies, suggestions}`. With `--model vrooli` the predecessor's
 * numbers, compared with its deployment-report.json when one exists.
 *
 * @example
 * ```sh
 * deployment-manager fitness picker-wheel --root ../Vrooli --tier desktop
 * ```
 */
export const fitnessCommand: Command = defineCommand({
  description:
    'Scores how well the scenario fits each deployment tier (0..100) from what each dependency needs (a server process, a GPU, memory, its licence, the platforms it runs on) against what the tier allows, gives the reason for every deduction and the swap that would help most. Scores are rounded for reading; --json keeps full precision.',
  positionals: [{ name: 'scenario', description: 'the scenario to score' }],
  options: {
    ...GRAPH_SOURCE_OPTIONS,
    catalog: CATALOG_OPTION,
    tier: { ...TIER_OPTION, description: 'only this tier', defaultText: 'every tier' },
    model: { type: 'string', value: '<model>', choices: ['default', 'vrooli'], default: 'default', description: "the scoring model: ours, or the predecessor's (vrooli) for comparison" },
    evidence: { type: 'string', value: '<telemetry.jsonl>', description: "a deployment's telemetry: the failures it shows (crash loop, health timeout, gpu missing...) lower the fitness of the dependency that failed, with the evidence as the reason" },
    'evidence-tier': { ...TIER_OPTION, default: 'desktop', description: 'the tier the telemetry was observed on' },
  },
  examples: ['fitness recipe-hub --root examples/end-to-end/workspace --tier desktop', 'fitness picker-wheel --root ../Vrooli --model vrooli --json'],
  run: async ({ values, json, positionals: [scenario = ''] }, io) => {
    const tiers: readonly Tier[] = values.tier === undefined ? TIERS : [parseTier(values.tier)];
    if (values.model === 'vrooli') {
      // The predecessor counted every declared dependency, enabled or not.
      const source = await loadGraphSource(scenario, { ...values, policy: 'all' });
      return vrooli(scenario, source.graph, source.workspace, values.tier === undefined ? undefined : tiers, json, io);
    }
    const { graph } = await loadGraphSource(scenario, values);
    const catalog = userCatalog(values.catalog);
    const scored = scoreGraph(graph, { tiers, ...catalog });
    const observed = values.evidence === undefined ? [] : await evidenceOf(graph, readTextFileBounded(values.evidence, 'telemetry file'), parseTier(values['evidence-tier']));
    const { report, unmatched } = applyEvidence(scored, observed);
    const suggestions = tiers.flatMap((t) => suggestSwaps(graph, t, catalog));
    const doc = fitnessToJson(scenario, report, suggestions);
    const notCharged = unmatched.map((o) => ({ dependency: o.dependency, tier: o.tier, kind: o.kind, count: o.count, evidence: o.evidence }));
    if (json) writeJson(io, values.evidence === undefined ? doc : { ...doc, evidence: { observed: observed.length, notCharged } });
    else {
      writeLines(io, fitnessLines(doc, suggestions, io.isTTY));
      writeLines(io, notChargedLines(unmatched));
    }
    return 0;
  },
});

/** A service of the bundle is the graph's resource of that name, else the scenario of that name, else the scenario itself. */
async function evidenceOf(graph: DependencyGraph, telemetry: string, tier: Tier): Promise<ObservedFailure[]> {
  // The planner (with every packager and their schemas) loads only when telemetry is given: most of a cold start otherwise.
  const { classifyTelemetry, findingsToEvidence } = await import('@deployment-manager/planner');
  const ids = new Set(graph.nodes.map((n) => n.id));
  const dependencyOf = (service: string): string => (ids.has(`resource:${service}`) ? `resource:${service}` : ids.has(`scenario:${service}`) ? `scenario:${service}` : graph.root);
  return findingsToEvidence(classifyTelemetry(telemetry), tier, { dependencyOf, fallback: graph.root });
}

/** Observed failures that lower no dependency: the scenario's own services, or tiers not scored. */
function* notChargedLines(unmatched: readonly ObservedFailure[]): Generator<string> {
  if (unmatched.length === 0) return;
  yield '';
  yield "observed, not charged to a dependency (the scenario's own services, or a tier not scored):";
  for (const o of unmatched) yield `  - ${o.kind} of ${nodeName(o.dependency)} on ${o.tier} (${o.count}x): ${o.evidence[0] ?? ''}`;
}

function vrooli(scenario: string, graph: DependencyGraph, workspace: Workspace | undefined, tiers: readonly Tier[] | undefined, json: boolean, io: CliIo): number {
  const found = workspace === undefined ? undefined : findDeploymentReport(workspace, scenario);
  // Scenarios outside the workspace: take their subtree from the report, which saw them.
  const external = (name: string): readonly ReportDependencyNode[] | undefined =>
    found?.report.dependencies.find((d) => d.kind === 'scenario' && d.name === name)?.children;
  const full = vrooliFitnessToJson(scenario, graph, { external });
  const doc: FitnessJson = tiers === undefined ? full : { ...full, tiers: Object.fromEntries(Object.entries(full.tiers).filter(([t]) => (tiers as readonly string[]).includes(t))) };
  const parity =
    found === undefined
      ? null
      : { file: found.report.file, matches: sameAggregates(vrooliAggregates(vrooliTreeFromGraph(graph, { external })), vrooliReportAggregates(found.report)) };
  if (json) {
    writeJson(io, { ...doc, parity });
    return 0;
  }
  writeLines(io, vrooliLines(scenario, doc, parity, io.isTTY));
  return 0;
}

/** Human rendering of the predecessor's numbers: per tier its fitness, then each dependency's support and first reason. */
function* vrooliLines(scenario: string, doc: FitnessJson, parity: { readonly file: string; readonly matches: boolean } | null, tty: boolean): Generator<string> {
  yield `${scenario} (model: vrooli)`;
  for (const [tier, t] of Object.entries(doc.tiers)) {
    yield '';
    yield `${colour(tty, 'bold', tier)}  fitness ${t.fitness_score === undefined ? '' : roundForPeople(t.fitness_score)} over ${t.dependency_count ?? 0} occurrences${t.blockers.length > 0 ? `  blockers: ${t.blockers.join(', ')}` : ''}`;
    const rows = doc.dependencies.map((d) => {
      const s = d.tiers[tier];
      return [nodeName(d.id), s?.supported === false ? 'unsupported' : 'supported', s?.score === null || s === undefined ? '-' : roundForPeople(s.score / 100), s?.reasons[0]?.message ?? ''];
    });
    const layout = tableLayout(['Dependency', 'Current', 'Fitness', 'Why'], rows);
    yield layout.header;
    yield layout.rule;
    for (const row of rows) yield layout.line(row);
  }
  if (parity !== null) {
    yield '';
    yield `predecessor report ${parity.file}: ${parity.matches ? 'aggregates reproduced' : 'aggregates differ (report stale or corrupt?)'}`;
  }
}

const SUBSCORE_WORDS: Readonly<Record<string, string>> = { portability: 'portability', resources: 'resources', licensing: 'licensing', platform_support: 'platform support' };

/**
 * Human rendering, line by line (a huge graph prints millions): per tier the
 * score, then each dependency with its fitness, best swap and the reasons.
 */
function* fitnessLines(doc: FitnessJson, suggestions: readonly SwapSuggestion[], tty: boolean): Generator<string> {
  yield `${doc.scenario} (model: ${doc.model})`;
  // The first suggestion per tier and dependency, looked up once per row (not a scan of every suggestion).
  const best = new Map<string, SwapSuggestion>();
  for (const x of suggestions) if (!best.has(`${x.tier}\u0000${x.from}`)) best.set(`${x.tier}\u0000${x.from}`, x);
  for (const [tier, t] of Object.entries(doc.tiers)) {
    const parts = t.subscores === null ? '' : ` (${Object.entries(t.subscores).map(([k, v]) => `${SUBSCORE_WORDS[k] ?? k} ${roundForPeople(v)}`).join(', ')})`;
    yield '';
    yield `${colour(tty, 'bold', tier)}: ${paint(tty, t.score, t.blockers.length > 0)} of 100${parts}`;
    if (t.blockers.length > 0) yield colour(tty, 'red', `blocked by ${t.blockers.map(nodeName).join(', ')}`);
    const rows = doc.dependencies.map((d) => {
      const s = d.tiers[tier] as DependencyTierScore | undefined;
      const swap = best.get(`${tier}\u0000${d.id}`);
      const fitness = s === undefined || s.score === null ? colour(tty, 'grey', 'unknown') : paint(tty, s.score, !s.supported);
      return [nodeName(d.id), fitness, swap === undefined ? '' : `${swap.to} (${signedForPeople(swap.gain)}, ${swap.effort} effort)`];
    });
    const layout = tableLayout(['Dependency', 'Fitness', 'Suggested swap'], rows);
    yield layout.header;
    yield layout.rule;
    for (const [i, d] of doc.dependencies.entries()) {
      yield layout.line(rows[i] as string[]);
      const s = d.tiers[tier] as DependencyTierScore | undefined;
      if (s === undefined || s.score === null) yield colour(tty, 'grey', '    not in the catalog: nothing is known about what it needs');
      else for (const r of s.reasons) yield `    - ${r.message}`;
    }
    for (const w of t.warnings) yield colour(tty, 'yellow', `warning: ${w}`);
  }
}

function paint(tty: boolean, score: number, blocked: boolean): string {
  const text = `${roundForPeople(score)}${blocked ? ' (blocked)' : ''}`;
  return colour(tty, blocked || score < 50 ? 'red' : score < 75 ? 'yellow' : 'green', text);
}
