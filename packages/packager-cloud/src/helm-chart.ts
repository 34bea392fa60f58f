import type { CloudManifest } from '@deployment-manager/bundle';
import { SdkError, type PackagerNote } from '@deployment-manager/core';
import { holesOf, type ValueSchema } from './holes.ts';
import type { HelmSecretTemplate } from './helm-secret.ts';
import { renderHelmTemplate } from './helm-render.ts';
import { templateOf } from './helm-template.ts';
import type { KubernetesFile } from './kubernetes.ts';
import { note } from './notes.ts';
import { VALUE_SCHEMA_NAMES } from './value-schemas.ts';

/** A chart as files relative to the chart directory. */
export interface HelmChart {
  /** Chart name (the app name). */
  readonly name: string;
  /** Chart.yaml as data. */
  readonly chart: Readonly<Record<string, unknown>>;
  /** values.yaml as data: every value the templates read, set to what the plain manifests hold. */
  readonly values: Readonly<Record<string, unknown>>;
  /** values.schema.json (draft-07), generated with the values. */
  readonly valuesSchema: Readonly<Record<string, unknown>>;
  /** Template file name (under `templates/`) -> template text. */
  readonly templates: ReadonlyMap<string, string>;
  /** What the chart approximates. */
  readonly notes: readonly PackagerNote[];
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Nested schema object for values: every level an object whose keys are all required and none other allowed. */
function objectSchema(properties: Record<string, ValueSchema>): ValueSchema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

function place(values: Record<string, unknown>, schemas: Record<string, unknown>, path: readonly string[], value: unknown, schema: ValueSchema): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (!(head in values)) {
      values[head] = value;
      schemas[head] = schema;
    }
    return;
  }
  const child = (values[head] ??= {}) as Record<string, unknown>;
  const childSchemas = (schemas[head] ??= {}) as Record<string, unknown>;
  place(child, childSchemas, rest, value, schema);
}

function toSchema(tree: Record<string, unknown>, leaves: ReadonlySet<unknown>, definitions: Record<string, ValueSchema>): ValueSchema {
  const entries = Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return objectSchema(
    Object.fromEntries(
      entries.map(([k, v]) => {
        if (!leaves.has(v)) return [k, toSchema(v as Record<string, unknown>, leaves, definitions)];
        const name = VALUE_SCHEMA_NAMES.get(v as ValueSchema);
        if (name === undefined) return [k, v as ValueSchema];
        definitions[name] = v as ValueSchema;
        return [k, { $ref: `#/definitions/${name}` }];
      }),
    ),
  );
}

function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
}

/**
 * Builds the Helm chart of a manifest from the same Kubernetes files the
 * plain manifests come from: one template per file (holes become template
 * actions), values.yaml with each hole's default, values.schema.json
 * (draft-07, what Helm validates values with) built with the values, and the
 * Secret template when secrets are generated or prompted.
 */
export function buildHelmChart(manifest: CloudManifest, files: readonly KubernetesFile[], secret: HelmSecretTemplate | undefined): HelmChart {
  const notes: PackagerNote[] = [...(secret?.notes ?? [])];
  const semver = SEMVER.test(manifest.app.version);
  if (!semver) notes.push(note('emulated', 'helm.version', `app version "${manifest.app.version}" is not SemVer 2, which chart versions must be; the chart is version 0.1.0 and keeps it as appVersion`, ['app', 'version']));
  const chart = {
    apiVersion: 'v2',
    name: manifest.app.name,
    description: manifest.app.description ?? `${manifest.app.name} (${manifest.tier}), packaged by deployment-manager`,
    type: 'application',
    version: semver ? manifest.app.version : '0.1.0',
    appVersion: manifest.app.version,
  };
  const values: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const leaves = new Set<unknown>();
  for (const file of files) {
    for (const h of [...(file.condition === undefined ? [] : [file.condition]), ...holesOf(file.objects)]) {
      if (h.values === undefined) continue;
      place(values, schemas, h.values.path, h.value, h.values.schema);
      leaves.add(h.values.schema);
    }
  }
  if (secret !== undefined) {
    if ('secrets' in values) throw new SdkError('INTERNAL', 'values key "secrets" is taken', { hint: 'report this' });
    values['secrets'] = secret.values;
    schemas['secrets'] = secret.schema;
    leaves.add(secret.schema);
  }
  const definitions: Record<string, ValueSchema> = {};
  const root = toSchema(schemas, leaves, definitions);
  const valuesSchema = { $schema: 'http://json-schema.org/draft-07/schema#', title: `values of the ${manifest.app.name} chart`, ...root, definitions: sortKeys(definitions) };
  const templates = new Map(files.map((f) => [f.name, templateOf(f)] as const));
  if (secret !== undefined) templates.set('secret.yaml', secret.template);
  return { name: manifest.app.name, chart, values: sortKeys(values) as Record<string, unknown>, valuesSchema, templates, notes };
}

/** Options of {@link renderHelmChart}. */
export interface RenderHelmChartOptions {
  /** Values merged over the chart's defaults (objects deeply, everything else replaced). */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Release name; default the chart name. */
  readonly release?: string;
  /** Release namespace; default `default`. */
  readonly namespace?: string;
}

function merge(base: unknown, over: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof over !== 'object' || over === null || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v) : v;
  return out;
}

/**
 * Renders every template of a chart offline (see `renderHelmTemplate`), like
 * `helm template`: template file name -> rendered text.
 *
 * @example
 * ```ts
 * const rendered = renderHelmChart(plan.chart, { values: { secrets: { create: true, values: { api_key: 'from-the-user' } } } });
 * ```
 */
export function renderHelmChart(chart: HelmChart, options: RenderHelmChartOptions = {}): Map<string, string> {
  const context = {
    Values: merge(chart.values, options.values ?? {}) as Record<string, unknown>,
    Release: { Name: options.release ?? chart.name, Namespace: options.namespace ?? 'default' },
    Chart: { Name: chart.name, Version: String(chart.chart['version']), AppVersion: String(chart.chart['appVersion']) },
  };
  return new Map([...chart.templates].map(([name, text]) => [name, renderHelmTemplate(text, context)] as const));
}
