import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace } from '@deployment-manager/core';
import { cascade, parseSwapArg, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { cli } from '../../cli/test/run-cli.ts';

const ROOT = new URL('../../../../shared/fixtures/vrooli/', import.meta.url).pathname;
const graph = buildGraph(loadWorkspace(ROOT), 'picker-wheel');

describe('picker-wheel, desktop tier, default model (real fixture)', () => {
  it('postgres, ollama, n8n and qdrant each carry reasons', () => {
    const report = scoreGraph(graph, { tiers: ['desktop'] });
    for (const name of ['postgres', 'ollama', 'n8n', 'qdrant']) {
      expect(report.dependencies.find((d) => d.id === `resource:${name}`)?.tiers.desktop?.reasons.length).toBeGreaterThan(0);
    }
  });

  it('suggests postgres -> sqlite and ollama -> a packaged model or a hosted api', () => {
    const s = suggestSwaps(graph, 'desktop');
    expect(s.some((x) => x.from === 'resource:postgres' && x.to === 'sqlite' && x.gain > 0)).toBe(true);
    expect(s.some((x) => x.from === 'resource:ollama' && ['packaged-model', 'openrouter', 'openai', 'anthropic'].includes(x.to))).toBe(true);
    expect(s.find((x) => x.to === 'sqlite')?.lacks).toContain('jsonb');
  });

  it('cascading postgres -> sqlite reports the jsonb loss for picker-wheel and removes the postgres secrets', () => {
    const c = cascade(graph, [parseSwapArg('postgres=sqlite')], 'desktop');
    const loss = c.capabilitiesLost.find((l) => l.dependent === 'scenario:picker-wheel');
    expect(loss?.lost).toContain('jsonb');
    expect(loss?.needsSource).toBe('assumed');
    expect(c.secrets.removed.map((x) => x.env)).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD', 'POSTGRES_USER']));
    expect(c.removed.map((r) => r.id)).toContain('resource:postgres');
  });
});

describe('CLI commands on the fixtures', () => {
  it('fitness --json has the documented shape', async () => {
    const { code, out } = await cli('fitness', ['picker-wheel', '--root', ROOT, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['scenario', 'model', 'tiers', 'dependencies', 'suggestions']);
    expect(Object.keys(doc.tiers)).toEqual(['local', 'desktop', 'mobile', 'saas', 'enterprise']);
    expect(Object.keys(doc.tiers.desktop)).toEqual(['score', 'subscores', 'blockers', 'warnings', 'reasons']);
    expect(doc.suggestions[0]).toMatchObject({ from: expect.any(String), to: expect.any(String), tiers: expect.any(Array), gain: expect.any(Number), effort: expect.any(String) });
  });

  it('fitness prints the table per tier', async () => {
    const { code, out } = await cli('fitness', ['picker-wheel', '--root', ROOT, '--tier', 'desktop']);
    expect(code).toBe(0);
    expect(out).toContain('Dependency');
    expect(out).toContain('Suggested swap');
    expect(out).not.toContain('\u001b[');
  });

  it('fitness --model vrooli reproduces the report and says so', async () => {
    const { code, out } = await cli('fitness', ['picker-wheel', '--root', ROOT, '--model', 'vrooli', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.parity.matches).toBe(true);
    expect(doc.tiers.desktop.fitness_score).toBeCloseTo(0.675, 9);
  });

  it('swaps suggest and cascade work, bad input exits 2 with a code', async () => {
    expect((await cli('swaps', ['suggest', 'picker-wheel', '--root', ROOT, '--tier', 'desktop', '--json'])).code).toBe(0);
    const c = await cli('swaps', ['cascade', 'picker-wheel', '--root', ROOT, '--tier', 'desktop', '--swap', 'postgres=sqlite', '--json']);
    expect(JSON.parse(c.out).capabilitiesLost[0].lost).toContain('jsonb');
    const bad = await cli('swaps', ['cascade', 'picker-wheel', '--root', ROOT, '--tier', 'desktop', '--swap', 'postgres=nothing']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('SWAP_INVALID');
    expect((await cli('fitness', ['picker-wheel', '--root', ROOT, '--tier', 'moon'])).err).toContain('INVALID_ARGUMENT');
  });
});
