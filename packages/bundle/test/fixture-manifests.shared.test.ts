import { readFileSync } from 'node:fs';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileJsonSchema } from '../src/ajv.ts';
import { desktopManifestSchema, validateManifest } from '../src/index.ts';
import { desktopManifest } from './manifests.ts';

// packages/bundle/test -> repo root is ../../../, and shared/ sits beside the repo.
const fixtures = new URL('../../../../shared/fixtures/vrooli/', import.meta.url);
const readJson = (rel: string): unknown => JSON.parse(readFileSync(new URL(rel, fixtures), 'utf8'));
const predecessor = compileJsonSchema(readJson('schemas/bundle-schema.desktop.v0.1.json') as Record<string, unknown>);

const findings = (name: string) => {
  const r = validateManifest(readJson(`manifests/${name}.json`));
  return { ok: r.ok, errors: r.ok ? [] : r.issues, warnings: r.warnings };
};

describe('the predecessor reference manifests', () => {
  it('desktop-happy validates, with its placeholder hash as a warning', () => {
    const r = findings('desktop-happy');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((d) => [d.code, d.path])).toEqual([['ASSET_HASH_PLACEHOLDER', '/services/2/assets/0/sha256']]);
  });

  it('desktop-playwright reports six unresolved ${playwright.http} placeholders and suggests the real service id', () => {
    const r = findings('desktop-playwright');
    expect(r.ok).toBe(false);
    const unresolved = r.errors.filter((d) => d.code === 'PLACEHOLDER_UNRESOLVED');
    expect(unresolved).toHaveLength(6);
    expect(r.errors).toHaveLength(6);
    for (const d of unresolved) {
      expect(d.message).toContain('${playwright.http}');
      expect(d.hint).toContain('${playwright-driver.http}');
    }
    expect(unresolved.map((d) => d.path).sort()).toEqual([
      '/services/1/env/PLAYWRIGHT_DRIVER_URL',
      '/services/3/binaries/darwin-arm64/args/1',
      '/services/3/binaries/darwin-x64/args/1',
      '/services/3/binaries/linux-x64/args/1',
      '/services/3/binaries/win-x64/args/1',
      '/services/3/env/PLAYWRIGHT_DRIVER_PORT',
    ]);
    expect(r.warnings.map((d) => d.code).sort()).toEqual(['ASSET_HASH_PLACEHOLDER', 'ASSET_HASH_PLACEHOLDER', 'PORT_RANGE_COVERS_RESERVED']);
  });

  it('desktop-with-build reports its three empty binaries, its run_on and its universal platform key', () => {
    const r = findings('desktop-with-build');
    expect(r.ok).toBe(false);
    expect(r.errors.map((d) => [d.code, d.path]).sort()).toEqual([
      ['MIGRATION_RUN_ON_UNKNOWN', '/services/0/migrations/0/run_on'],
      ['PLATFORM_KEY_UNKNOWN', '/services/1/binaries/universal'],
      ['SCHEMA_MIN_PROPERTIES', '/services/0/binaries'],
      ['SCHEMA_MIN_PROPERTIES', '/services/2/binaries'],
      ['SCHEMA_MIN_PROPERTIES', '/services/3/binaries'],
    ]);
    expect(r.errors.find((d) => d.code === 'MIGRATION_RUN_ON_UNKNOWN')?.hint).toContain('first_install');
  });

  it('the predecessor schema agrees with ours on which reference manifests are schema-valid', () => {
    expect(predecessor(readJson('manifests/desktop-happy.json'))).toEqual([]);
    expect(predecessor(readJson('manifests/desktop-playwright.json'))).toEqual([]);
    expect(predecessor(readJson('manifests/desktop-with-build.json')).map((e) => e.instancePath).sort()).toEqual(['/services/0/binaries', '/services/2/binaries', '/services/3/binaries']);
  });
});

describe('our desktop schema is at least as strict as the predecessor', () => {
  it('our valid manifest validates against the predecessor schema', () => {
    expect(predecessor(desktopManifest())).toEqual([]);
  });

  // Each field is set either to a value some service of the manifest has for it (valid for ours far
  // more often than random JSON, so the property mostly has an accepted manifest to check), a small
  // edge case, or arbitrary JSON; the share of accepted cases is checked below.
  const FIELDS = ['type', 'binaries', 'health', 'readiness', 'id', 'ports', 'dependencies', 'env', 'critical'] as const;
  const services = (desktopManifest() as unknown as { services: Record<string, unknown>[] }).services;
  const edits = fc.constantFrom(...FIELDS).chain((field) => {
    const seen = services.map((s) => s[field]).filter((v) => v !== undefined);
    return fc.record({
      service: fc.nat({ max: services.length - 1 }),
      field: fc.constant(field),
      value: fc.oneof(
        { arbitrary: seen.length > 0 ? fc.constantFrom(...seen) : fc.constant(undefined), weight: 4 },
        { arbitrary: fc.constantFrom({}, [], '', 'worker', { type: 'tcp' }, { type: 'nope' }), weight: 1 },
        { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
      ),
    });
  });
  it('whatever ours accepts, the predecessor accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(edits, ({ service, field, value }) => {
        const m = structuredClone(desktopManifest()) as unknown as { services: Record<string, unknown>[] };
        Object.defineProperty(m.services[service], field, { value, enumerable: true, writable: true, configurable: true });
        if (desktopManifestSchema.safeParse(m).success) {
          accepted++;
          expect(predecessor(m)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
    // About two thirds are accepted.
    expect(accepted / 300).toBeGreaterThan(0.5);
  });
});
