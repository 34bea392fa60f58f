// The dependency graph laid out by dagre, coloured by the selected tier's
// scores after its swaps, with zoom and pan (wheel, drag, or the buttons)
// and keyboard-selectable nodes.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DependencyGraph, NodeId } from '@deployment-manager/core/pure';
import { edgePath, layoutGraph, type GraphLayout } from '../../src/graph-layout.ts';
import { ROOT_FILL, scoreColour } from '../../src/score-colour.ts';
import type { TierView } from '../model.ts';
import { Legend } from './legend.tsx';

interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const truncate = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

// The first drawing is laid out at once; after a swap the new layout follows a
// moment after the new colours, so the scores never wait for dagre.
function useLayout(graph: DependencyGraph): GraphLayout {
  const [state, setState] = useState(() => ({ graph, layout: layoutGraph(graph) }));
  useEffect(() => {
    if (state.graph === graph) return undefined;
    const timer = setTimeout(() => {
      setState({ graph, layout: layoutGraph(graph) });
      performance.mark('dm:layout-shown');
    }, 0);
    return () => clearTimeout(timer);
  }, [graph, state.graph]);
  return state.layout;
}

/** The graph drawing. */
export function GraphView({ view, selected, onSelect }: { view: TierView; selected: NodeId | null; onSelect: (id: NodeId) => void }) {
  const layout = useLayout(view.graph);
  const box = useRef<HTMLDivElement>(null);
  const [t, setT] = useState<Transform>({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const fit = (): void => {
    const el = box.current;
    if (el === null) return;
    const k = Math.min(1.2, el.clientWidth / Math.max(1, layout.width), el.clientHeight / Math.max(1, layout.height));
    setT({ k, x: (el.clientWidth - layout.width * k) / 2, y: (el.clientHeight - layout.height * k) / 2 });
  };
  useEffect(fit, [layout]);
  const zoom = (factor: number, cx?: number, cy?: number): void => {
    const el = box.current;
    const px = cx ?? (el?.clientWidth ?? 0) / 2;
    const py = cy ?? (el?.clientHeight ?? 0) / 2;
    setT((p) => {
      const k = Math.max(0.1, Math.min(4, p.k * factor));
      return { k, x: px - ((px - p.x) * k) / p.k, y: py - ((py - p.y) * k) / p.k };
    });
  };
  const byId = useMemo(() => new Map(view.report.dependencies.map((d) => [d.id, d])), [view.report]);
  const nodes = useMemo(() => new Map(view.graph.nodes.map((n) => [n.id, n])), [view.graph]);
  return (
    <div class="graph">
      <div class="graph-tools">
        <span>
          coloured by <b>{view.tier}</b> fitness{view.swaps.length > 0 ? ` after ${view.swaps.length} swap(s)` : ''}
        </span>
        <button type="button" aria-label="zoom in" onClick={() => zoom(1.25)}>
          +
        </button>
        <button type="button" aria-label="zoom out" onClick={() => zoom(0.8)}>
          −
        </button>
        <button type="button" onClick={fit}>
          fit
        </button>
      </div>
      <div
        class="graph-canvas"
        ref={box}
        data-testid="graph"
        onWheel={(e) => {
          e.preventDefault();
          const r = (e.currentTarget as HTMLDivElement).getBoundingClientRect();
          zoom(e.deltaY < 0 ? 1.1 : 0.9, e.clientX - r.left, e.clientY - r.top);
        }}
        onPointerDown={(e) => {
          if ((e.target as Element).closest('.node') !== null) return;
          drag.current = { x: e.clientX, y: e.clientY };
          (e.currentTarget as HTMLDivElement).setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d === null) return;
          drag.current = { x: e.clientX, y: e.clientY };
          setT((p) => ({ ...p, x: p.x + e.clientX - d.x, y: p.y + e.clientY - d.y }));
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
      >
        <svg width="100%" height="100%" role="group" aria-label={`dependency graph of ${view.graph.root}`}>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#4b5563" />
            </marker>
          </defs>
          <g transform={`translate(${t.x} ${t.y}) scale(${t.k})`}>
            {layout.edges.filter((e) => nodes.has(e.from) && nodes.has(e.to)).map((e) => (
              <path
                key={`${e.from}>${e.to}`}
                class="edge"
                data-from={e.from}
                data-to={e.to}
                d={edgePath(e.points)}
                fill="none"
                stroke="#4b5563"
                stroke-width={e.routed ? 1.4 : 1}
                stroke-dasharray={e.required ? undefined : '5 4'}
                opacity={e.enabled ? (e.routed ? 0.9 : 0.45) : 0.35}
                marker-end="url(#arrow)"
              />
            ))}
            {layout.nodes.map((p) => {
              const node = nodes.get(p.id);
              if (node === undefined) return null;
              const score = byId.get(p.id)?.tiers[view.tier];
              const root = p.id === view.graph.root;
              const blocked = score !== undefined && !score.supported && score.score !== null;
              const caption = root ? 'scenario being shipped' : score === undefined ? '' : score.score === null ? 'unknown to the catalog' : `${view.tier}: ${score.score}${blocked ? ' ✕ blocked' : ''}`;
              return (
                <g
                  key={p.id}
                  class={`node${selected === p.id ? ' selected' : ''}`}
                  data-id={p.id}
                  role="button"
                  tabIndex={0}
                  aria-pressed={selected === p.id}
                  onClick={() => onSelect(p.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onSelect(p.id);
                    }
                  }}
                >
                  <rect
                    x={p.x}
                    y={p.y}
                    width={p.width}
                    height={p.height}
                    rx="6"
                    fill={root ? ROOT_FILL : scoreColour(score?.score)}
                    stroke={blocked ? '#b42318' : root ? '#1d3557' : '#6b7280'}
                    stroke-width={blocked || root ? 2.5 : 1.2}
                    stroke-dasharray={node.defined ? undefined : '4 3'}
                  />
                  <text x={p.x + 8} y={p.y + 17} font-weight="600">
                    {truncate(node.name, 22)}
                  </text>
                  <text x={p.x + p.width - 8} y={p.y + 17} text-anchor="end" class="kind">
                    {node.kind}
                  </text>
                  <text x={p.x + 8} y={p.y + 34} class="caption">
                    {caption}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <Legend straight={layout.edges.some((e) => !e.routed)} />
    </div>
  );
}
