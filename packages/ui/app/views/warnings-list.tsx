// Every warning about what is shown: the tier's fitness warnings, the graph's
// and the loaders' diagnostics. Shown in full, never only on hover.
import type { ScenarioModel, TierView } from '../model.ts';

/** The warnings of the current tier and graph. */
export function WarningsList({ model, view }: { model: ScenarioModel; view: TierView }) {
  const items = [
    ...(view.report.tiers[view.tier]?.warnings ?? []).map((w) => `${view.tier}: ${w}`),
    ...model.graph.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`),
  ];
  return (
    <section class="warnings" aria-label="warnings">
      <h2>Warnings ({items.length})</h2>
      {items.length === 0 ? (
        <p class="muted">none</p>
      ) : (
        <ul>
          {items.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
