import { Validator } from '@cfworker/json-schema';
import type { Diagnostic } from '@deployment-manager/core';
import { CHART_YAML_SCHEMA } from './chart-yaml-schema.ts';
import { cloudDiagnostic } from './diagnostic-codes.ts';
import validateChartYaml from './generated/chart-yaml.validate.js';

/** One schema violation: where in the value, and what. */
interface Violation {
  readonly pointer: string;
  readonly message: string;
}

/** Chart.yaml's schema is known ahead of time: compiled in (ajv standalone). */
function chartYamlViolations(value: unknown): Violation[] {
  if (validateChartYaml(value)) return [];
  return (validateChartYaml.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => ({ pointer: e.instancePath, message: e.message ?? 'is invalid' }));
}

// Keywords whose errors only say "a part below failed": the part's own error is reported instead.
const UMBRELLA = new Set(['properties', 'patternProperties', 'items', 'additionalItems', '$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'dependencies', 'false']);
const interpreters = new WeakMap<object, Validator>();

/**
 * A chart's values schema is made per chart, so it is interpreted
 * (@cfworker/json-schema), not compiled: nothing is compiled at run time.
 */
function valuesViolations(value: unknown, schema: Readonly<Record<string, unknown>>): Violation[] {
  let validator = interpreters.get(schema);
  if (validator === undefined) {
    validator = new Validator(schema as Record<string, unknown>, '7', false);
    interpreters.set(schema, validator);
  }
  return validator
    .validate(value)
    .errors.filter((e) => !UMBRELLA.has(e.keyword))
    .map((e) => ({ pointer: e.instanceLocation.replace(/^#/, ''), message: e.error.replace(/^\w/, (c) => c.toLowerCase()).replace(/\.$/, '') }));
}

/**
 * Validates a value against a draft-07 schema (Helm's dialect for
 * values.schema.json and our Chart.yaml schema); one diagnostic of `code`
 * per violation, in `file`.
 */
export function validateDraft07(value: unknown, schema: Readonly<Record<string, unknown>>, code: 'CLOUD_HELM_CHART_INVALID' | 'CLOUD_HELM_VALUES_INVALID', file: string): Diagnostic[] {
  const violations = schema === CHART_YAML_SCHEMA ? chartYamlViolations(value) : valuesViolations(value, schema);
  return violations.map((v) => cloudDiagnostic(code, `${file} ${v.pointer === '' ? '(root)' : v.pointer} ${v.message}`, { path: v.pointer, file, hint: 'this is a packager bug or an invalid manifest value' }));
}
