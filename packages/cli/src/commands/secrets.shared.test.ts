// The secrets command on the real Vrooli fixtures, with fitness's swaps.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type SecretsJson } from './secrets.ts';
import { cli } from '../../test/run-cli.ts';

// packages/cli/src/commands -> /work (the directory holding main/ and shared/).
const ROOT = fileURLToPath(new URL('../../../../../shared/fixtures/vrooli/', import.meta.url));

describe('deployment-manager secrets on picker-wheel', () => {
  it('blocks on desktop and names postgres -> sqlite', async () => {
    const r = await cli('secrets', 'picker-wheel', '--root', ROOT, '--tier', 'desktop', '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as SecretsJson;
    expect(doc.plan.blockers.map((d) => d.code)).toEqual(['SECRET_INFRASTRUCTURE_REQUIRED', 'SECRET_INFRASTRUCTURE_REQUIRED']);
    expect(doc.plan.blockers[0]?.hint).toContain('postgres -> sqlite');
  });

  it('passes with --swap postgres=sqlite', async () => {
    const r = await cli('secrets', 'picker-wheel', '--root', ROOT, '--tier', 'desktop', '--swap', 'postgres=sqlite', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SecretsJson;
    expect(doc.swaps).toEqual(['postgres=sqlite']);
    expect(doc.plan.secrets.some((s) => s.id.startsWith('postgres.'))).toBe(false);
  });
});
