// The graph's legend, drawn from the same data the static report uses.
import { GRAPH_LEGEND, STRAIGHT_EDGE_LEGEND, type LegendEntry } from '../../src/score-colour.ts';

function Swatch({ entry }: { entry: LegendEntry }) {
  if (entry.kind === 'edge') {
    return (
      <svg width="34" height="12" aria-hidden="true">
        <line x1="2" y1="6" x2="32" y2="6" stroke="#4b5563" stroke-width="2" stroke-dasharray={entry.dash} opacity={entry.opacity ?? 1} />
      </svg>
    );
  }
  const blocked = entry.kind === 'outline' && entry.dash === undefined;
  return (
    <svg width="34" height="18" aria-hidden="true">
      <rect x="2" y="2" width="30" height="14" rx="3" fill={entry.fill ?? '#ffffff'} stroke={blocked ? '#b42318' : '#6b7280'} stroke-width={blocked ? 2.5 : 1.2} stroke-dasharray={entry.dash} />
    </svg>
  );
}

/** Legend of colours, outlines and edge strokes (plus the straight edges of a dense graph). */
export function Legend({ straight }: { straight: boolean }) {
  return (
    <ul class="legend" aria-label="legend">
      {(straight ? [...GRAPH_LEGEND, STRAIGHT_EDGE_LEGEND] : GRAPH_LEGEND).map((e) => (
        <li key={e.label}>
          <Swatch entry={e} />
          <span>{e.label}</span>
        </li>
      ))}
    </ul>
  );
}
