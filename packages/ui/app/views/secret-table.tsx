// A tier's secret plan as a table: how each secret is obtained, never a value.
import type { SecretPlan } from '@deployment-manager/secrets/pure';
import { nameOf } from '../model.ts';

/** The secret plan table with its blockers and warnings. */
export function SecretTable({ plan }: { plan: SecretPlan }) {
  return (
    <div class="secret-plan" data-testid={`secrets-${plan.tier}`}>
      {plan.secrets.length === 0 ? (
        <p class="muted">No secrets on {plan.tier}.</p>
      ) : (
        <table>
          <caption>secrets on {plan.tier}</caption>
          <thead>
            <tr>
              <th scope="col">secret</th>
              <th scope="col">class</th>
              <th scope="col">kind</th>
              <th scope="col">required</th>
              <th scope="col">used by</th>
              <th scope="col">how it is obtained</th>
            </tr>
          </thead>
          <tbody>
            {plan.secrets.map((s) => (
              <tr key={s.id}>
                <td>
                  <code>{s.id}</code>
                </td>
                <td>{s.class}</td>
                <td>{s.kind}</td>
                <td>{s.required ? 'yes' : 'no'}</td>
                <td>{s.consumers.map(nameOf).join(', ')}</td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.blockers.length > 0 && (
        <div role="alert">
          <h3>Blockers</h3>
          <ul>
            {plan.blockers.map((d, i) => (
              <li key={i}>
                {d.code}: {d.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul>
            {plan.warnings.map((d, i) => (
              <li key={i}>
                {d.code}: {d.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
