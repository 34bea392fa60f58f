// picker-wheel assembled by the bundle package from the real fixtures: the manifest carries the placement
// decisions and the packager renders them, nothing decided twice.
import { describe, expect, it } from 'vitest';
import { assembleScenario, type MobileManifest } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { sharedFixture } from '@deployment-manager/testkit';
import { planMobile } from '../src/index.ts';

const workspace = loadWorkspace(sharedFixture('fixtures', 'vrooli'));

describe('every fixture scenario assembled for mobile', () => {
  it.each([...workspace.scenarios.keys()].sort())('%s: the packager renders exactly the placements and server secrets the assembly decided', (name) => {
    const { result } = assembleScenario(workspace, name, { tier: 'mobile', acceptSuggested: true });
    const manifest = result.manifest as MobileManifest;
    const plan = planMobile(manifest);
    const off = (manifest.placements ?? []).filter((p) => p.kind === 'remote' || p.kind === 'behind' || (p.kind === 'hosted' && p.swapped_to !== undefined));
    expect(plan.moves.moves.map((m) => m.node)).toEqual(off.map((p) => p.node));
    expect(plan.secrets.server.map((s) => s.id)).toEqual((manifest.server_secrets ?? []).map((s) => s.id));
  });
});
