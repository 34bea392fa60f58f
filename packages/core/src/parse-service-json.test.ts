import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deepJsonText, hostileDocument, hostileJson, prototypesClean, resolvePointer } from '../test/arbitraries.ts';
import { parseJsonPointer } from './diagnostics.ts';
import { isSdkError } from './errors.ts';
import { parseServiceJson, type ParseServiceContext } from './parse-service-json.ts';

const ctx: ParseServiceContext = {
  file: 'scenarios/shop/.vrooli/service.json',
  name: 'shop',
  knownScenarios: new Set(['auth', 'shop']),
  knownResources: new Set(['postgres', 'redis', 'minio']),
};
const edges = (json: unknown): string[] =>
  parseServiceJson(json, ctx).scenario.dependencies.map((d) => `${d.kind}:${d.name}${d.required ? '' : '?'}${d.enabled ? '' : '-'}`);
const codes = (json: unknown): string[] => parseServiceJson(json, ctx).diagnostics.map((d) => d.code);

describe('parseServiceJson dependency shapes', () => {
  it('map entries: explicit flags win; absent enabled is off for resources, on for scenarios', () => {
    const json = { dependencies: { resources: { postgres: { required: true }, redis: { enabled: true, required: false } }, scenarios: { auth: {} } } };
    expect(edges(json)).toEqual(['resource:postgres-', 'resource:redis?', 'scenario:auth']);
    expect(codes(json)).toEqual(['DEPENDENCY_DISABLED_BUT_REQUIRED']);
  });

  it('lists of names or objects, with and without groups', () => {
    expect(edges({ dependencies: { resources: ['postgres', { name: 'redis', enabled: false, required: false }], scenarios: ['auth'] } })).toEqual([
      'resource:postgres',
      'resource:redis?-',
      'scenario:auth',
    ]);
    expect(edges({ dependencies: { resources: { required: [{ name: 'postgres' }], optional: ['redis'] } } })).toEqual(['resource:postgres', 'resource:redis?']);
  });

  it('nested group maps mixed with plain entries: groups are never names, duplicates merge', () => {
    const json = { dependencies: { resources: { required: { postgres: {} }, optional: { redis: {}, auth: {} }, redis: { enabled: true, required: true } } } };
    expect(edges(json)).toEqual(['resource:postgres', 'resource:redis', 'scenario:auth?']);
    expect(codes(json).sort()).toEqual(['DEPENDENCY_GROUPS_MIXED', 'DEPENDENCY_KIND_INFERRED', 'DEPENDENCY_MERGED']);
  });

  it('details attach to the grouped names', () => {
    const { scenario } = parseServiceJson({ dependencies: { resources: { required: [], optional: ['minio'], details: { minio: { purpose: 'files', fallback: 'disk' } } } } }, ctx);
    expect(scenario.dependencies).toEqual([
      { name: 'minio', kind: 'resource', required: false, enabled: true, purpose: 'files', attributes: { fallback: 'disk' }, source: { file: ctx.file, path: '/dependencies/resources/optional/0' } },
    ]);
  });

  it('resource-<name> aliases resolve only to known resources; type: scenario makes a scenario edge', () => {
    expect(edges({ dependencies: { resources: { 'resource-postgres': {}, 'resource-unknown': {}, billing: { type: 'scenario' } } } })).toEqual([
      'resource:postgres-',
      'resource:resource-unknown-',
      'scenario:billing-',
    ]);
  });

  it('a scenario listed twice (resources with type scenario, and scenarios) is one edge', () => {
    const json = { dependencies: { resources: { auth: { type: 'scenario', enabled: true, required: false } }, scenarios: { auth: { required: true } } } };
    expect(edges(json)).toEqual(['scenario:auth']);
  });

  it('drops self-dependencies and bad names, keeps scalars with defaults, all with diagnostics', () => {
    const json = { dependencies: { resources: { postgres: true, redis: 'yes', required: [42, { name: '' }] }, scenarios: { shop: {} } } };
    expect(edges(json)).toEqual(['resource:postgres', 'resource:redis-']);
    expect(codes(json).sort()).toEqual([
      'DEPENDENCY_DISABLED_BUT_REQUIRED',
      'DEPENDENCY_GROUPS_MIXED',
      'DEPENDENCY_NAME_INVALID',
      'DEPENDENCY_NAME_INVALID',
      'DEPENDENCY_SELF',
      'DEPENDENCY_SHAPE_UNKNOWN',
      'DEPENDENCY_SHAPE_UNKNOWN',
    ]);
  });

  it('a non-object document is an error diagnostic, not an exception', () => {
    expect(codes([1, 2])).toEqual(['DOCUMENT_NOT_OBJECT']);
    expect(parseServiceJson('text', ctx).scenario.dependencies).toEqual([]);
  });

  it('refuses to interpret documents nested deeper than any manifest', () => {
    const deep = JSON.parse(deepJsonText(100_000, ['dependencies', 'resources'])) as unknown;
    expect(codes(deep)).toEqual(['JSON_TOO_DEEP']);
  });
});

describe('parseServiceJson properties', () => {
  test.prop([fc.oneof(hostileJson, fc.jsonValue())], { numRuns: 200 })('never throws anything but SdkError on arbitrary JSON', (json) => {
    try {
      parseServiceJson(json, ctx);
    } catch (error) {
      expect(isSdkError(error)).toBe(true);
    }
  });

  test.prop([hostileDocument(['dependencies', 'ports', 'lifecycle', 'deployment', 'service'])], { numRuns: 200 })(
    'on hostile documents: unique edges, every source pointer resolves in the input, no prototype pollution',
    (json) => {
      const { scenario, diagnostics } = parseServiceJson(json, ctx);
      const keys = scenario.dependencies.map((d) => `${d.kind}:${d.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const d of scenario.dependencies) {
        expect(d.name).not.toBe('');
        expect(resolvePointer(json, parseJsonPointer(d.source.path)).found).toBe(true);
        expect(Object.getPrototypeOf(d.attributes)).toBe(Object.prototype);
      }
      for (const d of diagnostics) expect(resolvePointer(json, parseJsonPointer(d.path)).found).toBe(true);
      for (const p of scenario.ports) if (p.port !== undefined) expect(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535).toBe(true);
      expect(prototypesClean()).toBe(true);
    },
  );

  test.prop([hostileDocument(['dependencies', 'ports'])], { numRuns: 100 })('is deterministic and does not mutate its input', (json) => {
    const before = JSON.stringify(json);
    const a = parseServiceJson(json, ctx);
    const b = parseServiceJson(json, ctx);
    expect(JSON.stringify(json)).toBe(before);
    expect(b).toEqual(a);
  });
});
