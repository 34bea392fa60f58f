// The suggested swaps of a tier as toggles: one replacement per dependency at
// a time, each change re-scored at once in the page.
import { useMemo } from 'preact/hooks';
import type { SwapSpec } from '@deployment-manager/fitness';
import { nameOf, suggestionsFor, swapKey, type ScenarioModel, type TierView } from '../model.ts';

/** Toggles for a tier's suggested swaps. */
export function SwapToggles({ model, view, onChange }: { model: ScenarioModel; view: TierView; onChange: (next: readonly SwapSpec[]) => void }) {
  const suggestions = useMemo(() => suggestionsFor(model, view.tier), [model, view.tier]);
  if (suggestions.length === 0) return <p class="muted">No swap would raise the {view.tier} score.</p>;
  const on = (from: string, to: string): boolean => view.swaps.some((s) => s.from === from && s.to === to);
  const toggle = (from: string, to: string): void => {
    const others = view.swaps.filter((s) => s.from !== from);
    onChange(on(from, to) ? others : [...others, { from, to }]);
  };
  return (
    <ul class="swaps">
      {suggestions.map((s) => (
        <li key={swapKey(s)}>
          <label>
            <input type="checkbox" data-testid={`swap-${swapKey(s)}`} checked={on(s.from, s.to)} onChange={() => toggle(s.from, s.to)} />
            {nameOf(s.from)} → {s.to}{' '}
            <span class="muted">
              +{s.gain}, {s.effort} effort{s.clearsBlocker ? ', clears a blocker' : ''}
              {s.lacks.length > 0 ? `, lacks ${s.lacks.join(', ')}` : ''}
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
