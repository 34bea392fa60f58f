import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace } from '@deployment-manager/core';
import { applySwaps, createScoringState } from '@deployment-manager/fitness';
import { cli } from '../../test/run-cli.ts';

const example = fileURLToPath(new URL('../../../../examples/end-to-end/workspace', import.meta.url));

describe('deployment-manager swaps plan', () => {
  it('--json is the plan: swaps with what each clears, the score applySwaps gives, what no swap clears', async () => {
    const { code, out } = await cli(['swaps', 'plan', 'recipe-hub', '--root', example, '--tier', 'mobile', '--json']);
    expect(code).toBe(0);
    const plan = JSON.parse(out);
    expect(Object.keys(plan)).toEqual(expect.arrayContaining(['scenario', 'tier', 'feasible', 'swaps', 'cost', 'score', 'blockersLeft', 'unclearable', 'alternatives', 'exact']));
    expect(plan).toMatchObject({ scenario: 'recipe-hub', tier: 'mobile', feasible: false, unclearable: ['scenario:auth-lite'], exact: true });
    for (const s of plan.swaps) expect(Object.keys(s)).toEqual(['from', 'to', 'effort', 'note', 'lacks', 'cost', 'clears', 'scoreGain']);
    expect(plan.swaps.every((s: { clears: string[] }) => s.clears.length > 0)).toBe(true);
    const graph = buildGraph(loadWorkspace(example), 'recipe-hub');
    expect(createScoringState(applySwaps(graph, plan.swaps), { tiers: ['mobile'] }).score('mobile')).toBe(plan.score);
  });

  it('honours --keep and --forbid (comma-separated), and --min-score', async () => {
    const { out } = await cli(['swaps', 'plan', 'recipe-hub', '--root', example, '--tier', 'mobile', '--keep', 'postgres', '--forbid', 'qdrant-cloud,managed-redis', '--json']);
    const plan = JSON.parse(out);
    expect(plan.unclearable).toContain('resource:postgres');
    expect(plan.swaps.map((s: { from: string }) => s.from)).not.toContain('resource:postgres');
    expect(plan.swaps.map((s: { to: string }) => s.to)).not.toContain('qdrant-cloud');
    const scored = JSON.parse((await cli(['swaps', 'plan', 'recipe-hub', '--root', example, '--tier', 'desktop', '--min-score', '90', '--json'])).out);
    expect(scored.feasible).toBe(true);
    expect(scored.score).toBeGreaterThanOrEqual(90);
  });

  it('speaks in sentences: what to swap, what it clears, what still blocks', async () => {
    const { code, out } = await cli(['swaps', 'plan', 'recipe-hub', '--root', example, '--tier', 'mobile']);
    expect(code).toBe(0);
    expect(out).toMatch(/^recipe-hub on mobile still cannot ship; the cheapest partial plan is \d+ swaps at cost [\d.]+/);
    expect(out).toContain('swap n8n for embedded-workflows: clears n8n');
    expect(out).toContain('No swap clears auth-lite (scenario), so recipe-hub cannot ship on mobile');
    expect(out).not.toContain('\u001b[');
    const desktop = await cli(['swaps', 'plan', 'recipe-hub', '--root', example, '--tier', 'desktop']);
    expect(desktop.out).toBe('recipe-hub on desktop ships as it is: no blocker; no swap needed.\n');
  });

  it('refuses a bad --min-score, an unknown --keep and a missing --tier with INVALID_ARGUMENT (exit 2)', async () => {
    for (const args of [['--tier', 'desktop', '--min-score', 'high'], ['--tier', 'desktop', '--keep', 'nope'], []]) {
      const { code, err } = await cli(['swaps', 'plan', 'recipe-hub', '--root', example, ...args]);
      expect(code).toBe(2);
      expect(err).toContain('INVALID_ARGUMENT');
    }
  });
});

describe('deployment-manager swaps recommend', () => {
  it('--json puts every tier side by side and names the best', async () => {
    const { code, out } = await cli(['swaps', 'recommend', 'recipe-hub', '--root', example, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.plans.map((p: { tier: string }) => p.tier)).toEqual(['local', 'desktop', 'mobile', 'saas', 'enterprise']);
    const best = r.plans.find((p: { tier: string }) => p.tier === r.best);
    for (const p of r.plans) if (p.efficiency !== null) expect(best.efficiency).toBeGreaterThanOrEqual(p.efficiency);
  });

  it('says which tier and why, then one sentence per tier', async () => {
    const { out } = await cli(['swaps', 'recommend', 'recipe-hub', '--root', example]);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^recipe-hub gets the most score for its cost on \w+: score [\d.]+ at cost [\d.]+/);
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith('  mobile:'))).toContain('cannot ship');
  });
});
