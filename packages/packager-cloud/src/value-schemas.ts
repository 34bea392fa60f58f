import { QUANTITY_PATTERN as quantity } from '@deployment-manager/core';
import type { ValueSchema } from './holes.ts';

const quantityMap: ValueSchema = { type: 'object', additionalProperties: { anyOf: [{ type: 'string', pattern: quantity }, { type: 'number', minimum: 0 }] } };

/** JSON Schemas (draft-07) of the values the chart exposes, by kind of value. */
export const kubernetesValueSchemas: {
  readonly image: ValueSchema;
  readonly replicas: ValueSchema;
  readonly resources: ValueSchema;
  readonly env: ValueSchema;
  readonly quantity: ValueSchema;
  readonly host: ValueSchema;
  readonly flag: ValueSchema;
  readonly secretStoreRef: ValueSchema;
} = {
  image: { type: 'string', minLength: 1 },
  replicas: { type: 'integer', minimum: 0 },
  resources: { type: 'object', properties: { requests: quantityMap, limits: quantityMap }, additionalProperties: false },
  env: { type: 'object', propertyNames: { pattern: '^[-._a-zA-Z0-9]+$' }, additionalProperties: { type: 'string' } },
  quantity: { type: 'string', pattern: quantity },
  host: { type: 'string', pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' },
  flag: { type: 'boolean' },
  secretStoreRef: {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1 }, kind: { enum: ['SecretStore', 'ClusterSecretStore'] } },
    required: ['name', 'kind'],
    additionalProperties: false,
  },
};

/** The name of each shared value schema, used as its key under `definitions` in values.schema.json. */
export const VALUE_SCHEMA_NAMES: ReadonlyMap<ValueSchema, string> = new Map(Object.entries(kubernetesValueSchemas).map(([name, schema]) => [schema, name] as const));
