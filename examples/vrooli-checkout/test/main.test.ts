import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'examples/vrooli-checkout/src/main.ts');

describe('vrooli-checkout example', () => {
  it('surveys a checkout in the real .vrooli layout', () => {
    // core's mini workspace: the real layout, one dependency shape per scenario, a cycle, a missing scenario.
    const out = execFileSync(tsx, [main, '--root', join(root, 'packages/core/test/fixtures/mini-vrooli'), '--json'], { cwd: root, encoding: 'utf8' });
    const { summary, rows } = JSON.parse(out);
    expect(summary.layout).toBe('vrooli');
    expect(summary.scenarios).toBe(rows.length);
    expect(rows.map((r: { scenario: string }) => r.scenario)).toEqual([...rows.map((r: { scenario: string }) => r.scenario)].sort());
    for (const r of rows) {
      for (const s of Object.values(r.scores) as number[]) expect(s).toBeGreaterThanOrEqual(0);
      expect(['ok', 'blocked']).toContain(r.desktop);
      if (r.desktop === 'blocked') expect(r.desktopReasons.length).toBeGreaterThan(0);
    }
  });

  it('says clearly when --root is missing or wrong', () => {
    const none = spawnSync(tsx, [main], { cwd: root, encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('INVALID_ARGUMENT');
    const wrong = spawnSync(tsx, [main, '--root', '/no/such/checkout'], { cwd: root, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('ROOT_NOT_FOUND');
  });
});
