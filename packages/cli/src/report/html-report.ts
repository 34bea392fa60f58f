import { TIERS, type DependencyGraph, type NodeId, type Tier } from '@deployment-manager/core';
import type { Cascade, FitnessReport, SwapSuggestion } from '@deployment-manager/fitness';
import { renderGraphSvg } from './svg-graph.ts';

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
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Heat-map colour for a 0..100 score (red -> amber -> green); grey for unknown. */
export function scoreColour(score: number | null | undefined): string {
  if (score === null || score === undefined) return '#d9dde3';
  const s = Math.max(0, Math.min(100, score));
  const hue = Math.round((s / 100) * 120);
  return `hsl(${hue}, 62%, ${s < 50 ? 78 : 74}%)`;
}

/**
 * Renders a self-contained static HTML page (no scripts, no network): the
 * dependency graph as SVG coloured by fitness on `focusTier`, the tier heat
 * map, the swap table, the cascade, the secret plan and the artifacts.
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
    fill: (id) => (id === input.graph.root ? '#dbe7f5' : scoreColour(scoreOf(id, focusTier))),
    caption: (id) => {
      if (id === input.graph.root) return 'root';
      const s = scoreOf(id, focusTier);
      return s === undefined ? undefined : `${focusTier}: ${s === null ? 'unknown' : s}`;
    },
  });
  const tiers = TIERS.filter((t) => fitness.tiers[t] !== undefined);
  const summary = tiers
    .map((t) => {
      const f = fitness.tiers[t];
      if (f === undefined) return '';
      const blocked = f.blockers.length > 0;
      return `<div class="badge" style="background:${scoreColour(f.score)}"><b>${t}</b><span>${f.score}</span><small>${blocked ? `${f.blockers.length} blocker(s)` : 'no blockers'}</small></div>`;
    })
    .join('');
  const heat = [
    `<tr><th>dependency</th><th>role</th>${tiers.map((t) => `<th>${t}</th>`).join('')}</tr>`,
    ...fitness.dependencies.map((d) => {
      const cells = tiers
        .map((t) => {
          const s = d.tiers[t];
          const title = s === undefined ? '' : s.reasons.map((r) => `${r.delta} ${r.message}`).join('\n') || 'fits';
          const label = s === undefined ? '' : s.score === null ? '?' : `${s.score}${s.supported ? '' : ' ✕'}`;
          return `<td style="background:${scoreColour(s?.score)}" title="${esc(title)}">${label}</td>`;
        })
        .join('');
      return `<tr><td>${esc(d.id)}</td><td>${d.role}</td>${cells}</tr>`;
    }),
  ].join('\n');
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
          .map((a) => `<tr><td>${esc(a.packager)}</td><td>${esc(a.path)}</td><td><code>${a.sha256.slice(0, 16)}…</code></td></tr>`)
          .join('')}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)} - deployment fitness</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #cbd2d9;padding:.3rem .6rem;text-align:left;font-size:.9rem}
th{background:#f0f4f8}.badges{display:flex;gap:.8rem;flex-wrap:wrap}.badge{border-radius:8px;padding:.6rem 1rem;display:flex;flex-direction:column;min-width:7rem}
.badge span{font-size:1.8rem;font-weight:700}.graph{overflow-x:auto;border:1px solid #e4e7eb;border-radius:8px;padding:.5rem}code{font-size:.85rem}
</style></head><body>
<h1>${esc(input.title)}: can it ship, and what must change?</h1>
<div class="badges">${summary}</div>
<h2>Dependency graph <small>(coloured by ${focusTier} fitness; dashed edges are optional)</small></h2>
<div class="graph">${svg}</div>
<h2>Tier heat map</h2><table>${heat}</table>
<h2>Suggested swaps</h2><table>${swaps}</table>
${cascade}${secrets}${artifacts}
<p><small>Generated by deployment-manager. Hover a heat-map cell for its reasons.</small></p>
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
