// What-if: the tier's swap toggles and the cascade of the chosen ones -
// fitness before and after, capabilities lost, nodes and secrets added and removed.
import { useEffect, useState } from 'preact/hooks';
import type { Cascade, SwapSpec } from '@deployment-manager/fitness';
import { cascadeOf, nameOf, type ScenarioModel, type TierView } from '../model.ts';
import { SwapToggles } from './swap-toggles.tsx';

function Items({ id, title, items }: { id: string; title: string; items: readonly string[] }) {
  return (
    <div>
      <h4>{title}</h4>
      <ul data-testid={id}>{items.length === 0 ? <li class="muted">none</li> : items.map((x) => <li key={x}>{x}</li>)}</ul>
    </div>
  );
}

// The cascade is computed after the toggle's new scores are on screen, so a
// toggle answers at once even on big graphs.
function useCascade(model: ScenarioModel, view: TierView): Cascade | null | 'pending' {
  const [state, setState] = useState<{ view: TierView; cascade: Cascade } | null>(null);
  useEffect(() => {
    if (view.swaps.length === 0) return undefined;
    const timer = setTimeout(() => {
      setState({ view, cascade: cascadeOf(model, view) });
      performance.mark('dm:cascade-shown');
    }, 0);
    return () => clearTimeout(timer);
  }, [model, view]);
  if (view.swaps.length === 0) return null;
  return state?.view === view ? state.cascade : 'pending';
}

/** The swap toggles and the cascade. */
export function SwapPanel({ model, view, onChange }: { model: ScenarioModel; view: TierView; onChange: (next: readonly SwapSpec[]) => void }) {
  const c = useCascade(model, view);
  const delta = c === null || c === 'pending' ? undefined : c.fitness[view.tier];
  return (
    <section class="swap-panel" aria-label="what-if swaps">
      <h2>What if, on {view.tier}?</h2>
      <SwapToggles model={model} view={view} onChange={onChange} />
      {c === null && <p class="muted">Toggle a swap to see what it changes. Click a node for its facts and reasons.</p>}
      {c === 'pending' && <p class="muted">computing the cascade...</p>}
      {c !== null && c !== 'pending' && (
        <div class="cascade" data-testid="cascade">
          <h3>Cascade</h3>
          {delta !== undefined && (
            <p data-testid="cascade-fitness">
              {view.tier}: {delta.before} → {delta.after} ({delta.delta >= 0 ? '+' : ''}
              {delta.delta}); blockers {delta.blockersBefore.length} → {delta.blockersAfter.length}
            </p>
          )}
          <Items id="cascade-lost" title="capabilities lost" items={c.capabilitiesLost.map((l) => `${nameOf(l.dependent)} loses ${l.lost.join(', ')} of ${nameOf(l.from)} (${l.needsSource} need)`)} />
          <Items id="cascade-added" title="dependencies added" items={c.added.map((a) => `${a.id} (${a.reason})`)} />
          <Items id="cascade-removed" title="dependencies removed" items={c.removed.map((r) => `${r.id} (${r.reason})`)} />
          <Items id="cascade-secrets-added" title="secrets added" items={c.secrets.added.map((s) => `${s.id} of ${nameOf(s.owner)}`)} />
          <Items id="cascade-secrets-removed" title="secrets removed" items={c.secrets.removed.map((s) => `${s.id} of ${nameOf(s.owner)}`)} />
          {c.followUps.length > 0 && <Items id="cascade-follow-ups" title="follow-up swaps" items={c.followUps.map((f) => `${nameOf(f.from)} → ${f.to} (+${f.gain})`)} />}
        </div>
      )}
    </section>
  );
}
