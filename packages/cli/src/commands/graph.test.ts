import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/run-cli.ts';

const example = fileURLToPath(new URL('../../../../examples/end-to-end/workspace', import.meta.url));

describe('deployment-manager graph', () => {
  it('prints exactly the documented JSON keys', async () => {
    const { code, out } = await cli(['graph', 'recipe-hub', '--root', example, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['scenario', 'nodes', 'edges', 'order', 'cycles', 'diagnostics']);
    expect(doc.scenario).toBe('recipe-hub');
    expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual([
      'resource:n8n',
      'resource:ollama',
      'resource:postgres',
      'resource:qdrant',
      'resource:redis',
      'scenario:auth-lite',
      'scenario:recipe-hub',
    ]);
    for (const n of doc.nodes) expect(Object.keys(n)).toEqual(['id', 'kind', 'name']);
    for (const e of doc.edges) expect(Object.keys(e)).toEqual(['from', 'to', 'required', 'enabled']);
    expect(doc.edges).toContainEqual({ from: 'resource:n8n', to: 'resource:postgres', required: true, enabled: true });
    expect(doc.edges).toContainEqual({ from: 'scenario:recipe-hub', to: 'resource:redis', required: false, enabled: true });
    const pos = new Map<string, number>(doc.order.map((id: string, i: number) => [id, i]));
    for (const e of doc.edges) expect(pos.get(e.to)!).toBeLessThan(pos.get(e.from)!);
    expect(doc.cycles).toEqual([]);
  });

  it('drops optional edges of runtime.json under --policy active only when they are disabled', async () => {
    const all = JSON.parse((await cli(['graph', 'recipe-hub', '--root', example, '--json', '--policy', 'all'])).out);
    const active = JSON.parse((await cli(['graph', 'recipe-hub', '--root', example, '--json', '--policy', 'active'])).out);
    const key = (e: { from: string; to: string }) => `${e.from}>${e.to}`;
    const activeKeys = new Set(active.edges.map(key));
    for (const e of all.edges) expect(activeKeys.has(key(e))).toBe(e.enabled || e.required);
  });

  it('prints a tree with required/optional marks for humans', async () => {
    const { code, out } = await cli(['graph', 'recipe-hub', '--root', example]);
    expect(code).toBe(0);
    expect(out).toContain('scenario:recipe-hub');
    expect(out).toMatch(/\* resource:postgres/);
    expect(out).toMatch(/\? resource:redis/);
    expect(out).toMatch(/7 nodes, \d+ edges, 0 cycles/);
  });

  it('fails with a clear message for an unknown scenario or root', async () => {
    const missing = await cli(['graph', 'nope', '--root', example, '--json']);
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.out).error.code).toBe('SCENARIO_NOT_FOUND');
    expect(JSON.parse(missing.out).error.hint).toContain('recipe-hub');
    const noRoot = await cli(['graph', 'recipe-hub', '--root', '/definitely/not/here']);
    expect(noRoot.code).not.toBe(0);
    expect(noRoot.err).toContain('ROOT_NOT_FOUND');
    expect(noRoot.err).not.toMatch(/\n\s+at /); // no stack trace
    const bad = await cli(['graph', 'recipe-hub', '--root', example, '--policy', 'some']);
    expect(bad.err).toContain('INVALID_ARGUMENT');
  });
});
