import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './json-schemas.ts';
import type { SchemaCheck } from './manifest-schema-check.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module
// object, typed as the plugin. This is the one cast of it in the package.
const addFormats = addFormatsModule as unknown as (ajv: Ajv | Ajv2020) => Ajv | Ajv2020;

function wrap(validate: ValidateFunction): SchemaCheck {
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}

/**
 * Compiles a JSON Schema at run time with the dialect its `$schema` names:
 * draft-07 (the predecessor's published schemas) or 2020-12 (ours, the
 * default). For schemas that are not known ahead of time (tests compare with
 * the predecessor's); the package's own schemas are precompiled
 * (`manifest-schema-check.ts`).
 */
export function compileJsonSchema(schema: JsonSchema): SchemaCheck {
  const dialect = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
  const ajv = dialect.includes('draft-07') ? new Ajv({ allErrors: true, strict: false }) : new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return wrap(ajv.compile(schema));
}
