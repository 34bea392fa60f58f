import type { DependencyGraph, NodeId } from '@deployment-manager/core';
import { GRAPH_LEGEND, STRAIGHT_EDGE_LEGEND, edgePath, layoutGraph } from '@deployment-manager/ui';

/** Options of {@link renderGraphSvg}. */
export interface GraphSvgOptions {
  /** Fill colour per node (e.g. from a fitness score); default a neutral grey. */
  readonly fill?: (id: NodeId) => string;
  /** Extra label line per node (e.g. a score). */
  readonly caption?: (id: NodeId) => string | undefined;
  /** Nodes drawn as blocked (red outline). */
  readonly blocked?: (id: NodeId) => boolean;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Renders a dependency graph as a self-contained SVG laid out by dagre (the
 * same layout as the browser view): dependents left of their dependencies,
 * each edge drawn along its routed points into its own boxes, required edges
 * solid, optional dashed, disabled faded. Deterministic: same graph, same bytes.
 *
 * @example
 * ```ts
 * const svg = renderGraphSvg(graph, { fill: (id) => (id.startsWith('scenario:') ? '#def' : '#eee') });
 * ```
 */
export function renderGraphSvg(graph: DependencyGraph, options: GraphSvgOptions = {}): string {
  const layout = layoutGraph(graph);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-label="dependency graph of ${escapeXml(graph.root)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#4b5563"/></marker></defs>',
  ];
  for (const e of layout.edges) {
    const dash = e.required ? '' : ' stroke-dasharray="5 4"';
    const opacity = e.enabled ? (e.routed ? '0.9' : '0.45') : '0.35';
    parts.push(`<path data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}" d="${edgePath(e.points)}" fill="none" stroke="#4b5563" stroke-width="${e.routed ? 1.4 : 1}" opacity="${opacity}"${dash} marker-end="url(#arrow)"/>`);
  }
  for (const p of layout.nodes) {
    const n = nodes.get(p.id);
    if (n === undefined) continue;
    const root = n.id === graph.root;
    const blocked = options.blocked?.(n.id) === true;
    const fill = options.fill?.(n.id) ?? '#eceff4';
    const caption = options.caption?.(n.id);
    const stroke = blocked ? '#b42318' : root ? '#1d3557' : n.defined ? '#6b7280' : '#d08700';
    parts.push(
      `<g data-id="${escapeXml(n.id)}"><rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="6" fill="${escapeXml(fill)}" stroke="${stroke}" stroke-width="${root || blocked ? 2.5 : 1.2}"${n.defined ? '' : ' stroke-dasharray="4 3"'}/>`,
      `<text x="${p.x + 8}" y="${p.y + 17}" font-weight="600">${escapeXml(truncate(n.name, 22))}</text>`,
      `<text x="${p.x + p.width - 8}" y="${p.y + 17}" text-anchor="end" fill="#3e4c59" font-size="10">${n.kind}</text>`,
      caption === undefined ? '' : `<text x="${p.x + 8}" y="${p.y + 34}" fill="#1f2933" font-size="11">${escapeXml(caption)}</text>`,
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.filter((p) => p !== '').join('\n');
}

/** The graph legend as HTML: what each fill, outline and stroke means (same entries as the browser view); `straight` adds the dense graphs' straight edges. */
export function renderLegendHtml(straight = false): string {
  const swatch = (e: (typeof GRAPH_LEGEND)[number]): string => {
    if (e.kind === 'edge') {
      return `<svg width="34" height="12" aria-hidden="true"><line x1="2" y1="6" x2="32" y2="6" stroke="#4b5563" stroke-width="2"${e.dash === undefined ? '' : ` stroke-dasharray="${e.dash}"`} opacity="${e.opacity ?? 1}"/></svg>`;
    }
    const blocked = e.kind === 'outline' && e.dash === undefined;
    return `<svg width="34" height="18" aria-hidden="true"><rect x="2" y="2" width="30" height="14" rx="3" fill="${e.fill ?? '#ffffff'}" stroke="${blocked ? '#b42318' : '#6b7280'}" stroke-width="${blocked ? 2.5 : 1.2}"${e.dash === undefined ? '' : ` stroke-dasharray="${e.dash}"`}/></svg>`;
  };
  return `<ul class="legend">${(straight ? [...GRAPH_LEGEND, STRAIGHT_EDGE_LEGEND] : GRAPH_LEGEND).map((e) => `<li>${swatch(e)}<span>${escapeXml(e.label)}</span></li>`).join('')}</ul>`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
