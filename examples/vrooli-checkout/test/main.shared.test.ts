import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '@deployment-manager/testkit';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('vrooli-checkout example on the real fixtures', () => {
  it('surveys all 40 scenarios and 44 resources', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'examples/vrooli-checkout/src/main.ts'), '--root', sharedFixture('fixtures', 'vrooli'), '--json'], { cwd: root, encoding: 'utf8' });
    const { summary, rows } = JSON.parse(out);
    expect(summary).toMatchObject({ layout: 'flat', scenarios: 40, resources: 44 });
    expect(summary.desktopReady).toBeGreaterThanOrEqual(30);
    const picker = rows.find((r: { scenario: string }) => r.scenario === 'picker-wheel');
    expect(picker.desktop).toBe('ok');
  });
});
