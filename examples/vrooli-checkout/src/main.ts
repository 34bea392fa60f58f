// Example (d): point the SDK at a real Vrooli checkout and survey it - every scenario's
// fitness per tier, whether a desktop bundle can be assembled after the suggested swaps,
// and what the loaders could not understand.
//
//   pnpm --filter @deployment-manager/example-vrooli-checkout start --root path/to/Vrooli [--json]
import { parseArgs } from 'node:util';
import { assembleScenario } from '@deployment-manager/bundle';
import { SdkError, TIERS, buildGraph, isSdkError, loadWorkspace, type Tier } from '@deployment-manager/core';
import { scoreGraph } from '@deployment-manager/fitness';

const { values } = parseArgs({ options: { root: { type: 'string' }, json: { type: 'boolean', default: false } } });

/** One scenario's line in the survey. */
interface SurveyRow {
  readonly scenario: string;
  readonly nodes: number;
  readonly scores: Record<Tier, number>;
  readonly desktop: 'ok' | 'blocked';
  readonly desktopReasons: readonly string[];
}

try {
  if (values.root === undefined) throw new SdkError('INVALID_ARGUMENT', 'no --root given', { hint: 'pass --root path/to/Vrooli (the directory holding scenarios/ and resources/)' });
  const workspace = loadWorkspace(values.root);
  const rows: SurveyRow[] = [];
  for (const scenario of [...workspace.scenarios.keys()].sort()) {
    const graph = buildGraph(workspace, scenario, { policy: 'active' });
    const report = scoreGraph(graph);
    const scores = Object.fromEntries(TIERS.map((t) => [t, report.tiers[t]?.score ?? 0])) as Record<Tier, number>;
    const { result } = assembleScenario(workspace, scenario, { tier: 'desktop', acceptSuggested: true, graph });
    const reasons = [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))];
    rows.push({ scenario, nodes: graph.nodes.length, scores, desktop: result.ok ? 'ok' : 'blocked', desktopReasons: reasons });
  }
  const bySeverity = (s: string): number => workspace.diagnostics.filter((d) => d.severity === s).length;
  const summary = {
    root: workspace.root,
    layout: workspace.layout,
    scenarios: rows.length,
    resources: workspace.resources.size,
    diagnostics: { error: bySeverity('error'), warning: bySeverity('warning'), info: bySeverity('info') },
    desktopReady: rows.filter((r) => r.desktop === 'ok').length,
  };
  if (values.json) {
    console.log(JSON.stringify({ summary, rows }, null, 2));
  } else {
    console.log(`${summary.scenarios} scenarios, ${summary.resources} resources (${summary.layout} layout) at ${summary.root}`);
    console.log(`loader diagnostics: ${summary.diagnostics.error} errors, ${summary.diagnostics.warning} warnings, ${summary.diagnostics.info} info`);
    console.log(`desktop bundle after suggested swaps: ${summary.desktopReady} of ${summary.scenarios} scenarios\n`);
    console.log(`${'scenario'.padEnd(32)}${'nodes'.padStart(6)}${TIERS.map((t) => t.padStart(11)).join('')}  desktop bundle`);
    for (const r of [...rows].sort((a, b) => b.scores.desktop - a.scores.desktop || (a.scenario < b.scenario ? -1 : 1))) {
      console.log(`${r.scenario.padEnd(32)}${String(r.nodes).padStart(6)}${TIERS.map((t) => r.scores[t].toFixed(1).padStart(11)).join('')}  ${r.desktop}${r.desktopReasons.length > 0 ? ` (${r.desktopReasons.join(', ')})` : ''}`);
    }
  }
} catch (error) {
  if (!isSdkError(error)) throw error;
  console.error(`error [${error.code}]: ${error.message}${error.hint === undefined ? '' : `\nhint: ${error.hint}`}`);
  process.exitCode = 2;
}
