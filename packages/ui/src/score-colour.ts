// One colour scale for fitness scores, shared by the browser view and the
// static report, with the legend that explains it.

/** Fill of the root scenario's box. */
export const ROOT_FILL = '#dbe7f5';
/** Fill of a dependency the catalog does not know (its score is null). */
export const UNKNOWN_FILL = '#d9dde3';

/**
 * Heat-map colour for a 0..100 score, red through amber to green; grey for
 * an unknown (null) or missing score. Light enough for dark text on it.
 *
 * @example
 * ```ts
 * scoreColour(100) // 'hsl(120, 62%, 74%)'
 * ```
 */
export function scoreColour(score: number | null | undefined): string {
  if (score === null || score === undefined) return UNKNOWN_FILL;
  const s = Math.max(0, Math.min(100, score));
  const hue = Math.round((s / 100) * 120);
  return `hsl(${hue}, 62%, ${s < 50 ? 78 : 74}%)`;
}

/** One entry of the graph legend. */
export interface LegendEntry {
  /** What the swatch shows: a fill, a node outline or an edge stroke. */
  readonly kind: 'fill' | 'outline' | 'edge';
  /** Label, lower-case. */
  readonly label: string;
  /** Fill colour (for `fill`). */
  readonly fill?: string;
  /** SVG dash pattern of the outline or edge, when dashed. */
  readonly dash?: string;
  /** Opacity of the edge, when faded. */
  readonly opacity?: number;
}

/** The legend of every graph drawing: what each colour, outline and stroke means. */
export const GRAPH_LEGEND: readonly LegendEntry[] = [
  { kind: 'fill', label: 'score 90-100: fits', fill: scoreColour(95) },
  { kind: 'fill', label: 'score 70-89: works with caveats', fill: scoreColour(80) },
  { kind: 'fill', label: 'score 40-69: costly to ship', fill: scoreColour(55) },
  { kind: 'fill', label: 'score under 40: hardly fits', fill: scoreColour(15) },
  { kind: 'fill', label: 'unknown to the catalog', fill: UNKNOWN_FILL },
  { kind: 'fill', label: 'the scenario being shipped', fill: ROOT_FILL },
  { kind: 'outline', label: 'blocked on this tier (✕)' },
  { kind: 'outline', label: 'not defined in the workspace', dash: '4 3' },
  { kind: 'edge', label: 'required dependency' },
  { kind: 'edge', label: 'optional dependency', dash: '5 4' },
  { kind: 'edge', label: 'disabled dependency', dash: '5 4', opacity: 0.35 },
];

/** The extra legend entry of a dense graph's drawing, whose edges outside the layout's tree run straight. */
export const STRAIGHT_EDGE_LEGEND: LegendEntry = { kind: 'edge', label: 'drawn straight (dense graph: not routed by the layout)', opacity: 0.45 };
