import type { CloudManifest, ManifestSecret } from '@deployment-manager/bundle';
import type { PackagerNote } from '@deployment-manager/core';
import type { GeneratorSpec, KubernetesObject } from '@deployment-manager/secrets';
import type { ValueSchema } from './holes.ts';
import { escapeTemplateText } from './helm-template.ts';
import { secretKey } from './names.ts';
import { note } from './notes.ts';
import { helmGenerator } from './secret-generators.ts';
import { toYaml } from './yaml-text.ts';

/** The chart's Secret for generated and prompted secrets, with its values and their schema. */
export interface HelmSecretTemplate {
  /** `templates/secret.yaml`. */
  readonly template: string;
  /** `secrets` in values.yaml: `create: false` and an empty string per prompted secret. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Schema of `secrets`: prompted values must be non-empty (and match their format) when `create` is true. */
  readonly schema: ValueSchema;
  /** Generators the chart approximates. */
  readonly notes: readonly PackagerNote[];
}

// Regular-expression syntax Go's RE2 (Helm's schema validator) rejects: lookaround and backreferences.
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]/;

/**
 * The Secret template: rendered only with `secrets.create=true`, it keeps
 * values of an existing Secret (`lookup`), generates missing ones with Sprig
 * and fails on an empty prompted value (`required`). Off by default, so the
 * chart with default values renders exactly the plain manifests, which leave
 * the Secret to `create-secrets.sh` - and `helm template` never prints a
 * generated value. Undefined when nothing is generated or prompted.
 */
export function helmSecretTemplate(manifest: CloudManifest, skeleton: KubernetesObject | undefined): HelmSecretTemplate | undefined {
  const local = (manifest.secrets ?? []).filter((s) => s.class === 'per_install_generated' || s.class === 'user_prompt');
  if (skeleton === undefined || local.length === 0) return undefined;
  const name = skeleton.metadata.name;
  const notes: PackagerNote[] = [];
  const index = (s: ManifestSecret): number => (manifest.secrets ?? []).indexOf(s);
  const prompted = local.filter((s) => s.class === 'user_prompt');
  const lines = local.map((s) => {
    const key = secretKey(s.id);
    if (s.class === 'user_prompt') {
      const message = `set secrets.values.${key} (${s.prompt?.label ?? s.id})`.replace(/["\\\r\n]/g, ' ');
      return `  ${JSON.stringify(key)}: {{ required "${message}" (index .Values "secrets" "values" ${JSON.stringify(key)}) | b64enc | quote }}`;
    }
    const gen = helmGenerator(s.generator as unknown as GeneratorSpec);
    if (!gen.exact) notes.push(note('emulated', 'helm.secrets', `the chart generates secret "${s.id}" with Sprig's ${gen.expr.split(' ')[0] ?? ''}, with at least the entropy of its generator but not its exact format; create-secrets.sh follows the generator exactly`, ['secrets', index(s), 'generator']));
    return `  ${JSON.stringify(key)}: {{ get $existing ${JSON.stringify(key)} | default (${gen.expr} | b64enc) | quote }}`;
  });
  const head = { apiVersion: skeleton.apiVersion, kind: skeleton.kind, metadata: { ...skeleton.metadata, annotations: { ...skeleton.metadata.annotations, 'helm.sh/resource-policy': 'keep' } }, type: 'Opaque' };
  const template = [
    '{{- if .Values.secrets.create }}',
    `{{- $existing := (lookup "v1" "Secret" .Release.Namespace ${JSON.stringify(name)}).data | default dict }}`,
    `${escapeTemplateText(toYaml(head))}data:`,
    ...lines,
    '{{- end }}',
    '',
  ].join('\n');
  const values = { create: false, ...(prompted.length === 0 ? {} : { values: Object.fromEntries(prompted.map((s) => [secretKey(s.id), ''])) }) };
  const strict = (s: ManifestSecret): ValueSchema => ({ minLength: 1, ...(s.format === undefined || NOT_RE2.test(s.format) ? {} : { pattern: s.format }) });
  const promptedSchema = (each: (s: ManifestSecret) => ValueSchema): ValueSchema => ({
    type: 'object',
    properties: Object.fromEntries(prompted.map((s) => [secretKey(s.id), { type: 'string', ...each(s) }])),
    required: prompted.map((s) => secretKey(s.id)),
    additionalProperties: false,
  });
  const schema: ValueSchema = {
    type: 'object',
    properties: { create: { type: 'boolean' }, ...(prompted.length === 0 ? {} : { values: promptedSchema(() => ({})) }) },
    required: ['create', ...(prompted.length === 0 ? [] : ['values'])],
    additionalProperties: false,
    ...(prompted.length === 0 ? {} : { if: { properties: { create: { const: true } } }, then: { properties: { values: promptedSchema(strict) } } }),
  };
  return { template, values, schema, notes };
}
