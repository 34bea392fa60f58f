// One card per tier: its score after the chosen swaps, its blockers, and a
// button that makes it the tier the graph is coloured by.
import type { Tier } from '@deployment-manager/core/pure';
import { scoreColour } from '../../src/score-colour.ts';
import { ALL_TIERS, nameOf, type TierView } from '../model.ts';

/** The tier cards. */
export function TierCards({ views, selected, onSelect }: { views: Readonly<Record<Tier, TierView>>; selected: Tier; onSelect: (t: Tier) => void }) {
  return (
    <section class="tiers" aria-label="fitness per tier">
      {ALL_TIERS.map((t) => {
        const v = views[t];
        return (
          <button
            key={t}
            type="button"
            class="tier-card"
            data-testid={`tier-${t}`}
            aria-pressed={t === selected}
            style={{ background: scoreColour(v.score) }}
            onClick={() => onSelect(t)}
          >
            <span class="tier-name">{t}</span>
            <span class="tier-score" data-testid="tier-score">
              {v.score}
            </span>
            <span class="tier-blockers" data-testid="tier-blockers">
              {v.blockers.length === 0 ? 'no blockers' : `blocked by ${v.blockers.map(nameOf).join(', ')}`}
            </span>
            {v.swaps.length > 0 && <span class="tier-swaps">{v.swaps.length} swap(s) applied</span>}
          </button>
        );
      })}
    </section>
  );
}
