import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/run-cli.ts';

const manifest = {
  schema_version: 'v0.1',
  target: 'cloud',
  tier: 'saas',
  app: { name: 'notes', version: '1.0.0' },
  services: [{ id: 'api', kind: 'app', image: 'notes/api:1', ports: [{ name: 'http', container_port: 8080 }], env: { PORT: '${api.http}' } }],
};

describe('deployment-manager bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
  const good = join(dir, 'good.json');
  const bad = join(dir, 'bad.json');
  writeFileSync(good, JSON.stringify(manifest));
  writeFileSync(bad, JSON.stringify({ ...manifest, services: [{ ...manifest.services[0], env: { PORT: '${api.grpc}' }, dependencies: ['db'] }] }));

  it('validate --json prints {valid, issues[code,severity,path,message,hint]} and exits 0 when valid', async () => {
    const c = await cli(['bundle', 'validate', good, '--json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out)).toEqual({ valid: true, issues: [] });
  });

  it('validate --json exits 1 with the issues of an invalid manifest', async () => {
    const c = await cli(['bundle', 'validate', bad, '--json']);
    expect(c.code).toBe(1);
    const doc = JSON.parse(c.out) as { valid: boolean; issues: Record<string, unknown>[] };
    expect(doc.valid).toBe(false);
    expect(doc.issues.map((i) => i['code']).sort()).toEqual(['DEPENDENCY_UNKNOWN', 'PLACEHOLDER_UNRESOLVED']);
    for (const i of doc.issues) expect(Object.keys(i).sort()).toEqual(['code', 'hint', 'message', 'path', 'severity']);
  });

  it('export writes canonical bytes and a checksum that verify accepts; verify rejects a tampered file', async () => {
    const out = join(dir, 'bundle.json');
    const c = await cli(['bundle', 'export', good, '--out', out, '--json']);
    expect(c.code).toBe(0);
    const { sha256 } = JSON.parse(c.out) as { sha256: string };
    expect(readFileSync(`${out}.sha256`, 'utf8')).toBe(`${sha256}  bundle.json\n`);
    expect((await cli(['bundle', 'verify', out])).code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace('notes', 'NOTES'));
    expect((await cli(['bundle', 'verify', out])).code).toBe(1);
    expect((await cli(['bundle', 'export', bad, '--out', join(dir, 'x.json')])).code).toBe(1);
  });

  it('reports bad input with a code and exit 2, never a stack', async () => {
    writeFileSync(join(dir, 'broken.json'), '{');
    for (const args of [['validate', join(dir, 'missing.json')], ['validate', join(dir, 'broken.json')], ['frobnicate', 'x'], ['export', good]]) {
      const c = await cli(['bundle', ...args]);
      expect(c.code).toBe(2);
      expect(c.err).toMatch(/^error \[[A-Z_]+\]/);
      expect(c.err).not.toContain('    at ');
    }
  });
});
