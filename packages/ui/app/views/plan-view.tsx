// The deployment plan (planner, run by the server): stages, pre-flight
// findings and the monthly cost for a target and environment, for the
// scenario with the swaps chosen on the planned tier.
import { useState } from 'preact/hooks';
import type { Tier } from '@deployment-manager/core/pure';
import type { PlanView as Plan, UiSession } from '../../src/wire-types.ts';
import { postJson } from '../api.ts';
import type { ScenarioModel, TierView } from '../model.ts';

const PLAN_TIERS: readonly Tier[] = ['saas', 'enterprise'];

/** The deployment plan view. */
export function PlanView({ model, views, tier, session }: { model: ScenarioModel; views: Readonly<Record<Tier, TierView>>; tier: Tier; session: UiSession }) {
  const [planTier, setPlanTier] = useState<Tier>(PLAN_TIERS.includes(tier) ? tier : 'saas');
  const [target, setTarget] = useState(session.planTargets[0] ?? 'do');
  const [environment, setEnvironment] = useState(session.environments.includes('production') ? 'production' : (session.environments[0] ?? 'production'));
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const make = (): void => {
    setBusy(true);
    setError(null);
    postJson<Plan>('api/plan', { scenario: model.scenario, tier: planTier, swaps: views[planTier].swaps, target, environment })
      .then(setPlan)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <section class="panel" aria-label="deployment plan">
      <h2>Deployment plan</h2>
      <form
        class="plan-form"
        onSubmit={(e) => {
          e.preventDefault();
          make();
        }}
      >
        <label>
          tier{' '}
          <select value={planTier} onChange={(e) => setPlanTier((e.currentTarget as HTMLSelectElement).value as Tier)}>
            {PLAN_TIERS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          target{' '}
          <select value={target} data-testid="plan-target" onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
            {session.planTargets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          environment{' '}
          <select value={environment} onChange={(e) => setEnvironment((e.currentTarget as HTMLSelectElement).value)}>
            {session.environments.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="plan-make" disabled={busy}>
          {busy ? 'planning...' : 'Make the plan'}
        </button>
        <span class="muted">with {views[planTier].swaps.length} swap(s) chosen on {planTier}</span>
      </form>
      {error !== null && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {plan !== null && <PlanResult plan={plan} />}
    </section>
  );
}

function PlanResult({ plan }: { plan: Plan }) {
  return (
    <div data-testid="plan-result">
      <p class={plan.outcome.status === 'success' ? 'ok' : 'error'}>
        {plan.outcome.status === 'success' ? `ready to deploy to ${plan.target} (${plan.environment})` : `blocked at ${plan.outcome.stage}: ${plan.outcome.reason} - fix: ${plan.outcome.fix_suggestion}`}
      </p>
      {plan.cost !== undefined && (
        <table data-testid="plan-cost">
          <caption>
            cost: ${plan.cost.monthlyUsd.toFixed(2)} a month ({plan.cost.source})
          </caption>
          <thead>
            <tr>
              <th scope="col">item</th>
              <th scope="col">quantity</th>
              <th scope="col">unit (USD)</th>
              <th scope="col">monthly (USD)</th>
            </tr>
          </thead>
          <tbody>
            {plan.cost.lines.map((l) => (
              <tr key={l.item}>
                <td>{l.item}</td>
                <td>{l.quantity}</td>
                <td>{l.unitUsd}</td>
                <td>{l.monthlyUsd.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ol class="stages">
        {plan.stages.map((s) => (
          <li key={s.id}>
            <b>{s.id}</b> <span class={s.status === 'ready' ? 'ok' : 'error'}>{s.status}</span>
            <ul>
              {s.actions.map((a) => (
                <li key={a}>{a}</li>
              ))}
              {s.commands.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <h3>Findings ({plan.findings.length})</h3>
      <ul>
        {plan.findings.map((f, i) => (
          <li key={i}>
            <b>{f.severity}</b> [{f.code}] {f.message}
            {f.severity === 'info' || f.hint === undefined ? '' : ` - fix: ${f.hint}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
