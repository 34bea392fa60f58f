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
