// The secret plan of the selected tier, after its swaps.
import { useMemo } from 'preact/hooks';
import { secretPlanFor, type ScenarioModel, type TierView } from '../model.ts';
import { SecretTable } from './secret-table.tsx';

/** The secret plan view. */
export function SecretsView({ model, view }: { model: ScenarioModel; view: TierView }) {
  const plan = useMemo(() => secretPlanFor(model, view), [model, view]);
  return (
    <section class="panel" aria-label="secret plan">
      <h2>
        Secret plan on {view.tier}
        {view.swaps.length > 0 ? ` after ${view.swaps.length} swap(s)` : ''}
      </h2>
      <p class="muted">Classes: infrastructure stays with the operator, per_install_generated is made on first run, user_prompt is asked, remote_fetch is fetched. Values never reach this page.</p>
      <SecretTable plan={plan} />
    </section>
  );
}
