import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TIERS, buildGraph, loadWorkspace } from '@deployment-manager/core';
import { cascade, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { renderHtmlReport } from './html-report.ts';

const workspace = loadWorkspace(fileURLToPath(new URL('../../../../examples/end-to-end/workspace', import.meta.url)));
const graph = buildGraph(workspace, 'recipe-hub', { policy: 'active' });
const fitness = scoreGraph(graph);
const suggestions = TIERS.flatMap((t) => suggestSwaps(graph, t));
const input = {
  title: 'recipe-hub',
  graph,
  fitness,
  focusTier: 'desktop' as const,
  suggestions,
  cascade: cascade(graph, [{ from: 'postgres', to: 'sqlite' }], 'desktop'),
  warnings: [{ source: 'packager desktop', message: 'lost gpu: <no gpu> on this target' }],
};
const html = renderHtmlReport(input);

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the static report', () => {
  it('draws every edge from its own dependent\'s box into its own dependency\'s box', () => {
    const boxes = new Map(
      [...html.matchAll(/<g data-id="([^"]+)"><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => [
        m[1] as string,
        { x: Number(m[2]), y: Number(m[3]), w: Number(m[4]), h: Number(m[5]) },
      ]),
    );
    expect(boxes.size).toBe(graph.nodes.length);
    const edges = [...html.matchAll(/<path data-from="([^"]+)" data-to="([^"]+)" d="([^"]+)"/g)];
    expect(edges.length).toBe(graph.edges.length);
    const onBorder = (x: number, y: number, b: { x: number; y: number; w: number; h: number }): boolean =>
      x >= b.x - 1 && x <= b.x + b.w + 1 && y >= b.y - 1 && y <= b.y + b.h + 1 && (Math.abs(x - b.x) < 1 || Math.abs(x - b.x - b.w) < 1 || Math.abs(y - b.y) < 1 || Math.abs(y - b.y - b.h) < 1);
    for (const [, from, to, d] of edges) {
      const numbers = (d as string).match(/-?[\d.]+/g)?.map(Number) ?? [];
      const [x0, y0] = numbers;
      const [x1, y1] = numbers.slice(-2);
      expect(onBorder(x0 as number, y0 as number, boxes.get(from as string) as { x: number; y: number; w: number; h: number })).toBe(true);
      expect(onBorder(x1 as number, y1 as number, boxes.get(to as string) as { x: number; y: number; w: number; h: number })).toBe(true);
    }
  });

  it('shows every reason inline, with a legend and nothing only on hover', () => {
    expect(html).not.toMatch(/\stitle="/);
    expect(html.match(/<title>/g)?.length).toBe(1); // the page's own title, no SVG tooltips
    expect(html).toContain('class="legend"');
    expect(html).toContain('optional dependency');
    const text = unescape(html);
    for (const d of fitness.dependencies) for (const t of TIERS) for (const r of d.tiers[t]?.reasons ?? []) expect(text).toContain(r.message);
  });

  it('lists every warning: each tier\'s fitness warnings, the graph\'s and the run\'s', () => {
    const text = unescape(html);
    for (const t of TIERS) for (const w of fitness.tiers[t]?.warnings ?? []) expect(text).toContain(w);
    expect(text).toContain('lost gpu: <no gpu> on this target');
    expect(html).toContain('&lt;no gpu&gt;');
  });

  it('is deterministic', () => {
    expect(renderHtmlReport(input)).toBe(html);
  });
});
