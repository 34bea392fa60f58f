import { describe, expect, it } from 'vitest';
import { validateDraft07 } from './chart-schema.ts';
import { CHART_YAML_SCHEMA } from './chart-yaml-schema.ts';

const values = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['image'],
  properties: { image: { type: 'string' }, api: { $ref: '#/definitions/Api' } },
  definitions: { Api: { type: 'object', properties: { replicas: { type: 'integer' } } } },
};

describe('validateDraft07', () => {
  it("checks Chart.yaml with the precompiled schema", () => {
    expect(validateDraft07({ apiVersion: 'v2', name: 'recipe-hub', version: '1.0.0' }, CHART_YAML_SCHEMA, 'CLOUD_HELM_CHART_INVALID', 'Chart.yaml')).toEqual([]);
    const bad = validateDraft07({ apiVersion: 'v1', name: 'Recipe Hub', version: '1' }, CHART_YAML_SCHEMA, 'CLOUD_HELM_CHART_INVALID', 'Chart.yaml');
    expect(bad.map((d) => d.path).sort()).toEqual(['/apiVersion', '/name', '/version']);
  });

  it('checks a per-chart values schema without compiling it, one diagnostic per violation at its pointer', () => {
    expect(validateDraft07({ image: 'x:1', api: { replicas: 2 } }, values, 'CLOUD_HELM_VALUES_INVALID', 'values.yaml')).toEqual([]);
    const bad = validateDraft07({ api: { replicas: 'two' }, extra: true }, values, 'CLOUD_HELM_VALUES_INVALID', 'values.yaml');
    expect(bad.map((d) => [d.code, d.path])).toEqual([
      ['CLOUD_HELM_VALUES_INVALID', ''],
      ['CLOUD_HELM_VALUES_INVALID', '/api/replicas'],
      ['CLOUD_HELM_VALUES_INVALID', ''],
    ]);
    expect(bad.map((d) => d.message)).toEqual([
      'values.yaml (root) instance does not have required property "image"',
      'values.yaml /api/replicas instance type "string" is invalid. Expected "integer"',
      'values.yaml (root) property "extra" does not match additional properties schema',
    ]);
  });
});
