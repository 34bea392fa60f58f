// The page: loads the workspace once, keeps the user's choices (scenario,
// tier, swaps per tier, selected node, open view) and derives everything else
// with the SDK's functions, in the page.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { NodeId, Tier, Workspace } from '@deployment-manager/core/pure';
import type { SwapSpec } from '@deployment-manager/fitness';
import type { UiSession } from '../src/wire-types.ts';
import { workspaceFromWire } from '../src/workspace-wire.ts';
import { loadSession } from './api.ts';
import { ALL_TIERS, scenarioModel, tierView, type ScenarioModel, type TierView } from './model.ts';
import { ExportWizard } from './views/export-wizard.tsx';
import { GraphView } from './views/graph-view.tsx';
import { NodeDetails } from './views/node-details.tsx';
import { PlanView } from './views/plan-view.tsx';
import { SecretsView } from './views/secrets-view.tsx';
import { SwapPanel } from './views/swap-panel.tsx';
import { TierCards } from './views/tier-cards.tsx';
import { WarningsList } from './views/warnings-list.tsx';

type ViewName = 'graph' | 'secrets' | 'plan' | 'export';
const VIEWS: readonly { readonly id: ViewName; readonly label: string }[] = [
  { id: 'graph', label: 'Graph & swaps' },
  { id: 'secrets', label: 'Secret plan' },
  { id: 'plan', label: 'Deployment plan' },
  { id: 'export', label: 'Export' },
];

type SwapsByTier = Readonly<Partial<Record<Tier, readonly SwapSpec[]>>>;

function initialScenario(session: UiSession): string | null {
  const fromHash = decodeURIComponent(location.hash.slice(1));
  return session.scenarios.includes(fromHash) ? fromHash : session.scenario;
}

/** The whole page. */
export function App() {
  const [loaded, setLoaded] = useState<{ session: UiSession; workspace: Workspace } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scenario, setScenario] = useState<string | null>(null);
  useEffect(() => {
    loadSession()
      .then(({ session, workspace }) => {
        performance.mark('dm:data-ready');
        setLoaded({ session, workspace: workspaceFromWire(workspace) });
        setScenario(initialScenario(session));
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  const choose = (name: string): void => {
    history.replaceState(null, '', `#${encodeURIComponent(name)}`);
    setScenario(name);
  };
  return (
    <div class="page">
      <header class="top">
        <h1>deployment-manager</h1>
        {loaded !== null && (
          <label class="picker">
            Scenario{' '}
            <select data-testid="scenario-picker" value={scenario ?? ''} onChange={(e) => choose((e.currentTarget as HTMLSelectElement).value)}>
              {scenario === null && <option value="">choose a scenario</option>}
              {loaded.session.scenarios.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {loaded !== null && <span class="root">workspace {loaded.session.root}</span>}
      </header>
      <main>
        {error !== null && <p role="alert" class="error">could not load the workspace: {error}</p>}
        {loaded === null && error === null && <p>loading the workspace...</p>}
        {loaded !== null && scenario === null && <p>Pick a scenario above to see its dependency graph and how it fits each tier.</p>}
        {loaded !== null && scenario !== null && <ScenarioPage key={scenario} workspace={loaded.workspace} scenario={scenario} session={loaded.session} />}
      </main>
    </div>
  );
}

function ScenarioPage({ workspace, scenario, session }: { workspace: Workspace; scenario: string; session: UiSession }) {
  const model: ScenarioModel = useMemo(() => scenarioModel(workspace, scenario, session.policy), [workspace, scenario, session.policy]);
  const [tier, setTier] = useState<Tier>('desktop');
  const [swaps, setSwaps] = useState<SwapsByTier>({});
  const [selected, setSelected] = useState<NodeId | null>(null);
  const [view, setView] = useState<ViewName>('graph');
  // One view per tier, recomputed only when that tier's swaps change.
  const views = useTierViews(model, swaps);
  const current = views[tier] as TierView;
  const setTierSwaps = (t: Tier, next: readonly SwapSpec[]): void => {
    performance.mark('dm:swap-start');
    setSwaps({ ...swaps, [t]: next });
  };
  useLayoutEffect(() => {
    if (performance.getEntriesByName('dm:first-render').length === 0) performance.mark('dm:first-render');
  }, []);
  useLayoutEffect(() => {
    if (performance.getEntriesByName('dm:swap-start').length > performance.getEntriesByName('dm:swap-scored').length) {
      performance.mark('dm:swap-scored');
      performance.measure('dm:swap', 'dm:swap-start', 'dm:swap-scored');
    }
  }, [swaps]);
  return (
    <>
      <TierCards views={views} selected={tier} onSelect={setTier} />
      <nav class="tabs" aria-label="views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" class="tab" aria-pressed={view === v.id} data-testid={`view-${v.id}`} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      {view === 'graph' && (
        <div class="graph-layout">
          <section class="graph-panel" aria-label="dependency graph">
            <GraphView view={current} selected={selected} onSelect={setSelected} />
          </section>
          <aside class="side">
            {selected !== null && current.graph.nodes.some((n) => n.id === selected) ? (
              <NodeDetails view={current} id={selected} onClose={() => setSelected(null)} />
            ) : (
              <SwapPanel model={model} view={current} onChange={(next) => setTierSwaps(tier, next)} />
            )}
            <WarningsList model={model} view={current} />
          </aside>
        </div>
      )}
      {view === 'secrets' && <SecretsView model={model} view={current} />}
      {view === 'plan' && <PlanView model={model} views={views} tier={tier} session={session} />}
      {view === 'export' && <ExportWizard model={model} views={views} initialTier={tier} onSwaps={setTierSwaps} policy={session.policy} workspace={workspace} />}
    </>
  );
}

function useTierViews(model: ScenarioModel, swaps: SwapsByTier): Readonly<Record<Tier, TierView>> {
  const [cache] = useState(() => new Map<string, TierView>());
  return useMemo(() => {
    const out = {} as Record<Tier, TierView>;
    for (const t of ALL_TIERS) {
      const chosen = swaps[t] ?? [];
      const key = `${t}|${chosen.map((s) => `${s.from}>${s.to}`).join(',')}`;
      let v = cache.get(key);
      if (v === undefined) {
        v = tierView(model, t, chosen);
        cache.set(key, v);
      }
      out[t] = v;
    }
    return out;
  }, [model, swaps, cache]);
}
