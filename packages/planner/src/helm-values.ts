import type { CloudManifest } from '@deployment-manager/bundle';
import { Document } from 'yaml';
import type { EnvironmentOverlay, ServiceOverride } from './environment.ts';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';

/** What {@link renderHelmValues} produced. */
export interface HelmValuesRender {
  /** `values-<env>.yaml` text. */
  readonly text: string;
  /** The values as data (what `helm -f` merges over the chart's values.yaml). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Overrides the chart has no value for. */
  readonly findings: readonly PlanDiagnostic[];
}

const sortKeys = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Renders `values-<env>.yaml` for the cloud packager's Helm chart, using its
 * values layout: `services.<id>.replicas`, `services.<id>.env` (merged key by
 * key by Helm), `services.<id>.resources` (`requests` and the GPU limit) and
 * `ingress.host`. Only what the overlay changes is written; `applied` is the
 * manifest with the overlay applied (for the merged resources). The chart's
 * values schema admits only keys it defines, so an override it cannot take
 * (an ingress host when the base manifest has none) is reported instead.
 * Pure.
 *
 * @example
 * ```ts
 * const { text } = renderHelmValues(base, applyEnvironment(base, PRODUCTION).manifest, PRODUCTION);
 * // helm upgrade --install recipe-hub ./chart -f values-production.yaml
 * ```
 */
export function renderHelmValues(base: CloudManifest, applied: CloudManifest, overlay: EnvironmentOverlay): HelmValuesRender {
  const findings: PlanDiagnostic[] = [];
  const services: Record<string, unknown> = {};
  for (const s of applied.services) {
    const own = Object.hasOwn(overlay.services ?? {}, s.id) ? overlay.services?.[s.id] : undefined;
    const layers: (ServiceOverride | undefined)[] = [s.kind === 'app' ? overlay.apps : undefined, own];
    const touched = (key: keyof ServiceOverride): boolean => layers.some((o) => o?.[key] !== undefined);
    const env = Object.assign({}, ...layers.map((o) => o?.env ?? {})) as Record<string, string>;
    const requests = { ...(s.resources?.cpu === undefined ? {} : { cpu: s.resources.cpu }), ...(s.resources?.memory === undefined ? {} : { memory: s.resources.memory }) };
    const gpu = s.resources?.gpu ?? 0;
    const entry = {
      ...(touched('replicas') ? { replicas: s.replicas ?? 1 } : {}),
      ...(Object.keys(env).length === 0 ? {} : { env: sortKeys(env) }),
      ...(touched('resources') ? { resources: { ...(Object.keys(requests).length === 0 ? {} : { requests }), ...(gpu === 0 ? {} : { limits: { 'nvidia.com/gpu': gpu } }) } } : {}),
    };
    if (Object.keys(entry).length > 0) services[s.id] = entry;
  }
  const values: Record<string, unknown> = { ...(Object.keys(services).length === 0 ? {} : { services }) };
  if (overlay.ingress?.host !== undefined) {
    if (base.ingress?.host === undefined) {
      findings.push(planDiagnostic('TARGET_LOST_FEATURE', `the chart has no ingress host value (the base manifest sets none), so host "${overlay.ingress.host}" of environment "${overlay.name}" is not applied on k8s`, { hint: 'set ingress.host in the profile so the chart gets an ingress.host value, then override it per environment' }));
    } else {
      values['ingress'] = { host: overlay.ingress.host };
    }
  }
  if (overlay.ingress?.tls !== undefined && overlay.ingress.tls !== (base.ingress?.tls ?? false)) {
    findings.push(planDiagnostic('TARGET_LOST_FEATURE', `the chart has no tls value, so tls=${String(overlay.ingress.tls)} of environment "${overlay.name}" is not applied on k8s`, { hint: 'set ingress.tls in the profile so the chart is rendered with it' }));
  }
  const doc = new Document(values);
  doc.commentBefore = ` values-${overlay.name}.yaml: environment "${overlay.name}" of ${applied.app.name} ${applied.app.version}\n use: helm upgrade --install ${applied.app.name} ./chart -f values-${overlay.name}.yaml`;
  return { text: doc.toString({ lineWidth: 0 }), values, findings };
}
