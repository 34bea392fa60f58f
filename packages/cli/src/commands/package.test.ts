import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyExport } from '@deployment-manager/bundle';
import { runCli } from '../cli.ts';
import { cli } from '../../test/run-cli.ts';

const example = fileURLToPath(new URL('../../../../examples/end-to-end/workspace', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('deployment-manager package', () => {
  it('runs the whole pipeline for desktop and writes a verifiable manifest plus the artifacts', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dm-package-'));
    dirs.push(out);
    const { code, out: stdout, err } = await cli(['package', 'recipe-hub', '--root', example, '--target', 'desktop', '--accept-suggested', '--out', out, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ scenario: 'recipe-hub', target: 'desktop', tier: 'desktop', ok: true });
    // --accept-suggested takes the cheapest set that ships: what clears the secrets desktop cannot ship, nothing more.
    expect(doc.swaps).toEqual(['resource:postgres=managed-postgres', 'resource:redis=in-process-cache']);
    expect(verifyExport(doc.manifest.path, doc.manifest.sha256)).toMatchObject({ ok: true });
    expect(doc.packager.status).toBe('packed');
    for (const a of doc.packager.artifacts) expect(existsSync(join(out, 'desktop', a.path))).toBe(true);
    expect(err).toContain('assembling the desktop manifest'); // plain progress lines when not a TTY
  });

  it('takes every gain with --swaps all-gains', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dm-package-'));
    dirs.push(out);
    const { code, out: stdout } = await cli(['package', 'recipe-hub', '--root', example, '--target', 'desktop', '--swaps', 'all-gains', '--out', out, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).swaps).toEqual(expect.arrayContaining(['resource:postgres=sqlite', 'resource:ollama=anthropic', 'resource:n8n=embedded-workflows']));
  });

  it('exits 1 with the blocking findings when the manifest cannot be assembled', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dm-package-'));
    dirs.push(out);
    const { code, out: stdout } = await cli(['package', 'recipe-hub', '--root', example, '--target', 'desktop', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toContain('manifest not valid');
    expect(stdout).toContain('SECRET_INFRASTRUCTURE_REQUIRED');
    expect(existsSync(join(out, 'bundle.json'))).toBe(false);
    // The refusal names the way out, and taking it ships.
    expect(stdout).toContain('--swaps optimal applies the cheapest set that ships');
    const again = await cli(['package', 'recipe-hub', '--root', example, '--target', 'desktop', '--swaps', 'optimal', '--out', out]);
    expect(again.code).toBe(0);
    expect(existsSync(join(out, 'bundle.json'))).toBe(true);
  });

  it('rejects an unknown target or a missing --out with INVALID_ARGUMENT', async () => {
    const bad = await cli(['package', 'recipe-hub', '--root', example, '--target', 'watch', '--out', '/tmp/x']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('INVALID_ARGUMENT');
    const noOut = await cli(['package', 'recipe-hub', '--root', example, '--target', 'cloud']);
    expect(noOut.err).toContain('--out');
  });

  it('creates --out, and on a terminal prints every note once and every warning', async () => {
    const base = mkdtempSync(join(tmpdir(), 'dm-package-'));
    dirs.push(base);
    const out = join(base, 'not', 'yet', 'there');
    let text = '';
    const code = await runCli(['package', 'recipe-hub', '--root', example, '--target', 'mobile', '--accept-suggested', '--out', out], {
      stdout: (s) => (text += s),
      stderr: (s) => (text += s),
      isTTY: true,
    });
    expect(code).toBe(0);
    expect(existsSync(join(out, 'bundle.json'))).toBe(true);
    const json = await cli(['package', 'recipe-hub', '--root', example, '--target', 'mobile', '--accept-suggested', '--out', out, '--json']);
    const doc = JSON.parse(json.out);
    expect(doc.packager.notes.length).toBeGreaterThan(0);
    for (const n of doc.packager.notes) expect(text.split(n.message).length - 1).toBe(1);
    const warnings = doc.diagnostics.filter((d: { severity: string }) => d.severity === 'warning');
    expect(warnings.map((w: { message: string }) => w.message).join('\n')).toMatch(/auth-lite[\s\S]*com\.example\.recipehub[\s\S]*example\.invalid/);
    for (const w of warnings) expect(text).toContain(w.message);
    expect(text).toContain(`${warnings.length} warning(s)`);
  });
});
