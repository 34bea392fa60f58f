import { TIERS, type DependencyGraph, type NodeId, type Tier } from '@deployment-manager/core';
import type { Cascade, FitnessReport, SwapSuggestion } from '@deployment-manager/fitness';
import { ROOT_FILL, ROUTED_EDGE_LIMIT, scoreColour } from '@deployment-manager/ui';
import { renderGraphSvg, renderLegendHtml } from './svg-graph.ts';

/** Everything the static report shows. All of it is plain data; no secret values ever. */
export interface HtmlReportInput {
  /** Page title, e.g. the scenario name. */
  readonly title: string;
  /** The dependency graph. */
  readonly graph: DependencyGraph;
  /** Fitness of every tier. */
  readonly fitness: FitnessReport;
  /** The tier the graph SVG is coloured for. */
  readonly focusTier: Tier;
  /** Suggested swaps (any tiers). */
  readonly suggestions: readonly SwapSuggestion[];
  /** The cascade of the chosen swaps, when computed. */
  readonly cascade?: Cascade;
  /** Secret plan summary rows: id, class, how it is obtained (never a value). */
  readonly secrets?: readonly { readonly id: string; readonly class: string; readonly how: string }[];
  /** Artifacts written, per packager. */
  readonly artifacts?: readonly { readonly packager: string; readonly path: string; readonly sha256: string }[];
  /** The exported manifest's checksum. */
  readonly manifestSha256?: string;
  /**
   * Every other warning the run produced (loader diagnostics, assembly and
   * validation findings, packager notes), each with where it came from. The
   * fitness warnings of each tier and the graph's diagnostics are added by the report itself.
   */
  readonly warnings?: readonly { readonly source: string; readonly message: string }[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Renders a self-contained static HTML page (no scripts, no network, nothing
 * only on hover): the dependency graph laid out by dagre and coloured by
 * fitness on `focusTier` with its legend, the tier heat map, every reason
 * behind every score, the swap table, the cascade, the secret plan, the
 * artifacts and every warning of the run.
 *
 * @example
 * ```ts
 * writeFileSync('out/report.html', renderHtmlReport({ title: 'recipe-hub', graph, fitness, focusTier: 'desktop', suggestions }));
 * ```
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { fitness, focusTier } = input;
  const byId = new Map(fitness.dependencies.map((d) => [d.id, d]));
  const scoreOf = (id: NodeId, tier: Tier): number | null | undefined => byId.get(id)?.tiers[tier]?.score;
  const svg = renderGraphSvg(input.graph, {
    fill: (id) => (id === input.graph.root ? ROOT_FILL : scoreColour(scoreOf(id, focusTier))),
    caption: (id) => {
      if (id === input.graph.root) return 'scenario being shipped';
      const s = byId.get(id)?.tiers[focusTier];
      if (s === undefined) return undefined;
      return s.score === null ? 'unknown to the catalog' : `${focusTier}: ${s.score}${s.supported ? '' : ' ✕ blocked'}`;
    },
    blocked: (id) => byId.get(id)?.tiers[focusTier]?.supported === false && scoreOf(id, focusTier) !== null,
  });
  const tiers = TIERS.filter((t) => fitness.tiers[t] !== undefined);
  const summary = tiers
    .map((t) => {
      const f = fitness.tiers[t];
      if (f === undefined) return '';
      const blockers = f.blockers.length > 0 ? `blocked by ${f.blockers.map(esc).join(', ')}` : 'no blockers';
      return `<div class="badge" style="background:${scoreColour(f.score)}"><b>${t}</b><span>${f.score}</span><small>${blockers}</small></div>`;
    })
    .join('');
  const heat = [
    `<tr><th>dependency</th><th>role</th>${tiers.map((t) => `<th>${t}</th>`).join('')}</tr>`,
    ...fitness.dependencies.map((d) => {
      const cells = tiers
        .map((t) => {
          const s = d.tiers[t];
          const label = s === undefined ? '' : s.score === null ? 'unknown' : `${s.score}${s.supported ? '' : ' ✕ blocked'}`;
          return `<td style="background:${scoreColour(s?.score)}">${label}</td>`;
        })
        .join('');
      return `<tr><td><a href="#why-${esc(d.id)}">${esc(d.id)}</a></td><td>${d.role}</td>${cells}</tr>`;
    }),
  ].join('\n');
  const reasons = fitness.dependencies
    .map((d) => {
      const rows = tiers
        .map((t) => {
          const s = d.tiers[t];
          if (s === undefined) return '';
          const list = s.reasons.length === 0 ? 'fits: no deduction' : `<ul>${s.reasons.map((r) => `<li><b>${r.delta}</b> ${r.subscore} &middot; <code>${esc(r.fact)}</code>: ${esc(r.message)}${r.blocker ? ' (blocker)' : ''}</li>`).join('')}</ul>`;
          const hint = s.hint === undefined ? '' : `<p>${esc(s.hint)}</p>`;
          return `<tr><th>${t}</th><td>${s.score === null ? 'unknown' : s.score}</td><td>${list}${hint}</td></tr>`;
        })
        .join('');
      return `<h3 id="why-${esc(d.id)}">${esc(d.id)} <small>(${d.role}${d.entry === null ? ', not in the catalog' : `, catalog entry ${esc(d.entry)}`})</small></h3><table class="why"><tr><th>tier</th><th>score</th><th>why</th></tr>${rows}</table>`;
    })
    .join('\n');
  const swaps = [
    '<tr><th>tier</th><th>replace</th><th>with</th><th>gain</th><th>clears blocker</th><th>effort</th><th>lacks</th><th>note</th></tr>',
    ...input.suggestions.map(
      (s) =>
        `<tr><td>${s.tier}</td><td>${esc(s.from)}</td><td>${esc(s.to)}</td><td>+${s.gain}</td><td>${s.clearsBlocker ? 'yes' : ''}</td><td>${s.effort}</td><td>${esc(s.lacks.join(', '))}</td><td>${esc(s.note)}</td></tr>`,
    ),
  ].join('\n');
  const cascade = input.cascade === undefined ? '' : renderCascade(input.cascade);
  const secrets =
    input.secrets === undefined
      ? ''
      : `<h2>Secret plan</h2><table><tr><th>secret</th><th>class</th><th>how it is obtained</th></tr>${input.secrets
          .map((s) => `<tr><td>${esc(s.id)}</td><td>${esc(s.class)}</td><td>${esc(s.how)}</td></tr>`)
          .join('')}</table>`;
  const artifacts =
    input.artifacts === undefined
      ? ''
      : `<h2>Artifacts</h2>${input.manifestSha256 === undefined ? '' : `<p>manifest sha256 <code>${input.manifestSha256}</code></p>`}<table><tr><th>packager</th><th>path</th><th>sha256</th></tr>${input.artifacts
          .map((a) => `<tr><td>${esc(a.packager)}</td><td>${esc(a.path)}</td><td><code>${esc(a.sha256)}</code></td></tr>`)
          .join('')}</table>`;
  const warnings = [
    ...tiers.flatMap((t) => (fitness.tiers[t]?.warnings ?? []).map((message) => ({ source: `fitness ${t}`, message }))),
    ...input.graph.diagnostics.filter((d) => d.severity !== 'info').map((d) => ({ source: 'graph', message: `${d.code}: ${d.message}` })),
    ...(input.warnings ?? []),
  ];
  const warningList = `<h2>Warnings (${warnings.length})</h2>${warnings.length === 0 ? '<p>none</p>' : `<ul>${warnings.map((w) => `<li><b>${esc(w.source)}</b>: ${esc(w.message)}</li>`).join('')}</ul>`}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)} - deployment fitness</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #cbd2d9;padding:.3rem .6rem;text-align:left;font-size:.9rem;vertical-align:top}
th{background:#f0f4f8}.badges{display:flex;gap:.8rem;flex-wrap:wrap}.badge{border-radius:8px;padding:.6rem 1rem;display:flex;flex-direction:column;min-width:7rem;max-width:14rem}
.badge span{font-size:1.8rem;font-weight:700}.graph{overflow-x:auto;border:1px solid #e4e7eb;border-radius:8px;padding:.5rem}code{font-size:.85rem;word-break:break-all}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;font-size:.85rem}.legend li{display:flex;align-items:center;gap:.35rem}
.why ul{margin:0;padding-left:1.1rem}h3 small{font-weight:400;color:#52606d}
</style></head><body>
<h1>${esc(input.title)}: can it ship, and what must change?</h1>
<div class="badges">${summary}</div>
<h2>Dependency graph <small>(coloured by ${focusTier} fitness)</small></h2>
<div class="graph">${svg}</div>
${renderLegendHtml(input.graph.edges.length > ROUTED_EDGE_LIMIT)}
<h2>Tier heat map</h2><table>${heat}</table>
${warningList}
<h2>Suggested swaps</h2><table>${swaps}</table>
${cascade}${secrets}${artifacts}
<h2>Why each score</h2>
${reasons}
<p><small>Generated by deployment-manager.</small></p>
</body></html>
`;
}

function renderCascade(c: Cascade): string {
  const li = (xs: readonly string[]): string => (xs.length === 0 ? '<li>none</li>' : xs.map((x) => `<li>${esc(x)}</li>`).join(''));
  const deltas = Object.entries(c.fitness).map(([t, d]) => `${t}: ${d.before} → ${d.after}`);
  return `<h2>Cascade on ${c.tier}: ${esc(c.applied.map((s) => `${s.from} → ${s.to}`).join(', '))}</h2>
<ul>
<li>capabilities lost: <ul>${li(c.capabilitiesLost.map((l) => `${l.dependent} loses ${l.lost.join(', ')} of ${l.from} (needs ${l.needsSource})`))}</ul></li>
<li>added: <ul>${li(c.added.map((a) => `${a.id} (${a.reason})`))}</ul></li>
<li>removed: <ul>${li(c.removed.map((r) => `${r.id} (${r.reason})`))}</ul></li>
<li>secrets removed: <ul>${li(c.secrets.removed.map((s) => `${s.owner}: ${s.env}`))}</ul></li>
<li>fitness: <ul>${li(deltas)}</ul></li>
</ul>`;
}
