import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace } from '@deployment-manager/core';
import { applySwaps, scoreGraph } from '@deployment-manager/fitness';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'examples/what-if/src/main.ts')], { cwd: root, encoding: 'utf8' });
const scores = (label: string): number[] => {
  const line = out.split('\n').find((l) => l.startsWith(label));
  return (line ?? '').slice(34).trim().split(/\s+/).map(Number);
};

describe('what-if example', () => {
  it('prints a score row for every step and tier', () => {
    for (const label of ['as declared', 'drop the optional ollama', 'swap postgres -> sqlite', 'swap redis -> in-process-cache', 'bring ollama back']) {
      expect(scores(label)).toHaveLength(5);
    }
    expect(out).toContain('swaps applied: postgres -> sqlite, redis -> in-process-cache');
  });

  it('agrees with a full re-score after the same swaps (incremental equals batch)', () => {
    const graph = buildGraph(loadWorkspace(join(root, 'examples/end-to-end/workspace')), 'recipe-hub', { policy: 'active' });
    const swapped = applySwaps(graph, [{ from: 'postgres', to: 'sqlite' }, { from: 'redis', to: 'in-process-cache' }]);
    const report = scoreGraph(swapped);
    const expected = (['local', 'desktop', 'mobile', 'saas', 'enterprise'] as const).map((t) => Number(report.tiers[t]!.score.toFixed(1)));
    expect(scores('bring ollama back')).toEqual(expected);
  });

  it('swapping postgres for sqlite raises the desktop score', () => {
    expect(scores('swap postgres -> sqlite')[1]).toBeGreaterThan(scores('drop the optional ollama')[1]!);
  });
});
