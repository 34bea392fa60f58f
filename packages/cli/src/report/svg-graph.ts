import { generations, type DependencyGraph, type NodeId } from '@deployment-manager/core';

/** Options of {@link renderGraphSvg}. */
export interface GraphSvgOptions {
  /** Fill colour per node (e.g. from a fitness score); default a neutral grey. */
  readonly fill?: (id: NodeId) => string;
  /** Extra label line per node (e.g. a score). */
  readonly caption?: (id: NodeId) => string | undefined;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Renders a dependency graph as a self-contained SVG: one column per
 * generation (dependencies on the left), required edges solid, optional
 * dashed, disabled faded. Deterministic: same graph, same bytes.
 *
 * @example
 * ```ts
 * const svg = renderGraphSvg(graph, { fill: (id) => (id.startsWith('scenario:') ? '#def' : '#eee') });
 * ```
 */
export function renderGraphSvg(graph: DependencyGraph, options: GraphSvgOptions = {}): string {
  const gens = generations(graph);
  const colW = 230;
  const rowH = 56;
  const boxW = 190;
  const boxH = 40;
  const pos = new Map<NodeId, { x: number; y: number }>();
  gens.forEach((gen, gi) => gen.forEach((id, ri) => pos.set(id, { x: 20 + gi * colW, y: 20 + ri * rowH })));
  const width = 40 + Math.max(1, gens.length) * colW;
  const height = 40 + Math.max(1, ...gens.map((g) => g.length)) * rowH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#667"/></marker></defs>',
  ];
  for (const e of graph.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (a === undefined || b === undefined) continue;
    // Edges point from dependent (right) to dependency (left).
    const x1 = a.x;
    const y1 = a.y + boxH / 2;
    const x2 = b.x + boxW;
    const y2 = b.y + boxH / 2;
    const dash = e.required ? '' : ' stroke-dasharray="5 4"';
    const opacity = e.enabled ? '0.9' : '0.35';
    parts.push(`<path d="M ${x1} ${y1} C ${x1 - 30} ${y1}, ${x2 + 30} ${y2}, ${x2} ${y2}" fill="none" stroke="#667" stroke-width="1.4" opacity="${opacity}"${dash} marker-end="url(#arrow)"/>`);
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id);
    if (p === undefined) continue;
    const fill = options.fill?.(n.id) ?? '#eceff4';
    const caption = options.caption?.(n.id);
    const stroke = n.id === graph.root ? '#1d3557' : n.defined ? '#8a94a6' : '#d08700';
    parts.push(
      `<g><title>${escapeXml(n.id)}</title><rect x="${p.x}" y="${p.y}" width="${boxW}" height="${boxH}" rx="6" fill="${escapeXml(fill)}" stroke="${stroke}" stroke-width="${n.id === graph.root ? 2.5 : 1.2}"${n.defined ? '' : ' stroke-dasharray="4 3"'}/>`,
      `<text x="${p.x + 8}" y="${p.y + (caption ? 16 : 24)}" font-weight="600">${escapeXml(truncate(n.name, 26))}</text>`,
      `<text x="${p.x + boxW - 8}" y="${p.y + (caption ? 16 : 24)}" text-anchor="end" fill="#556" font-size="10">${n.kind}</text>`,
      caption === undefined ? '' : `<text x="${p.x + 8}" y="${p.y + 32}" fill="#334" font-size="11">${escapeXml(caption)}</text>`,
      '</g>',
    );
  }
  parts.push('</svg>');
  return parts.filter((p) => p !== '').join('\n');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
