import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '@deployment-manager/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiffJson } from './diff.ts';
import { cli } from '../../test/run-cli.ts';

const v1 = {
  schema_version: 'v0.1',
  target: 'cloud',
  tier: 'saas',
  app: { name: 'recipe-hub', version: '3.1.0' },
  services: [
    { id: 'postgres', kind: 'resource', image: 'postgres:15-alpine' },
    { id: 'api', kind: 'app', image: 'ghcr.io/acme/api:3.1.0', replicas: 1 },
  ],
};
const v2 = {
  ...v1,
  app: { name: 'recipe-hub', version: '3.2.0' },
  services: [
    { id: 'postgres', kind: 'resource', image: 'postgres:16-alpine' },
    { id: 'api', kind: 'app', image: 'ghcr.io/acme/api:3.2.0', replicas: 2 },
    { id: 'qdrant', kind: 'resource', image: 'qdrant/qdrant:v1.12.4' },
  ],
};
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-cli-diff-'));
  writeExport(v1, join(dir, 'v1.json'));
  writeExport(v2, join(dir, 'v2.json'));
  writeFileSync(join(dir, 'plain.json'), JSON.stringify(v2));
  writeFileSync(join(dir, 'broken.json'), '{');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deployment-manager diff', () => {
  it('summarizes what changes between two releases and lists the patch (exit 1: they differ)', async () => {
    const { code, out } = await cli('diff', join(dir, 'v1.json'), join(dir, 'v2.json'), '--json');
    const doc = JSON.parse(out) as DiffJson;
    expect(code).toBe(1);
    expect(doc.verified).toEqual({ old: true, new: true });
    expect(doc.changes).toMatchObject({
      version: { from: '3.1.0', to: '3.2.0' },
      servicesAdded: ['qdrant'],
      servicesChanged: [
        { id: 'api', fields: ['image', 'replicas'] },
        { id: 'postgres', fields: ['image'] },
      ],
    });
    expect(doc.operations).toContainEqual({ op: 'replace', path: '/services/1/replicas', value: 2 });
  });

  it('prints a readable summary and exits 0 for equal manifests, with or without a sidecar', async () => {
    const text = await cli('diff', join(dir, 'v1.json'), join(dir, 'v2.json'));
    expect(text.out).toContain('version: 3.1.0 -> 3.2.0');
    expect(text.out).toContain('service api changed: image, replicas');
    const same = await cli('diff', join(dir, 'v2.json'), join(dir, 'plain.json'), '--json');
    expect(same.code).toBe(0);
    expect((JSON.parse(same.out) as DiffJson).verified).toEqual({ old: true, new: null });
  });

  it('rejects bad input with exit code 2 and a code', async () => {
    expect((await cli('diff', join(dir, 'v1.json'))).code).toBe(2);
    const broken = await cli('diff', join(dir, 'v1.json'), join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('PARSE_FAILED');
  });
});
