import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { createGraph, type NodeId } from '@deployment-manager/core';
import { dagArb, graphOf, pickerWheel, withResources } from '../test/graphs.ts';
import { applySwaps, parseSwapArg, planSwaps, requirementEdges, type SwapSpec } from './apply-swaps.ts';
import { DEFAULT_CATALOG } from '@deployment-manager/catalog';
import { cascade } from './cascade.ts';
import { thrownCode } from '../test/thrown-code.ts';


// Swap sets without chains or conflicts: distinct sources, targets never among the sources.
const SOURCES = ['postgres', 'redis', 'qdrant', 'ollama', 'n8n', 'minio', 'browserless', 'vault', 'whisper'];
const TARGETS = ['sqlite', 'in-process-cache', 'local-vector-index', 'openrouter', 'embedded-workflows', 'playwright-driver', 'local-filesystem', 'os-keychain', 'anthropic'];
const swapSetArb: fc.Arbitrary<SwapSpec[]> = fc
  .uniqueArray(fc.constantFrom(...SOURCES), { maxLength: 4 })
  .chain((from) => fc.tuple(...from.map(() => fc.constantFrom(...TARGETS)), fc.constant('')).map((to) => from.map((f, i) => ({ from: f, to: to[i] as string }))));

describe('parseSwapArg', () => {
  it('parses from=to and from=to@tiers', () => {
    expect(parseSwapArg('postgres=sqlite')).toEqual({ from: 'postgres', to: 'sqlite' });
    expect(parseSwapArg(' ollama = openrouter@mobile,saas ')).toEqual({ from: 'ollama', to: 'openrouter', tiers: ['mobile', 'saas'] });
  });
  it('rejects malformed swaps with SWAP_INVALID', () => {
    for (const bad of ['postgres', '=sqlite', 'a=b=c', 'a=b@moon']) expect(thrownCode(() => parseSwapArg(bad))).toBe('SWAP_INVALID');
  });
});

describe('applySwaps', () => {
  it('redirects dependents, adds requirements transitively and removes orphans', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'resource:qdrant', attributes: { purpose: 'search' } },
        { from: 'scenario:a', to: 'resource:windmill' },
        { from: 'resource:windmill', to: 'resource:postgres' },
      ],
    });
    const next = applySwaps(g, [{ from: 'qdrant', to: 'local-vector-index' }, { from: 'windmill', to: 'embedded-workflows' }]);
    expect(next.nodes.map((n) => n.id)).toEqual(['resource:embedded-workflows', 'resource:local-vector-index', 'resource:sqlite', 'scenario:a']);
    const edge = next.edges.find((e) => e.to === 'resource:local-vector-index');
    expect(edge?.attributes).toMatchObject({ purpose: 'search', swappedFrom: ['resource:qdrant'] });
  });

  it('rejects unknown targets, conflicts, chains and the root with SWAP_INVALID', () => {
    const g = pickerWheel();
    expect(thrownCode(() => applySwaps(g, [{ from: 'postgres', to: 'nope' }]))).toBe('SWAP_INVALID');
    expect(thrownCode(() => applySwaps(g, [{ from: 'postgres', to: 'sqlite' }, { from: 'postgres', to: 'supabase' }]))).toBe('SWAP_INVALID');
    expect(thrownCode(() => applySwaps(g, [{ from: 'postgres', to: 'qdrant-cloud' }, { from: 'qdrant-cloud', to: 'faiss' }]))).toBe(undefined);
    expect(thrownCode(() => applySwaps(g, [{ from: 'postgres', to: 'qdrant' }, { from: 'qdrant', to: 'faiss' }]))).toBe('SWAP_INVALID');
    expect(thrownCode(() => applySwaps(g, [{ from: 'scenario:picker-wheel', to: 'sqlite' }]))).toBe('SWAP_INVALID');
  });

  it('a bare name swaps the resource of that name, never a scenario of the same name, so twice is once', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'resource:postgres' },
        { from: 'scenario:a', to: 'scenario:postgres' },
      ],
    });
    const once = applySwaps(g, [{ from: 'postgres', to: 'sqlite' }]);
    expect(once.nodes.map((n) => n.id)).toEqual(['resource:sqlite', 'scenario:a', 'scenario:postgres']);
    expect(applySwaps(once, [{ from: 'postgres', to: 'sqlite' }])).toEqual(once);
    // Only the scenario left by that name: the bare name skips it, its id swaps it.
    expect(planSwaps(once, [{ from: 'postgres', to: 'sqlite' }]).skipped).toEqual([{ from: 'postgres', to: 'sqlite' }]);
    expect(applySwaps(once, [{ from: 'scenario:postgres', to: 'redis' }]).nodes.map((n) => n.id)).toEqual(['resource:redis', 'resource:sqlite', 'scenario:a']);
    // Two resources answering to one name (an alias of the same catalog entry) stay ambiguous.
    const two = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:postgres' }, { from: 'scenario:a', to: 'resource:postgresql' }] });
    expect(thrownCode(() => applySwaps(two, [{ from: 'postgres', to: 'sqlite' }]))).toBe('SWAP_INVALID');
  });

  it('skips swaps meant for other tiers', () => {
    const g = pickerWheel();
    expect(applySwaps(g, [{ from: 'postgres', to: 'sqlite', tiers: ['desktop'] }], { tier: 'saas' })).toBe(g);
  });

  it('a swap set commutes (any order) and is idempotent', () => {
    // The graph holds every swap's source (withResources), so each set changes it; it may also hold
    // a scenario of the same name as a swapped resource, which a bare name never swaps.
    const caseArb = fc
      .tuple(dagArb, swapSetArb.filter((s) => s.length > 0), fc.integer())
      .map(([d, swaps, seed]) => ({ g: graphOf(withResources(d, swaps.map((s) => s.from))), swaps, seed }));
    let changed = 0;
    let stepwiseChecked = 0;
    fc.assert(
      fc.property(caseArb, ({ g, swaps, seed }) => {
        const once = applySwaps(g, swaps);
        if (once !== g) changed++;
        const reordered = [...swaps].sort((a, b) => ((a.from.length * 31 + seed) % 7) - ((b.from.length * 31 + seed) % 7) || (a.from < b.from ? 1 : -1));
        expect(applySwaps(g, reordered)).toEqual(once);
        expect(applySwaps(once, swaps)).toEqual(once);
        // One at a time, in either order, gives the same graph too - unless one swap orphans a node
        // another swap then points at: applied one by one, the orphan is gone (with its declared
        // edges) before the second swap re-adds it fresh. That limitation is documented; the
        // property holds everywhere else.
        const broughtIn = (specs: readonly SwapSpec[]): Set<string> => {
          const targets = specs.map((s) => `resource:${s.to}` as NodeId);
          return new Set([...targets, ...requirementEdges(DEFAULT_CATALOG, targets, new Map(), new Set()).map((r) => r.to)]);
        };
        const orphansATarget = swaps.some((a) => {
          const others = broughtIn(swaps.filter((b) => b !== a));
          return [...planSwaps(g, [a]).removed.keys()].some((id) => others.has(id));
        });
        if (!orphansATarget) {
          stepwiseChecked++;
          const stepwise = swaps.reduce((acc, s) => applySwaps(acc, [s]), g);
          const backwards = [...swaps].reverse().reduce((acc, s) => applySwaps(acc, [s]), g);
          expect(backwards).toEqual(stepwise);
        }
      }),
      { numRuns: 150 },
    );
    expect(changed).toBe(150);
    expect(stepwiseChecked / 150).toBeGreaterThan(0.8);
  });
});

describe('cascade', () => {
  test.prop([dagArb, fc.constantFrom('desktop', 'mobile', 'saas' as const)], { numRuns: 100 })('the cascade of the empty swap set is empty', (d, tier) => {
    const c = cascade(graphOf(d), [], tier);
    expect([c.applied, c.capabilitiesLost, c.added, c.removed, c.secrets.added, c.secrets.removed, c.secrets.changed, c.ports.added, c.ports.freed, c.followUps]).toEqual(
      [[], [], [], [], [], [], [], [], [], []],
    );
    for (const f of Object.values(c.fitness)) expect(f.delta).toBe(0);
  });

  it('picker-wheel postgres -> sqlite on desktop: jsonb is lost (assumed), postgres secrets and port go', () => {
    const c = cascade(pickerWheel(), [parseSwapArg('postgres=sqlite')], 'desktop');
    expect(c.capabilitiesLost).toEqual([
      { dependent: 'scenario:picker-wheel', from: 'resource:postgres', to: 'resource:sqlite', needs: ['jsonb', 'sql'], needsSource: 'assumed', lost: ['jsonb'] },
    ]);
    expect(c.secrets.removed.map((s) => s.env).sort()).toEqual(['POSTGRES_PASSWORD', 'POSTGRES_USER']);
    expect(c.ports.freed.map((p) => p.port)).toEqual([5432]);
    expect(c.added).toEqual([{ id: 'resource:sqlite', reason: 'replacement', by: 'resource:postgres' }]);
    expect(c.fitness.desktop?.delta).toBeGreaterThan(0);
  });

  it('uses declared needs when the edge states them', () => {
    const g = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:postgres', attributes: { capabilities: ['sql'] } }] });
    expect(cascade(g, [{ from: 'postgres', to: 'sqlite' }], 'desktop').capabilitiesLost).toEqual([]);
    const g2 = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:postgres', attributes: { needs: ['listen-notify'] } }] });
    expect(cascade(g2, [{ from: 'postgres', to: 'sqlite' }], 'desktop').capabilitiesLost[0]).toMatchObject({ needsSource: 'declared', lost: ['listen-notify'] });
  });

  it('reports requirements added transitively and orphans removed, with new secrets', () => {
    const g = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'resource:windmill' }, { from: 'resource:windmill', to: 'resource:postgres' }, { from: 'scenario:a', to: 'resource:ollama' }] });
    const c = cascade(g, [{ from: 'windmill', to: 'embedded-workflows' }, { from: 'ollama', to: 'openrouter' }], 'desktop');
    expect(c.added.map((a) => `${a.id}:${a.reason}`)).toEqual(['resource:embedded-workflows:replacement', 'resource:openrouter:replacement', 'resource:sqlite:requirement']);
    expect(c.removed.map((r) => `${r.id}:${r.reason}`)).toEqual(['resource:ollama:replaced', 'resource:postgres:orphaned', 'resource:windmill:replaced']);
    expect(c.secrets.added.map((s) => s.id)).toEqual(['openrouter.api_key']);
    // workflow-engine and llm-inference (the assumed needs) are both provided by the replacements
    const lost: NodeId[] = c.capabilitiesLost.map((l) => l.dependent);
    expect(lost).toEqual([]);
  });
});
