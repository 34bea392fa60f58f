import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { cloudManifest, desktopManifest, mobileManifest } from '../test/manifests.ts';
import { compileJsonSchema } from './ajv.ts';
import { manifestSchemaCheck } from './manifest-schema-check.ts';
import { MANIFEST_JSON_SCHEMAS, generateAllJsonSchemas, serializeJsonSchema } from './json-schemas.ts';
import { MANIFEST_SCHEMAS, MANIFEST_TARGETS, type ManifestTarget } from './manifest.ts';
import { profileExportSchema } from './profile.ts';

const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));

describe('generated JSON Schemas', () => {
  it('are committed exactly as the generator writes them (run scripts/generate-schemas.ts after changing a zod type)', () => {
    const generated = generateAllJsonSchemas();
    expect(readdirSync(schemasDir).sort()).toEqual([...generated.keys()].sort());
    for (const [name, schema] of generated) {
      expect(readFileSync(schemasDir + name, 'utf8'), name).toBe(serializeJsonSchema(schema));
    }
  });

  it('compile under ajv 2020-12 strict mode and name their file in $id', () => {
    for (const [name, schema] of generateAllJsonSchemas()) {
      expect(schema['$id']).toBe(name);
      expect(() => compileJsonSchema(schema)).not.toThrow();
    }
  });

  it('are exported as plain data equal to the generated ones', () => {
    const generated = generateAllJsonSchemas();
    for (const t of MANIFEST_TARGETS) expect(MANIFEST_JSON_SCHEMAS[t]).toEqual(generated.get(`${t}-manifest.schema.json`));
  });
});

const valid: Record<ManifestTarget, () => unknown> = { desktop: desktopManifest, cloud: cloudManifest, mobile: mobileManifest };

type Path = (string | number)[];
function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

interface Mutation {
  readonly pick: number;
  readonly op: 'replace' | 'delete' | 'add';
  readonly key: string;
  readonly value: unknown;
}

function mutate(input: unknown, m: Mutation): unknown {
  const root = { v: structuredClone(input) } as Record<string, unknown>;
  const all = paths(root['v']);
  const path = ['v', ...(all[m.pick % all.length] as Path)];
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const target = parent[last];
  // defineProperty keeps keys such as __proto__ own data properties, as JSON.parse makes them.
  const put = (o: object, k: string | number, v: unknown): void => void Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (m.op === 'replace') put(parent, last, m.value);
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (typeof target === 'object' && target !== null) {
    if (Array.isArray(target)) target.push(m.value);
    else put(target, m.key, m.value);
  }
  return root['v'];
}

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'add'),
  key: fc.oneof(fc.constantFrom('id', 'name', 'min', 'max', 'path', 'type', 'class', 'target', '__proto__', 'constructor'), fc.string()),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', 0, -1, 1.5, 70000, 'desktop', 'env', 'http', [], {})),
});

describe('zod and ajv agree', () => {
  test.prop([fc.constantFrom(...MANIFEST_TARGETS), fc.jsonValue({ maxDepth: 4 })], { numRuns: 150 })('on arbitrary JSON', (target, value) => {
    expect(MANIFEST_SCHEMAS[target].safeParse(value).success).toBe(manifestSchemaCheck(target)(value).length === 0);
  });

  test.prop([fc.constantFrom(...MANIFEST_TARGETS), fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 200 })('on mutated valid manifests', (target, mutations) => {
    const value = mutations.reduce((v, m) => mutate(v, m), valid[target]());
    expect(MANIFEST_SCHEMAS[target].safeParse(value).success).toBe(manifestSchemaCheck(target)(value).length === 0);
  });

  it('on the valid manifests themselves', () => {
    for (const t of MANIFEST_TARGETS) {
      expect(MANIFEST_SCHEMAS[t].safeParse(valid[t]()).success).toBe(true);
      expect(manifestSchemaCheck(t)(valid[t]())).toEqual([]);
    }
  });

  const profileCheck = compileJsonSchema(generateAllJsonSchemas().get('profile-export.schema.json') as Record<string, unknown>);
  test.prop([fc.jsonValue({ maxDepth: 3 })], { numRuns: 100 })('for the profile export schema', (value) => {
    expect(profileExportSchema.safeParse(value).success).toBe(profileCheck(value).length === 0);
  });
});
