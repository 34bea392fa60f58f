import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../test/run-cli.ts';

// A scenario that needs a resource the built-in catalog does not know, and a user
// catalog (YAML) that describes it: --catalog makes it known to every command.
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dm-cli-catalog-'));
  mkdirSync(join(root, 'scenarios', 'notes', '.vrooli'), { recursive: true });
  mkdirSync(join(root, 'resources'), { recursive: true });
  writeFileSync(
    join(root, 'scenarios', 'notes', '.vrooli', 'service.json'),
    JSON.stringify({
      service: { name: 'notes', version: '1.0.0' },
      ports: { api: { env_var: 'API_PORT' } },
      dependencies: { resources: { 'notification-hub': { type: 'notification-hub', enabled: true, required: true } }, scenarios: {} },
    }),
  );
  writeFileSync(
    join(root, 'hub.yaml'),
    [
      '# notification-hub as this team runs it',
      '- name: notification-hub',
      '  daemon: true',
      '  network: local',
      '  ramMb: 128',
      '  provides: [notifications]',
      '  hosting: server-daemon',
      '  license: { spdx: MIT, class: permissive }',
      '  container: { image: ghcr.io/example/notification-hub, tag: "2.1.0" }',
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'postgres-heavier.json'), JSON.stringify({ catalog: [{ name: 'postgres', ramMb: 900000 }] }));
  writeFileSync(join(root, 'bad.json'), JSON.stringify([{ name: 'x', ramMb: 'lots' }]));
  writeFileSync(join(root, 'broken.yaml'), '- name: [unclosed\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('--catalog FILE', () => {
  it('makes an unknown resource known to fitness: scored instead of "unknown"', async () => {
    const without = JSON.parse((await cli('fitness', 'notes', '--root', root, '--tier', 'desktop', '--json')).out) as { dependencies: { id: string; tiers: Record<string, { score: number | null }> }[] };
    const withIt = await cli('fitness', 'notes', '--root', root, '--tier', 'desktop', '--json', '--catalog', join(root, 'hub.yaml'));
    expect(withIt.code).toBe(0);
    const doc = JSON.parse(withIt.out) as typeof without;
    const hub = (d: typeof without): number | null | undefined => d.dependencies.find((x) => x.id === 'resource:notification-hub')?.tiers['desktop']?.score;
    expect(hub(without)).toBeNull();
    expect(hub(doc)).toEqual(expect.any(Number));
  });

  it('lets package ship what it refused as unknown, with the image the record names', async () => {
    const refused = await cli('package', 'notes', '--root', root, '--target', 'cloud', '--out', join(root, 'out-refused'));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('ASSEMBLY_RESOURCE_UNKNOWN');
    expect(refused.out).toContain('--catalog FILE');
    const out = join(root, 'out');
    const shipped = await cli('package', 'notes', '--root', root, '--target', 'cloud', '--out', out, '--catalog', join(root, 'hub.yaml'));
    expect(shipped.code).toBe(0);
    expect(readFileSync(join(out, 'bundle.json'), 'utf8')).toContain('ghcr.io/example/notification-hub:2.1.0');
  });

  it('reaches plan and deploy: the unknown resource they refused assembles with the catalog, and its image is planned', async () => {
    const refused = await cli('plan', 'notes', '--root', root, '--target', 'compose', '--json');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('ASSEMBLY_RESOURCE_UNKNOWN');
    const planned = await cli('plan', 'notes', '--root', root, '--target', 'compose', '--json', '--catalog', join(root, 'hub.yaml'));
    expect(planned.code, planned.out).toBe(0);
    expect(planned.out).not.toContain('FITNESS_UNKNOWN');
    const dry = await cli('deploy', 'notes', '--root', root, '--target', 'compose', '--dry-run', '--json', '--state', join(root, 'state'), '--catalog', join(root, 'hub.yaml'));
    expect(dry.code, dry.out + dry.err).toBe(0);
    expect(readFileSync(join(root, 'state', 'plans', 'notes-production-compose', 'bundle.json'), 'utf8')).toContain('ghcr.io/example/notification-hub:2.1.0');
  });

  it('overrides a built-in record field by field (one merge rule): a heavier postgres blocks mobile in swaps plan', async () => {
    const example = join(import.meta.dirname, '../../../examples/end-to-end/workspace');
    const base = JSON.parse((await cli('fitness', 'recipe-hub', '--root', example, '--tier', 'saas', '--json')).out) as { dependencies: { id: string; tiers: Record<string, { score: number | null }> }[] };
    const heavy = JSON.parse((await cli('fitness', 'recipe-hub', '--root', example, '--tier', 'saas', '--json', '--catalog', join(root, 'postgres-heavier.json'))).out) as typeof base;
    const pg = (d: typeof base): number | null | undefined => d.dependencies.find((x) => x.id === 'resource:postgres')?.tiers['saas']?.score;
    expect(pg(heavy)).toBeLessThan(pg(base) ?? 0);
  });

  it('refuses a bad catalog file with a typed error and exit 2, naming the file', async () => {
    const bad = await cli('fitness', 'notes', '--root', root, '--catalog', join(root, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('CATALOG_INVALID');
    expect(bad.err).toContain('bad.json');
    const broken = await cli('swaps', 'suggest', 'notes', '--root', root, '--tier', 'desktop', '--catalog', join(root, 'broken.yaml'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('PARSE_FAILED');
    expect(broken.err).toContain('line');
    const missing = await cli('secrets', 'notes', '--root', root, '--tier', 'desktop', '--catalog', join(root, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(/internal error/);
  });
});
