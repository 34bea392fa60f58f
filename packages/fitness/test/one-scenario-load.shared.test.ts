// loadWorkspace's `scenario` option (what the CLI loads for one scenario) against the whole load, on
// every real scenario: the same graph under both policies, the same scores, every parsed manifest
// the same, and the diagnostics of the files it parsed the same.
import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace, type Diagnostic } from '@deployment-manager/core';
import { scoreGraph, suggestSwaps } from '@deployment-manager/fitness';

const ROOT = new URL('../../../../shared/fixtures/vrooli/', import.meta.url).pathname;
const whole = loadWorkspace(ROOT);

describe.each([...whole.scenarios.keys()])('%s loaded alone', (scenario) => {
  const alone = loadWorkspace(ROOT, { scenario });

  it('gives the graph, the scores and the suggestions of the whole load, under both policies', () => {
    for (const policy of ['all', 'active'] as const) {
      const graph = buildGraph(alone, scenario, { policy });
      const expected = buildGraph(whole, scenario, { policy });
      expect(graph).toEqual(expected);
      expect(scoreGraph(graph)).toEqual(scoreGraph(expected));
      expect(suggestSwaps(graph, 'desktop')).toEqual(suggestSwaps(expected, 'desktop'));
    }
  });

  it('parses each manifest it loads as the whole load does, with the same diagnostics for those files', () => {
    for (const [name, spec] of alone.scenarios) expect(spec).toEqual(whole.scenarios.get(name));
    for (const [name, spec] of alone.resources) expect(spec).toEqual(whole.resources.get(name));
    const files = new Set([...alone.scenarios.values(), ...alone.resources.values()].map((s) => s.file));
    const ofThoseFiles = (d: Diagnostic): boolean => d.file === undefined || files.has(d.file);
    expect(alone.diagnostics.filter(ofThoseFiles)).toEqual(whole.diagnostics.filter(ofThoseFiles));
    for (const d of alone.diagnostics) expect(whole.diagnostics).toContainEqual(d);
  });
});

describe('loading one scenario', () => {
  it('parses only what picker-wheel reaches, not the whole checkout', () => {
    const alone = loadWorkspace(ROOT, { scenario: 'picker-wheel' });
    expect(alone.scenarios.size).toBeLessThan(whole.scenarios.size);
    expect(alone.resources.size).toBeLessThan(whole.resources.size);
  });

  it('loads the whole workspace for a scenario it does not hold (so the caller can name the nearest one)', () => {
    expect(loadWorkspace(ROOT, { scenario: 'picker-wheeel' })).toEqual(whole);
  });
});
