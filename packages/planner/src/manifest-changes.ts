import { jsonEqual } from './manifest-diff.ts';

/** A service whose definition differs between two manifests. */
export interface ServiceChange {
  /** Service id. */
  readonly id: string;
  /** Top-level fields of the service that differ (`image`, `replicas`, `env`...), sorted. */
  readonly fields: readonly string[];
}

/** What changes between two manifests, by meaning (services and secrets by id), for people. */
export interface ManifestChanges {
  /** App version before and after, when it changed. */
  readonly version?: {
    /** Old version. */
    readonly from: string;
    /** New version. */
    readonly to: string;
  };
  /** Services only in the new manifest. */
  readonly servicesAdded: readonly string[];
  /** Services only in the old manifest. */
  readonly servicesRemoved: readonly string[];
  /** Services in both that differ. */
  readonly servicesChanged: readonly ServiceChange[];
  /** Secret ids only in the new manifest. */
  readonly secretsAdded: readonly string[];
  /** Secret ids only in the old manifest. */
  readonly secretsRemoved: readonly string[];
  /** Secret ids in both whose definition differs (class, target...; never values). */
  readonly secretsChanged: readonly string[];
  /** Whether the ingress (host, TLS, routes) differs. */
  readonly ingressChanged: boolean;
  /** Other top-level fields that differ (`tier`, `swaps`...). */
  readonly otherChanged: readonly string[];
}

type Rec = Readonly<Record<string, unknown>>;
const asRec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const byId = (list: unknown): Map<string, Rec> => {
  const out = new Map<string, Rec>();
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const id = asRec(item)['id'];
    if (typeof id === 'string' && !out.has(id)) out.set(id, asRec(item));
  }
  return out;
};
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

/**
 * Summarizes what changes from manifest `a` to `b`: version, services and
 * secrets added, removed or changed (matched by id, so reordering is no
 * change), ingress, and other top-level fields. Reads untrusted JSON
 * without throwing. Pure.
 *
 * @example
 * ```ts
 * summarizeManifestChanges(v31, v32).servicesChanged // [{ id: 'api', fields: ['image'] }]
 * ```
 */
export function summarizeManifestChanges(a: unknown, b: unknown): ManifestChanges {
  const ra = asRec(a);
  const rb = asRec(b);
  const va = asRec(ra['app'])['version'];
  const vb = asRec(rb['app'])['version'];
  const sa = byId(ra['services']);
  const sb = byId(rb['services']);
  const servicesChanged: ServiceChange[] = [];
  for (const [id, x] of sa) {
    const y = sb.get(id);
    if (y === undefined) continue;
    const fields = sorted(new Set([...Object.keys(x), ...Object.keys(y)])).filter((k) => !jsonEqual(x[k], y[k]));
    if (fields.length > 0) servicesChanged.push({ id, fields });
  }
  const xa = byId(ra['secrets']);
  const xb = byId(rb['secrets']);
  const known = new Set(['app', 'services', 'secrets', 'ingress']);
  return {
    ...(typeof va === 'string' && typeof vb === 'string' && va !== vb ? { version: { from: va, to: vb } } : {}),
    servicesAdded: sorted([...sb.keys()].filter((id) => !sa.has(id))),
    servicesRemoved: sorted([...sa.keys()].filter((id) => !sb.has(id))),
    servicesChanged: servicesChanged.sort((p, q) => (p.id < q.id ? -1 : 1)),
    secretsAdded: sorted([...xb.keys()].filter((id) => !xa.has(id))),
    secretsRemoved: sorted([...xa.keys()].filter((id) => !xb.has(id))),
    secretsChanged: sorted([...xa.keys()].filter((id) => xb.has(id) && !jsonEqual(xa.get(id), xb.get(id)))),
    ingressChanged: !jsonEqual(ra['ingress'], rb['ingress']),
    otherChanged: sorted(new Set([...Object.keys(ra), ...Object.keys(rb)])).filter((k) => !known.has(k) && !jsonEqual(ra[k], rb[k])),
  };
}
