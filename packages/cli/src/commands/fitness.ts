import { parseArgs } from 'node:util';
import { SdkError, TIERS, findDeploymentReport, parseTier, type DependencyGraph, type ReportDependencyNode, type Tier, type Workspace } from '@deployment-manager/core';
import {
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
  type SwapSuggestion,
} from '@deployment-manager/fitness';
import { GRAPH_SOURCE_OPTIONS, loadGraphSource } from '../graph-source.ts';
import { colour, reportError, scenarioArgument, type CliIo } from '../io.ts';

const USAGE = 'usage: deployment-manager fitness <scenario> --root <dir> [--tier t] [--model default|vrooli] [--policy all|active] [--analyzer-url <url>] [--json]\n';

/**
 * `deployment-manager fitness <scenario> --root <dir> [--tier t] [--model default|vrooli] [--json]`:
 * per tier, the table `Dependency | Current | Fitness | Suggested swap`, or the JSON document
 * `{scenario, model, tiers, dependencies, suggestions}`. With `--model vrooli` the predecessor's
 * numbers, compared with its deployment-report.json when one exists.
 *
 * @example
 * ```sh
 * deployment-manager fitness picker-wheel --root ../Vrooli --tier desktop
 * ```
 */
export async function runFitnessCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...GRAPH_SOURCE_OPTIONS,
        tier: { type: 'string' },
        model: { type: 'string', default: 'default' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const scenario = scenarioArgument(positionals, USAGE);
    const model = values.model;
    if (model !== 'default' && model !== 'vrooli') throw new SdkError('INVALID_ARGUMENT', `model "${model}" is not known`, { hint: 'use --model default or --model vrooli' });
    const tiers: readonly Tier[] = values.tier === undefined ? TIERS : [parseTier(values.tier)];
    if (model === 'vrooli') {
      // The predecessor counted every declared dependency, enabled or not.
      const source = await loadGraphSource(scenario, { ...values, policy: 'all' });
      return vrooli(scenario, source.graph, source.workspace, values.tier === undefined ? undefined : tiers, values.json, io);
    }
    const { graph } = await loadGraphSource(scenario, values);
    const report = scoreGraph(graph, { tiers });
    const suggestions = tiers.flatMap((t) => suggestSwaps(graph, t));
    const doc = fitnessToJson(scenario, report, suggestions);
    if (values.json) io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    else io.stdout(renderFitness(doc, suggestions, io.isTTY));
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
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
    io.stdout(`${JSON.stringify({ ...doc, parity }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [`${scenario} (model: vrooli)`];
  for (const [tier, t] of Object.entries(doc.tiers)) {
    lines.push('', `${colour(io.isTTY, 'bold', tier)}  fitness ${t.fitness_score ?? ''} over ${t.dependency_count ?? 0} occurrences${t.blockers.length > 0 ? `  blockers: ${t.blockers.join(', ')}` : ''}`);
    const rows = doc.dependencies.map((d) => {
      const s = d.tiers[tier];
      return [d.id, s?.supported === false ? 'unsupported' : 'supported', s?.score === null || s === undefined ? '-' : (s.score / 100).toString(), s?.reasons[0]?.message ?? ''];
    });
    lines.push(...table(['Dependency', 'Current', 'Fitness', 'Suggested swap'], rows));
  }
  if (parity !== null) lines.push('', `predecessor report ${parity.file}: ${parity.matches ? 'aggregates reproduced' : 'aggregates differ (report stale or corrupt?)'}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** Human rendering: one table per tier. */
function renderFitness(doc: FitnessJson, suggestions: readonly SwapSuggestion[], tty: boolean): string {
  const lines: string[] = [`${doc.scenario} (model: ${doc.model})`];
  for (const [tier, t] of Object.entries(doc.tiers)) {
    const head = `${colour(tty, 'bold', tier)}  score ${paint(tty, t.score, t.blockers.length > 0)}${t.blockers.length > 0 ? `  blockers: ${t.blockers.join(', ')}` : ''}`;
    lines.push('', head);
    const rows = doc.dependencies.map((d) => {
      const s = d.tiers[tier] as DependencyTierScore | undefined;
      const best = suggestions.find((x) => x.tier === tier && x.from === d.id);
      const fitness = s === undefined || s.score === null ? colour(tty, 'grey', 'unknown') : paint(tty, s.score, !s.supported);
      const current = s === undefined || s.score === null ? 'not in catalog' : s.reasons.length === 0 ? 'fits' : s.reasons.map((r) => r.fact).join(', ');
      return [d.id, current, fitness, best === undefined ? '' : `${best.to} (+${best.gain}, ${best.effort} effort)`];
    });
    lines.push(...table(['Dependency', 'Current', 'Fitness', 'Suggested swap'], rows));
    for (const w of t.warnings) lines.push(colour(tty, 'yellow', `warning: ${w}`));
  }
  return `${lines.join('\n')}\n`;
}

function paint(tty: boolean, score: number, blocked: boolean): string {
  const text = `${score}${blocked ? ' (blocked)' : ''}`;
  return colour(tty, blocked || score < 50 ? 'red' : score < 75 ? 'yellow' : 'green', text);
}

/** A plain text table; widths ignore ANSI colour codes. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const visible = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c + ' '.repeat((widths[i] as number) - visible(c))).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}
