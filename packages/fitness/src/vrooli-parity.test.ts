import { describe, expect, it } from 'vitest';
import { createGraph } from '@deployment-manager/core';
import { pickerWheel } from '../test/graphs.ts';
import { VROOLI_TIERS } from './vrooli-classes.ts';
import { sameAggregates, vrooliAggregates, vrooliTierSupport, vrooliTreeFromGraph } from './vrooli-parity.ts';

describe('vrooli parity model', () => {
  it('classifies by exact name with the predecessor constants', () => {
    expect(vrooliTierSupport('postgres').desktop).toEqual({ supported: true, fitnessScore: 0.6 });
    expect(vrooliTierSupport('ollama').mobile).toMatchObject({ supported: false, fitnessScore: 0 });
    expect(vrooliTierSupport('redis').mobile?.alternatives).toEqual(['saas-redis', 'cloud-redis']);
    expect(vrooliTierSupport('anything-else').mobile).toEqual({ supported: true, fitnessScore: 0.4 });
    expect(Object.keys(vrooliTierSupport('x')).sort()).toEqual([...VROOLI_TIERS].sort());
  });

  it('averages over tree occurrences: a scenario reached twice counts twice (the predecessor diamond)', () => {
    const g = createGraph({
      root: 'scenario:a',
      edges: [
        { from: 'scenario:a', to: 'scenario:b' },
        { from: 'scenario:a', to: 'scenario:c' },
        { from: 'scenario:c', to: 'scenario:b' },
        { from: 'scenario:b', to: 'resource:postgres' },
        { from: 'scenario:a', to: 'resource:redis' },
        { from: 'resource:redis', to: 'resource:minio' },
      ],
    });
    const agg = vrooliAggregates(vrooliTreeFromGraph(g));
    // postgres twice (via b and via c->b), redis once; resource->resource edges are not followed
    expect(agg.desktop).toEqual({ fitnessScore: (0.6 + 0.6 + 0.9) / 3, dependencyCount: 3, blockers: ['postgres'] });
  });

  it('reproduces the picker-wheel report aggregates from the in-memory mirror', () => {
    const agg = vrooliAggregates(vrooliTreeFromGraph(pickerWheel()));
    // values from scenarios/picker-wheel/deployment-report.json
    const expected = {
      desktop: { fitnessScore: 0.6749999999999999, dependencyCount: 4, blockers: ['n8n', 'ollama', 'postgres'] },
      enterprise: { fitnessScore: 0.98, dependencyCount: 4, blockers: [] },
      local: { fitnessScore: 1, dependencyCount: 4, blockers: [] },
      mobile: { fitnessScore: 0.125, dependencyCount: 4, blockers: ['n8n', 'ollama', 'postgres', 'qdrant'] },
      saas: { fitnessScore: 0.7625, dependencyCount: 4, blockers: ['ollama'] },
      server: { fitnessScore: 0.95, dependencyCount: 4, blockers: [] },
    };
    expect(sameAggregates(agg, expected)).toBe(true);
  });

  it('turns a scenario already on the path into a leaf (cycle guard)', () => {
    const g = createGraph({ root: 'scenario:a', edges: [{ from: 'scenario:a', to: 'scenario:b' }, { from: 'scenario:b', to: 'scenario:a' }, { from: 'scenario:b', to: 'resource:redis' }] });
    expect(vrooliAggregates(vrooliTreeFromGraph(g)).local?.dependencyCount).toBe(1);
  });
});
