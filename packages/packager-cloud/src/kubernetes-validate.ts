import { jsonPointer, type Diagnostic } from '@deployment-manager/core';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { cloudDiagnostic } from './diagnostic-codes.ts';

/** One schema violation, as ajv (and kubernetes-models) report it. */
export interface KubernetesSchemaError {
  /** JSON pointer into the object. */
  readonly instancePath: string;
  /** What is wrong. */
  readonly message?: string;
}
type Validate = (object: Readonly<Record<string, unknown>>) => readonly KubernetesSchemaError[];

function modelValidator(Model: new (data: never) => { validate(): void }, apiVersion?: string): Validate {
  return (object) => {
    try {
      new Model({ ...object, ...(apiVersion === undefined ? {} : { apiVersion }) } as never).validate();
      return [];
    } catch (error) {
      const errors = (error as { errors?: unknown }).errors;
      if (!Array.isArray(errors)) throw error;
      return errors as KubernetesSchemaError[];
    }
  };
}

// The External Secrets v1 API keeps the v1beta1 ExternalSecret fields this
// package writes (refreshInterval, secretStoreRef, target, data[].remoteRef);
// kubernetes-models for Node 20 ships v1beta1, so v1 objects are checked against it.
const VALIDATORS: ReadonlyMap<string, Validate> = new Map([
  ['v1/ConfigMap', modelValidator(ConfigMap)],
  ['v1/Secret', modelValidator(Secret)],
  ['v1/Service', modelValidator(Service)],
  ['apps/v1/Deployment', modelValidator(Deployment)],
  ['apps/v1/StatefulSet', modelValidator(StatefulSet)],
  ['networking.k8s.io/v1/Ingress', modelValidator(Ingress)],
  ['external-secrets.io/v1/ExternalSecret', modelValidator(ExternalSecret, 'external-secrets.io/v1beta1')],
  ['external-secrets.io/v1beta1/ExternalSecret', modelValidator(ExternalSecret)],
]);

/** The `apiVersion/kind` pairs {@link validateKubernetesObject} knows. */
export const KUBERNETES_KINDS: readonly string[] = [...VALIDATORS.keys()];

type Path = readonly (string | number)[];

function fieldPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldPaths(v, [...at, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...fieldPaths(v, [...at, k])]);
}

function withValue(object: unknown, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(object) as Record<string, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] ?? ''] = value;
  return copy;
}

/**
 * Paths of fields the object's schema does not know. The kubernetes-models
 * schemas, like Kubernetes' OpenAPI, allow unknown properties, so each field
 * is probed: given a value of the wrong type, a field the schema knows
 * fails validation at its own path; an unknown field passes silently.
 */
export function unknownFields(object: Readonly<Record<string, unknown>>, validate: (object: Readonly<Record<string, unknown>>) => readonly KubernetesSchemaError[]): string[] {
  const out: string[] = [];
  for (const path of fieldPaths(object)) {
    // Array items are probed through their fields; apiVersion and kind picked the schema.
    if (typeof path[path.length - 1] === 'number' || (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind'))) continue;
    const pointer = jsonPointer(path);
    const current = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], object);
    const probe = typeof current === 'boolean' ? 'probe' : true;
    const errors = validate(withValue(object, path, probe));
    if (!errors.some((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`))) out.push(pointer);
  }
  return out;
}

/**
 * Validates one generated Kubernetes object offline against its
 * kubernetes-models schema (`CLOUD_K8S_INVALID`), then checks that every
 * field is one the schema knows (`CLOUD_K8S_UNKNOWN_FIELD`). `file` names
 * the file it is written to; paths point into the object.
 *
 * @example
 * ```ts
 * validateKubernetesObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: {} }, 'kubernetes/x.yaml'); // []
 * ```
 */
export function validateKubernetesObject(object: Readonly<Record<string, unknown>>, file: string): Diagnostic[] {
  const key = `${String(object['apiVersion'])}/${String(object['kind'])}`;
  const validate = VALIDATORS.get(key);
  if (validate === undefined) return [cloudDiagnostic('CLOUD_K8S_KIND_UNKNOWN', `no schema validates ${key}`, { file, hint: `known kinds: ${KUBERNETES_KINDS.join(', ')}` })];
  const errors = validate(object);
  if (errors.length > 0) {
    const seen = new Set<string>();
    return errors
      .filter((e) => (seen.has(`${e.instancePath} ${e.message ?? ''}`) ? false : (seen.add(`${e.instancePath} ${e.message ?? ''}`), true)))
      .map((e) => cloudDiagnostic('CLOUD_K8S_INVALID', `${key} ${e.instancePath === '' ? '(root)' : e.instancePath} ${e.message ?? 'is invalid'}`, { path: e.instancePath, file, hint: 'this is a packager bug or an invalid manifest value' }));
  }
  return unknownFields(object, validate).map((p) => cloudDiagnostic('CLOUD_K8S_UNKNOWN_FIELD', `${key} has a field its schema does not know: ${p}`, { path: p, file, hint: 'remove the field, or check its spelling and place' }));
}
