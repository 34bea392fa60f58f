// A clicked node: the catalog's facts about it and, per tier, its score and
// every reason behind it with the deduction each made.
import { useMemo } from 'preact/hooks';
import type { NodeId } from '@deployment-manager/core/pure';
import { DEFAULT_CATALOG, lookupEntry, type CatalogEntry } from '@deployment-manager/catalog';
import { scoreGraph } from '@deployment-manager/fitness';
import { ALL_TIERS, type TierView } from '../model.ts';

function facts(entry: CatalogEntry): [string, string][] {
  const list = (xs: readonly string[]): string => (xs.length === 0 ? 'none' : xs.join(', '));
  return [
    ['category', entry.category],
    ['runs as a daemon', entry.daemon ? 'yes' : 'no'],
    ['network', entry.network],
    ['works offline', entry.offline ? 'yes' : 'no'],
    ['gpu', entry.gpu],
    ['memory', `${entry.ramMb} MiB`],
    ['disk', `${entry.diskMb} MiB`],
    ['licence', `${entry.license.spdx} (${entry.license.class})`],
    ['platforms', `${list(entry.platforms.os)} on ${list(entry.platforms.arch)}`],
    ['keeps', entry.persistence],
    ['provides', list(entry.provides)],
    ['requires', list(entry.requires)],
    ['secrets', entry.secrets === null ? 'not known' : list(entry.secrets.map((s) => s.env))],
    ['ports', list(entry.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`))],
  ];
}

/** The details panel of one node. */
export function NodeDetails({ view, id, onClose }: { view: TierView; id: NodeId; onClose: () => void }) {
  // Every tier's reasons, on the graph as it is after this tier's swaps.
  const report = useMemo(() => scoreGraph(view.graph), [view.graph]);
  const node = view.graph.nodes.find((n) => n.id === id);
  const line = report.dependencies.find((d) => d.id === id);
  const entry = line?.entry === null || line === undefined ? undefined : lookupEntry(DEFAULT_CATALOG, line.entry);
  if (node === undefined) return null;
  return (
    <section class="details" aria-label={`details of ${node.name}`} data-testid="node-details">
      <div class="details-head">
        <h2>{node.name}</h2>
        <button type="button" onClick={onClose}>
          close
        </button>
      </div>
      <p>
        {node.kind}
        {node.defined ? '' : ', not defined in the workspace'}
        {line === undefined ? ', the scenario being shipped' : `, ${line.role} dependency, weight ${line.weight}`}
      </p>
      {entry === undefined ? (
        line !== undefined && <p>The catalog does not know it: its fitness is unknown on every tier.</p>
      ) : (
        <>
          <p class="muted">{entry.description}</p>
          <table class="facts">
            <caption>catalog facts</caption>
            <tbody>
              {facts(entry).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {line !== undefined && (
        <div class="reasons">
          <h3>Score per tier and why</h3>
          {ALL_TIERS.map((t) => {
            const s = line.tiers[t];
            if (s === undefined) return null;
            return (
              <div key={t} class="tier-reasons" data-testid={`reasons-${t}`}>
                <h4>
                  {t}: {s.score === null ? 'unknown' : s.score}
                  {s.supported ? '' : ' ✕ not supported'}
                </h4>
                {s.reasons.length === 0 ? (
                  <p class="muted">no deduction: it fits</p>
                ) : (
                  <ul>
                    {s.reasons.map((r, i) => (
                      <li key={i}>
                        <span class="delta">{r.delta}</span> {r.subscore} · <code>{r.fact}</code>: {r.message}
                        {r.blocker ? ' (blocker)' : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {s.hint !== undefined && <p class="muted">{s.hint}</p>}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
