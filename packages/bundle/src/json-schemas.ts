import { z } from 'zod';
import { MANIFEST_SCHEMAS, MANIFEST_TARGETS, type ManifestTarget } from './manifest.ts';
import { profileExportSchema } from './profile.ts';

/** A JSON Schema document (draft 2020-12), as plain JSON data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** The file name a target's generated schema is committed under (in `packages/bundle/schemas/`). */
export function manifestSchemaFileName(target: ManifestTarget): string {
  return `${target}-manifest.schema.json`;
}

/**
 * Generates the JSON Schema (draft 2020-12) of one target's manifest from its
 * zod schema. Deterministic: the same zod schema always gives the same JSON.
 *
 * @example
 * ```ts
 * const schema = generateManifestJsonSchema('desktop');
 * schema.$id // 'desktop-manifest.schema.json'
 * ```
 */
export function generateManifestJsonSchema(target: ManifestTarget): JsonSchema {
  return toJsonSchema(MANIFEST_SCHEMAS[target], manifestSchemaFileName(target));
}

function toJsonSchema(schema: z.ZodType, id: string): JsonSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: id, ...rest };
}

/** The file name of the generated profile export schema. */
export const PROFILE_EXPORT_SCHEMA_FILE = 'profile-export.schema.json';

/** Generates the JSON Schema of a profile export file (`deployment-manager profile export`). */
export function generateProfileExportJsonSchema(): JsonSchema {
  return toJsonSchema(profileExportSchema, PROFILE_EXPORT_SCHEMA_FILE);
}

/** Every generated schema by file name, in a stable order (what `scripts/generate-schemas.ts` writes). */
export function generateAllJsonSchemas(): ReadonlyMap<string, JsonSchema> {
  return new Map([
    ...MANIFEST_TARGETS.map((t) => [manifestSchemaFileName(t), generateManifestJsonSchema(t)] as const),
    [PROFILE_EXPORT_SCHEMA_FILE, generateProfileExportJsonSchema()] as const,
  ]);
}

/** The exact text a schema file is committed with (2-space JSON, trailing newline). */
export function serializeJsonSchema(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Each target's schema, generated on first read (not when the package loads). */
function lazyManifestSchemas(): Readonly<Record<ManifestTarget, JsonSchema>> {
  const cache = new Map<ManifestTarget, JsonSchema>();
  const schemas = {} as Record<ManifestTarget, JsonSchema>;
  for (const target of MANIFEST_TARGETS) {
    Object.defineProperty(schemas, target, {
      enumerable: true,
      get: (): JsonSchema => {
        let schema = cache.get(target);
        if (schema === undefined) cache.set(target, (schema = generateManifestJsonSchema(target)));
        return schema;
      },
    });
  }
  return Object.freeze(schemas);
}

/**
 * The generated JSON Schema of every target (the same JSON as the committed
 * `schemas/<target>-manifest.schema.json` files, which a test pins), each
 * generated on first read.
 *
 * @example
 * ```ts
 * new Ajv2020().compile(MANIFEST_JSON_SCHEMAS.desktop)
 * ```
 */
export const MANIFEST_JSON_SCHEMAS: Readonly<Record<ManifestTarget, JsonSchema>> = lazyManifestSchemas();
