// Data only: scripts/generate-validators.ts compiles it ahead of time.

/**
 * JSON Schema (draft-07) of a Helm 3 `Chart.yaml` (apiVersion v2), written
 * from Helm's chart file reference: the fields Helm reads, nothing else.
 */
export const CHART_YAML_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Helm Chart.yaml (apiVersion v2)',
  type: 'object',
  required: ['apiVersion', 'name', 'version'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'v2' },
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
    version: { type: 'string', pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$' },
    kubeVersion: { type: 'string' },
    description: { type: 'string' },
    type: { enum: ['application', 'library'] },
    keywords: { type: 'array', items: { type: 'string' } },
    home: { type: 'string' },
    sources: { type: 'array', items: { type: 'string' } },
    dependencies: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, version: { type: 'string' }, repository: { type: 'string' } } } },
    maintainers: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, email: { type: 'string' }, url: { type: 'string' } } } },
    icon: { type: 'string' },
    appVersion: { type: 'string' },
    deprecated: { type: 'boolean' },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};
