import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { MANIFEST_JSON_SCHEMAS, type JsonSchema } from './json-schemas.ts';
import type { ManifestTarget } from './manifest.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module
// object, typed as the plugin. This is the one cast of it in the package.
const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => Ajv | Ajv2020;

/** A compiled JSON Schema validator: the errors of `value`, empty when valid. */
export type SchemaCheck = (value: unknown) => readonly ErrorObject[];

function wrap(validate: ValidateFunction): SchemaCheck {
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}

/**
 * Compiles a JSON Schema with the dialect its `$schema` names: draft-07 (the
 * predecessor's published schemas) or 2020-12 (ours, the default).
 */
export function compileJsonSchema(schema: JsonSchema): SchemaCheck {
  const dialect = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
  const ajv = dialect.includes('draft-07') ? new Ajv({ allErrors: true, strict: false }) : new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return wrap(ajv.compile(schema));
}

const compiled = new Map<ManifestTarget, SchemaCheck>();

/** The compiled validator of our generated schema for one target (compiled once). */
export function manifestSchemaCheck(target: ManifestTarget): SchemaCheck {
  let check = compiled.get(target);
  if (check === undefined) {
    check = compileJsonSchema(MANIFEST_JSON_SCHEMAS[target]);
    compiled.set(target, check);
  }
  return check;
}
