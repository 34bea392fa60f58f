import { describe, expect, it } from 'vitest';
import { buildGraph, createGraph } from './graph.ts';
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
