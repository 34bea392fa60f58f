// The secrets command on the real Vrooli fixtures, with fitness's swaps.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type SecretsJson } from './secrets.ts';
import { runCli } from '../cli.ts';

// packages/cli/src/commands -> /work (the directory holding main/ and shared/).
const ROOT = fileURLToPath(new URL('../../../../../shared/fixtures/vrooli/', import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['secrets', ...argv], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('deployment-manager secrets on picker-wheel', () => {
  it('blocks on desktop and names postgres -> sqlite', async () => {
    const r = await run('picker-wheel', '--root', ROOT, '--tier', 'desktop', '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as SecretsJson;
    expect(doc.plan.blockers.map((d) => d.code)).toEqual(['SECRET_INFRASTRUCTURE_REQUIRED', 'SECRET_INFRASTRUCTURE_REQUIRED']);
    expect(doc.plan.blockers[0]?.hint).toContain('postgres -> sqlite');
  });

  it('passes with --swap postgres=sqlite', async () => {
    const r = await run('picker-wheel', '--root', ROOT, '--tier', 'desktop', '--swap', 'postgres=sqlite', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SecretsJson;
    expect(doc.swaps).toEqual(['postgres=sqlite']);
    expect(doc.plan.secrets.some((s) => s.id.startsWith('postgres.'))).toBe(false);
  });
});
