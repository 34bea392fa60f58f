import { describe, expect, it } from 'vitest';
import { buildGraph, compareIds, createGraph, getNode, isIncluded, spellingKey, toGraphology } from './graph.ts';
import { isSdkError } from './errors.ts';
import type { DeclaredDependency, Workspace } from './model.ts';

const dep = (name: string, kind: 'resource' | 'scenario', required: boolean, enabled: boolean): DeclaredDependency => ({
  name,
  kind,
  required,
  enabled,
  attributes: {},
  source: { file: 'x.json', path: `/dependencies/${name}` },
});

const scenario = (name: string, dependencies: DeclaredDependency[]) => ({
  name,
  dependencies,
  ports: [],
  health: [],
  secrets: [],
  envNames: [],
  file: `${name}.json`,
  raw: {},
});

const ws: Workspace = {
  root: '/ws',
  layout: 'vrooli',
  scenarios: new Map([
    ['token-economy', scenario('token-economy', [dep('postgres', 'resource', true, false), dep('qdrant', 'resource', false, false), dep('auth', 'scenario', true, true), dep('ghost', 'scenario', false, true)])],
    ['auth', scenario('auth', [dep('redis', 'resource', true, true)])],
  ]),
  resources: new Map([['redis', { name: 'redis', dependencies: [], extras: {}, file: 'r.json' }]]),
  diagnostics: [],
};

describe('buildGraph', () => {
  it('keeps disabled-but-required edges under the active policy and drops disabled optional ones', () => {
    const active = buildGraph(ws, 'token-economy', { policy: 'active' });
    expect(active.nodes.map((n) => n.id)).toEqual(['resource:postgres', 'resource:redis', 'scenario:auth', 'scenario:ghost', 'scenario:token-economy']);
    const all = buildGraph(ws, 'token-economy', { policy: 'all' });
    expect(all.nodes.map((n) => n.id)).toContain('resource:qdrant');
    const pg = all.edges.find((e) => e.to === 'resource:postgres')!;
    expect(pg).toMatchObject({ required: true, enabled: false, kind: 'scenario-resource' });
  });

  it('keeps the edge to a missing scenario and reports it', () => {
    const g = buildGraph(ws, 'token-economy');
    expect(g.nodes.find((n) => n.id === 'scenario:ghost')).toMatchObject({ defined: false });
    expect(g.diagnostics.map((d) => d.code)).toEqual(['SCENARIO_MISSING']);
  });

  it('throws SCENARIO_NOT_FOUND with a hint for an unknown scenario', () => {
    let caught: unknown;
    try {
      buildGraph(ws, 'nope');
    } catch (e) {
      caught = e;
    }
    expect(isSdkError(caught, 'SCENARIO_NOT_FOUND')).toBe(true);
    expect((caught as { hint: string }).hint).toContain('token-economy');
  });
});

describe('createGraph', () => {
  it('merges duplicate edges with required/enabled OR-ed', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'resource:pg', required: false, enabled: true },
        { from: 'scenario:a', to: 'resource:pg', required: true, enabled: false },
      ],
    });
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]).toMatchObject({ required: true, enabled: true });
  });

  it('keeps a flag false when both duplicates have it false (OR, not a default of true)', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'resource:pg', required: false, enabled: false },
        { from: 'scenario:a', to: 'resource:pg', required: false, enabled: false },
      ],
    });
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]).toMatchObject({ required: false, enabled: false });
  });

  it('rejects node ids without a kind prefix', () => {
    expect(() => createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'pg' as never }] })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('isIncluded', () => {
  it('keeps every edge under `all`, and under `active` only enabled or required ones', () => {
    const edges = [
      { enabled: true, required: true },
      { enabled: true, required: false },
      { enabled: false, required: true },
      { enabled: false, required: false },
    ];
    expect(edges.map((e) => isIncluded(e, 'all'))).toEqual([true, true, true, true]);
    expect(edges.map((e) => isIncluded(e, 'active'))).toEqual([true, true, true, false]);
  });
});

describe('compareIds', () => {
  it('orders by code unit, not by locale: upper case before lower case, equal ids compare 0', () => {
    expect(['resource:b', 'resource:B', 'resource:a', 'resource:a'].sort(compareIds)).toEqual(['resource:B', 'resource:a', 'resource:a', 'resource:b']);
    expect([compareIds('a', 'b'), compareIds('b', 'a'), compareIds('a', 'a')]).toEqual([-1, 1, 0]);
    expect(compareIds('resource:é', 'resource:z')).toBe(1);
  });
});

describe('getNode and toGraphology', () => {
  const g = createGraph({
    root: 'scenario:app',
    nodes: [{ id: 'scenario:auth', defined: false }],
    edges: [
      { from: 'scenario:app', to: 'resource:postgres', required: true, enabled: false },
      { from: 'scenario:app', to: 'scenario:auth', required: false },
      { from: 'scenario:auth', to: 'scenario:auth' },
    ],
  });

  it('looks a node up by id, and throws NODE_NOT_FOUND naming the id otherwise', () => {
    expect(getNode(g, 'resource:postgres')).toMatchObject({ id: 'resource:postgres', kind: 'resource', name: 'postgres' });
    expect(getNode(g, 'scenario:auth')).toMatchObject({ kind: 'scenario', name: 'auth' });
    let thrown: unknown;
    try {
      getNode(g, 'resource:redis');
    } catch (e) {
      thrown = e;
    }
    expect(isSdkError(thrown, 'NODE_NOT_FOUND')).toBe(true);
    expect((thrown as Error).message).toContain('resource:redis');
    expect((thrown as Error).message).toContain('scenario:app');
    expect((thrown as { hint: string }).hint).toContain('resource:postgres');
  });

  it('gives the same nodes and directed edges (dependent -> dependency, self-loops kept) with their flags, once per graph', () => {
    const view = toGraphology(g);
    expect(view.nodes().sort()).toEqual(g.nodes.map((n) => n.id));
    expect(view.getNodeAttributes('scenario:auth')).toEqual({ kind: 'scenario', name: 'auth', defined: false });
    expect(view.getNodeAttributes('resource:postgres')).toEqual({ kind: 'resource', name: 'postgres', defined: true });
    expect(view.mapEdges((_, a, from, to) => [from, to, a['required'], a['enabled']]).sort()).toEqual(
      g.edges.map((e) => [e.from, e.to, e.required, e.enabled]).sort(),
    );
    expect(view.hasEdge('scenario:app', 'resource:postgres') && !view.hasEdge('resource:postgres', 'scenario:app')).toBe(true);
    expect(toGraphology(g)).toBe(view);
  });
});

describe('dependency spellings', () => {
  it('reads every `_` of a name as `-`, and nothing else', () => {
    expect(spellingKey('node_red')).toBe('node-red');
    expect(spellingKey('a_b__c')).toBe('a-b--c');
    expect(spellingKey('node-red')).toBe('node-red');
    expect(spellingKey('Node.Red')).toBe('Node.Red');
  });

  // A Vrooli service.json may spell a folder `node-red` as `node_red` (or the other way round).
  const spelled: Workspace = {
    root: '/ws',
    layout: 'vrooli',
    scenarios: new Map([
      ['app', scenario('app', [dep('node_red', 'resource', true, true), dep('browser-less', 'resource', true, true), dep('agent_hub', 'scenario', false, true), dep('nowhere_x', 'resource', false, true)])],
      ['agent-hub', scenario('agent-hub', [])],
    ]),
    resources: new Map([
      ['node-red', { name: 'node-red', dependencies: [], extras: {}, file: 'n.json' }],
      ['browser_less', { name: 'browser_less', dependencies: [], extras: {}, file: 'b.json' }],
    ]),
    diagnostics: [],
  };

  it('finds the workspace folder a dependency spells with `_` for `-` or `-` for `_`, and says so', () => {
    const g = buildGraph(spelled, 'app', { policy: 'active' });
    expect(g.nodes.map((n) => n.id)).toEqual(['resource:browser_less', 'resource:node-red', 'resource:nowhere_x', 'scenario:agent-hub', 'scenario:app']);
    const normalized = g.diagnostics.filter((d) => d.code === 'DEPENDENCY_NAME_NORMALIZED');
    expect(normalized.map((d) => [d.severity, d.message, d.path])).toEqual([
      ['info', 'resource dependency "node_red" is read as "node-red", the workspace\'s spelling', '/dependencies/node_red'],
      ['info', 'resource dependency "browser-less" is read as "browser_less", the workspace\'s spelling', '/dependencies/browser-less'],
      ['info', 'scenario dependency "agent_hub" is read as "agent-hub", the workspace\'s spelling', '/dependencies/agent_hub'],
    ]);
    // A name that matches no folder in any spelling stays as declared.
    expect(g.diagnostics.some((d) => d.message.includes('nowhere_x') && d.code === 'DEPENDENCY_NAME_NORMALIZED')).toBe(false);
  });
});

describe('buildGraph, hand-built workspaces', () => {
  const caught = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  const onlyScenarios = (names: string[]): Workspace => ({ root: '/ws', layout: 'vrooli', scenarios: new Map(names.map((n) => [n, scenario(n, [])])), resources: new Map(), diagnostics: [] });

  it('follows every declared edge by default (policy all), and says so on the graph', () => {
    const g = buildGraph(ws, 'token-economy');
    expect(g.policy).toBe('all');
    expect(g.root).toBe('scenario:token-economy');
    expect(g.nodes.map((n) => n.id)).toEqual(['resource:postgres', 'resource:qdrant', 'resource:redis', 'scenario:auth', 'scenario:ghost', 'scenario:token-economy']);
    expect(buildGraph(ws, 'token-economy', { policy: 'active' }).policy).toBe('active');
  });

  it('names the unknown scenario, the root and the known ones (sorted, at most 20) in SCENARIO_NOT_FOUND', () => {
    const e = caught(() => buildGraph(ws, 'nope')) as { message: string; hint: string; details: unknown };
    expect(isSdkError(e, 'SCENARIO_NOT_FOUND')).toBe(true);
    expect(e.message).toContain('"nope"');
    expect(e.message).toContain('/ws');
    expect(e.hint).toBe('known scenarios: auth, token-economy');
    expect(e.details).toEqual({ scenario: 'nope', root: '/ws' });
    const names = Array.from({ length: 21 }, (_, i) => `s${String(20 - i).padStart(2, '0')}`); // s20 ... s00, unsorted
    const many = caught(() => buildGraph(onlyScenarios(names), 'nope')) as { hint: string };
    expect(many.hint).toBe(`known scenarios: ${[...names].sort().slice(0, 20).join(', ')}, ...`);
    const twenty = caught(() => buildGraph(onlyScenarios(names.slice(1)), 'nope')) as { hint: string };
    expect(twenty.hint).toBe(`known scenarios: ${names.slice(1).sort().join(', ')}`);
    const none = caught(() => buildGraph(onlyScenarios([]), 'nope')) as { hint: string };
    expect(none.hint).toBe('the root holds no scenarios; check --root');
  });

  it('visits each node once: a cycle back to the root, a diamond and a twice-missing scenario add no node, edge or diagnostic twice', () => {
    const w: Workspace = {
      root: '/ws',
      layout: 'vrooli',
      scenarios: new Map([
        ['app', scenario('app', [dep('b', 'scenario', true, true), dep('c', 'scenario', true, true), dep('node_red', 'resource', true, true)])],
        ['b', scenario('b', [dep('app', 'scenario', true, true), dep('gone', 'scenario', true, true), dep('pg', 'resource', true, true)])],
        ['c', scenario('c', [dep('gone', 'scenario', true, true), dep('pg', 'resource', true, true)])],
      ]),
      resources: new Map([
        ['node-red', { name: 'node-red', dependencies: [], extras: {}, file: 'n.json' }],
        ['pg', { name: 'pg', dependencies: [], extras: {}, file: 'p.json' }],
      ]),
      diagnostics: [],
    };
    const g = buildGraph(w, 'app');
    expect(g.nodes.map((n) => [n.id, n.defined])).toEqual([
      ['resource:node-red', true],
      ['resource:pg', true],
      ['scenario:app', true],
      ['scenario:b', true],
      ['scenario:c', true],
      ['scenario:gone', false],
    ]);
    expect(g.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      'scenario:app>resource:node-red',
      'scenario:app>scenario:b',
      'scenario:app>scenario:c',
      'scenario:b>resource:pg',
      'scenario:b>scenario:app',
      'scenario:b>scenario:gone',
      'scenario:c>resource:pg',
      'scenario:c>scenario:gone',
    ]);
    expect(g.diagnostics.map((d) => d.code)).toEqual(['DEPENDENCY_NAME_NORMALIZED', 'SCENARIO_MISSING']);
  });

  it('reports only the missing scenario, at the dependency that declares it, with a hint', () => {
    const d = buildGraph(ws, 'token-economy').diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'SCENARIO_MISSING', severity: 'warning', file: 'x.json', path: '/dependencies/ghost' });
    expect(d[0]!.message).toContain('"ghost"');
    expect(d[0]!.hint).toContain('add the scenario to the workspace');
  });

  it('follows a resource\'s own runtime dependencies, with resource edge kinds', () => {
    const w: Workspace = {
      root: '/ws',
      layout: 'vrooli',
      scenarios: new Map([['app', scenario('app', [dep('n8n', 'resource', true, true)])]]),
      resources: new Map([
        ['n8n', { name: 'n8n', dependencies: [dep('postgres', 'resource', true, true), dep('helper', 'scenario', false, true)], extras: {}, file: 'n8n.json' }],
        ['postgres', { name: 'postgres', dependencies: [], extras: {}, file: 'pg.json' }],
      ]),
      diagnostics: [],
    };
    const g = buildGraph(w, 'app');
    expect(g.nodes.map((n) => [n.id, n.defined])).toEqual([
      ['resource:n8n', true],
      ['resource:postgres', true],
      ['scenario:app', true],
      ['scenario:helper', false],
    ]);
    expect(g.edges.map((e) => [e.from, e.to, e.kind])).toEqual([
      ['resource:n8n', 'resource:postgres', 'resource-resource'],
      ['resource:n8n', 'scenario:helper', 'resource-scenario'],
      ['scenario:app', 'resource:n8n', 'scenario-resource'],
    ]);
  });

  it('carries a declared purpose and version into the edge attributes, beside the verbatim extras', () => {
    const withFacts = (facts: Partial<DeclaredDependency>): DeclaredDependency => ({ ...dep('pg', 'resource', true, true), attributes: { port: 5432 }, ...facts });
    const attributesOf = (d: DeclaredDependency) =>
      buildGraph({ root: '/ws', layout: 'vrooli', scenarios: new Map([['app', scenario('app', [d])]]), resources: new Map(), diagnostics: [] }, 'app').edges[0]!.attributes;
    expect(attributesOf(withFacts({ purpose: 'store', version: '16' }))).toStrictEqual({ port: 5432, purpose: 'store', version: '16' });
    expect(attributesOf(withFacts({ purpose: 'store' }))).toStrictEqual({ port: 5432, purpose: 'store' });
    expect(attributesOf(withFacts({ version: '16' }))).toStrictEqual({ port: 5432, version: '16' });
    expect(attributesOf(withFacts({}))).toStrictEqual({ port: 5432 });
  });

  it('tells how to spell a normalized dependency', () => {
    const w: Workspace = {
      root: '/ws',
      layout: 'vrooli',
      scenarios: new Map([['app', scenario('app', [dep('node_red', 'resource', true, true)])]]),
      resources: new Map([['node-red', { name: 'node-red', dependencies: [], extras: {}, file: 'n.json' }]]),
      diagnostics: [],
    };
    expect(buildGraph(w, 'app').diagnostics[0]!.hint).toContain('"node-red"');
  });
});

describe('createGraph normal form', () => {
  it('fills edge defaults: required, enabled, an in-memory source, no attributes; every endpoint a defined node', () => {
    const g = createGraph({ root: 'scenario:app', edges: [{ from: 'scenario:app', to: 'resource:pg' }, { from: 'resource:pg', to: 'resource:disk' }] });
    expect(g.policy).toBe('all');
    expect(g.diagnostics).toEqual([]);
    expect(g.nodes).toEqual([
      { id: 'resource:disk', kind: 'resource', name: 'disk', defined: true },
      { id: 'resource:pg', kind: 'resource', name: 'pg', defined: true },
      { id: 'scenario:app', kind: 'scenario', name: 'app', defined: true },
    ]);
    expect(g.edges).toStrictEqual([
      { from: 'resource:pg', to: 'resource:disk', kind: 'resource-resource', required: true, enabled: true, source: { file: '<memory>', path: '' }, attributes: {} },
      { from: 'scenario:app', to: 'resource:pg', kind: 'scenario-resource', required: true, enabled: true, source: { file: '<memory>', path: '' }, attributes: {} },
    ]);
  });

  it('keeps the given policy, flags, source, attributes and diagnostics', () => {
    const diagnostic = { code: 'X', severity: 'info' as const, path: '', message: 'carried' };
    const source = { file: 'a.json', path: '/dependencies/pg' };
    const g = createGraph({ root: 'scenario:app', policy: 'active', diagnostics: [diagnostic], edges: [{ from: 'scenario:app', to: 'resource:pg', required: false, enabled: false, source, attributes: { a: 1 } }] });
    expect(g.policy).toBe('active');
    expect(g.diagnostics).toEqual([diagnostic]);
    expect(g.edges[0]).toMatchObject({ required: false, enabled: false, source, attributes: { a: 1 } });
  });

  it('marks a node undefined when any listing says so, and defined otherwise (the root, listed nodes, edge endpoints)', () => {
    const g = createGraph({
      root: 'scenario:app',
      nodes: [{ id: 'scenario:app' }, { id: 'resource:a', defined: false }, { id: 'resource:b' }, { id: 'resource:b', defined: false }, { id: 'resource:c', defined: false }, { id: 'resource:c' }, { id: 'resource:d', defined: true }],
      edges: [{ from: 'scenario:app', to: 'resource:a' }, { from: 'resource:d', to: 'resource:e' }],
    });
    expect(g.nodes.map((n) => [n.id, n.defined])).toEqual([
      ['resource:a', false],
      ['resource:b', false],
      ['resource:c', false],
      ['resource:d', true],
      ['resource:e', true],
      ['scenario:app', true],
    ]);
    expect(createGraph({ root: 'scenario:app', nodes: [{ id: 'scenario:app', defined: false }], edges: [] }).nodes).toEqual([{ id: 'scenario:app', kind: 'scenario', name: 'app', defined: false }]);
  });

  it('sorts each dependent\'s edges by dependency, whatever the input order, and merges only equal pairs', () => {
    const g = createGraph({
      root: 'scenario:app',
      edges: [
        { from: 'scenario:app', to: 'resource:c', required: false },
        { from: 'scenario:app', to: 'resource:a', required: false },
        { from: 'resource:a', to: 'resource:c' },
        { from: 'scenario:app', to: 'resource:b' },
        { from: 'scenario:app', to: 'resource:a', enabled: false },
      ],
    });
    expect(g.edges.map((e) => [e.from, e.to, e.required, e.enabled])).toEqual([
      ['resource:a', 'resource:c', true, true],
      ['scenario:app', 'resource:a', true, true],
      ['scenario:app', 'resource:b', true, true],
      ['scenario:app', 'resource:c', false, true],
    ]);
  });

  it('names the bad id in INVALID_ARGUMENT and says how to build one', () => {
    let thrown: unknown;
    try {
      createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'pg' as never }] });
    } catch (e) {
      thrown = e;
    }
    expect(isSdkError(thrown, 'INVALID_ARGUMENT')).toBe(true);
    expect((thrown as Error).message).toContain('"pg"');
    expect((thrown as { hint: string }).hint).toContain('nodeId(kind, name)');
  });
});
