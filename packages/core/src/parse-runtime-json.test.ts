import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deepJsonText, hostileDocument, hostileJson, prototypesClean, resolvePointer } from '../test/arbitraries.ts';
import { parseJsonPointer } from './diagnostics.ts';
import { isSdkError } from './errors.ts';
import { parseRuntimeJson, type ParseRuntimeContext } from './parse-runtime-json.ts';

const ctx: ParseRuntimeContext = {
  file: 'resources/pgbouncer/config/runtime.json',
  name: 'pgbouncer',
  knownResources: new Set(['postgres', 'redis', 'pgbouncer']),
  knownScenarios: new Set(['auth']),
};
const deps = (json: unknown): string[] => parseRuntimeJson(json, ctx).resource.dependencies.map((d) => `${d.kind}:${d.name}${d.required ? '' : '?'}${d.enabled ? '' : '-'}`);

describe('parseRuntimeJson', () => {
  it('reads a list, optional_dependencies and {required, optional}', () => {
    expect(deps({ dependencies: ['postgres'], optional_dependencies: ['redis'] })).toEqual(['resource:postgres', 'resource:redis?-']);
    expect(deps({ dependencies: { required: ['resource-postgres'], optional: ['auth'] } })).toEqual(['resource:postgres', 'scenario:auth?-']);
  });

  it('merges a dependency listed as required and optional into one required edge', () => {
    const { resource, diagnostics } = parseRuntimeJson({ dependencies: ['redis'], optional_dependencies: ['redis'] }, ctx);
    expect(resource.dependencies.map((d) => [d.name, d.required, d.enabled])).toEqual([['redis', true, true]]);
    expect(diagnostics.map((d) => d.code)).toEqual(['DEPENDENCY_MERGED']);
  });

  it('reads startup facts (top level first, then lifecycle) and keeps everything else verbatim', () => {
    const json = { startup_order: 5, lifecycle: { startup_order: 9, startup_timeout: 30, priority: 'low' }, ports: { api: 1 }, dependencies: [] };
    expect(parseRuntimeJson(json, ctx).resource).toEqual({
      name: 'pgbouncer',
      dependencies: [],
      startupOrder: 5,
      startupTimeoutSec: 30,
      priority: 'low',
      extras: { lifecycle: { startup_order: 9, startup_timeout: 30, priority: 'low' }, ports: { api: 1 } },
      file: ctx.file,
    });
  });

  it('diagnoses wrong types and huge numbers instead of using them', () => {
    const json = JSON.parse('{"startup_order": 1e400, "startup_timeout": "soon", "priority": 3, "name": "other"}') as unknown;
    const { resource, diagnostics } = parseRuntimeJson(json, ctx);
    expect(resource.startupOrder).toBeUndefined();
    expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['NAME_MISMATCH /name', 'FIELD_INVALID /startup_order', 'FIELD_INVALID /startup_timeout', 'FIELD_INVALID /priority']);
  });

  it('refuses to interpret documents nested deeper than any manifest', () => {
    const deep = JSON.parse(deepJsonText(100_000, ['dependencies'], 'object')) as unknown;
    expect(parseRuntimeJson(deep, ctx).diagnostics.map((d) => d.code)).toEqual(['JSON_TOO_DEEP']);
  });

  it('keeps a __proto__ key as plain data', () => {
    const { resource } = parseRuntimeJson(JSON.parse('{"__proto__": {"polluted": true}, "dependencies": []}'), ctx);
    expect(Object.getPrototypeOf(resource.extras)).toBe(Object.prototype);
    expect((resource.extras as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(resource.extras)).toEqual(['__proto__']);
  });
});

describe('parseRuntimeJson properties', () => {
  test.prop([fc.oneof(hostileJson, fc.jsonValue())], { numRuns: 200 })('never throws anything but SdkError on arbitrary JSON', (json) => {
    try {
      parseRuntimeJson(json, ctx);
    } catch (error) {
      expect(isSdkError(error)).toBe(true);
    }
  });

  test.prop([hostileDocument(['dependencies', 'optional_dependencies', 'startup_order', 'startup_timeout', 'priority', 'lifecycle'])], { numRuns: 200 })(
    'on hostile documents: unique edges that resolve in the input, finite startup facts, no pollution',
    (json) => {
      const { resource, diagnostics } = parseRuntimeJson(json, ctx);
      const keys = resource.dependencies.map((d) => `${d.kind}:${d.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).not.toContain('resource:pgbouncer');
      for (const d of resource.dependencies) expect(resolvePointer(json, parseJsonPointer(d.source.path)).found).toBe(true);
      for (const d of diagnostics) expect(resolvePointer(json, parseJsonPointer(d.path)).found).toBe(true);
      for (const n of [resource.startupOrder, resource.startupTimeoutSec]) if (n !== undefined) expect(Number.isFinite(n) && n >= 0).toBe(true);
      expect(prototypesClean()).toBe(true);
    },
  );

  test.prop([fc.array(fc.constantFrom('postgres', 'redis', 'auth', 'resource-postgres'), { maxLength: 6 })], { numRuns: 100 })(
    'a list of names gives one required edge per distinct normalized name, in first-seen order',
    (names) => {
      const expected = [...new Set(names.map((n) => (n === 'resource-postgres' ? 'postgres' : n)))];
      expect(parseRuntimeJson({ dependencies: names }, ctx).resource.dependencies.map((d) => d.name)).toEqual(expected);
    },
  );
});
