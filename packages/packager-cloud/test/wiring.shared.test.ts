import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, lookupEntry } from '@deployment-manager/catalog';
import { assembleScenario } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { sharedFixture } from '@deployment-manager/testkit';
import { planCloud } from '../src/index.ts';
import { fromPlan, wiringProblems } from './wiring.ts';

const workspace = loadWorkspace(sharedFixture('fixtures', 'vrooli'));
const scenarios = [...workspace.scenarios.keys()].sort();

describe('every fixture scenario packaged for the cloud with the suggested swaps', () => {
  const packed: string[] = [];
  const managed: string[] = [];
  it.each(scenarios)('%s: managed replacements reach the app, data lives where the image keeps it', (name) => {
    const { result } = assembleScenario(workspace, name, { tier: 'saas', acceptSuggested: 'all-gains' });
    if (result.manifest.target !== 'cloud') throw new Error('not a cloud manifest');
    // A scenario the assembly refuses is refused by package too; there is nothing generated to check.
    if (!result.ok) return;
    const plan = planCloud(result.manifest);
    expect(wiringProblems(result.manifest, fromPlan(plan), DEFAULT_CATALOG)).toEqual([]);
    packed.push(name);
    for (const s of result.manifest.swaps ?? []) if (lookupEntry(DEFAULT_CATALOG, s.replacement)?.hosting === 'hosted-api') managed.push(`${name}:${s.replacement}`);
  });

  it('checked real managed replacements on most scenarios', () => {
    expect(packed.length).toBeGreaterThanOrEqual(scenarios.length / 2);
    expect(managed.filter((m) => m.endsWith(':managed-postgres')).length).toBeGreaterThan(0);
  });
});
