import { asArray, asObject, asString, entriesOf, type Segments } from './findings.ts';
import type { ManifestTarget } from './manifest.ts';

/** A string found at a path of the checked value. */
interface Located {
  /** The string. */
  readonly value: string;
  /** Where it is. */
  readonly path: Segments;
}

/** A port a service declares: its name and where it is declared. */
interface PortDecl extends Located {}

/**
 * A target-neutral view of one service of a manifest, read defensively from
 * untrusted JSON: every semantic check that does not care about the target
 * runs on these. Missing or mistyped fields simply yield empty lists.
 */
export interface ServiceView {
  /** The id, when it is a string. */
  readonly id: string | undefined;
  /** Path of the service entry. */
  readonly path: Segments;
  /** Declared dependency ids. */
  readonly dependencies: readonly Located[];
  /** Referenced secret ids. */
  readonly secrets: readonly Located[];
  /** Declared port names. */
  readonly ports: readonly PortDecl[];
  /** Port names referenced by health/readiness. */
  readonly portRefs: readonly Located[];
  /** Strings the runtime renders, where `${...}` placeholders are expanded. */
  readonly templated: readonly Located[];
}

/** Every string of a string array (with its path). */
function strings(value: unknown, path: Segments): Located[] {
  const out: Located[] = [];
  asArray(value).forEach((v, i) => {
    if (typeof v === 'string') out.push({ value: v, path: [...path, i] });
  });
  return out;
}

/** Every string value of a string map (with its path). */
function mapValues(value: unknown, path: Segments): Located[] {
  return entriesOf(value).flatMap(([k, v]) => (typeof v === 'string' ? [{ value: v, path: [...path, k] }] : []));
}

function portRefs(svc: Readonly<Record<string, unknown>>, path: Segments): Located[] {
  const out: Located[] = [];
  for (const key of ['health', 'readiness'] as const) {
    const name = asString(asObject(svc[key])?.['port_name']);
    if (name !== undefined) out.push({ value: name, path: [...path, key, 'port_name'] });
  }
  return out;
}

function desktopService(svc: Readonly<Record<string, unknown>>, path: Segments): ServiceView {
  const templated: Located[] = [...mapValues(svc['env'], [...path, 'env'])];
  for (const [key, bin] of entriesOf(svc['binaries'])) {
    templated.push(...strings(asObject(bin)?.['args'], [...path, 'binaries', key, 'args']));
    templated.push(...mapValues(asObject(bin)?.['env'], [...path, 'binaries', key, 'env']));
  }
  asArray(svc['migrations']).forEach((m, i) => {
    templated.push(...strings(asObject(m)?.['command'], [...path, 'migrations', i, 'command']));
    templated.push(...mapValues(asObject(m)?.['env'], [...path, 'migrations', i, 'env']));
  });
  templated.push(...strings(asObject(svc['health'])?.['command'], [...path, 'health', 'command']));
  const ports: PortDecl[] = [];
  asArray(asObject(svc['ports'])?.['requested']).forEach((r, i) => {
    const name = asString(asObject(r)?.['name']);
    if (name !== undefined) ports.push({ value: name, path: [...path, 'ports', 'requested', i, 'name'] });
  });
  return {
    id: asString(svc['id']),
    path,
    dependencies: strings(svc['dependencies'], [...path, 'dependencies']),
    secrets: strings(svc['secrets'], [...path, 'secrets']),
    ports,
    portRefs: portRefs(svc, path),
    templated,
  };
}

function cloudService(svc: Readonly<Record<string, unknown>>, path: Segments): ServiceView {
  const ports: PortDecl[] = [];
  asArray(svc['ports']).forEach((p, i) => {
    const name = asString(asObject(p)?.['name']);
    if (name !== undefined) ports.push({ value: name, path: [...path, 'ports', i, 'name'] });
  });
  return {
    id: asString(svc['id']),
    path,
    dependencies: strings(svc['dependencies'], [...path, 'dependencies']),
    secrets: strings(svc['secrets'], [...path, 'secrets']),
    ports,
    portRefs: portRefs(svc, path),
    templated: [
      ...mapValues(svc['env'], [...path, 'env']),
      ...strings(svc['command'], [...path, 'command']),
      ...strings(svc['args'], [...path, 'args']),
      ...strings(asObject(svc['health'])?.['command'], [...path, 'health', 'command']),
    ],
  };
}

/**
 * Target-neutral views of a manifest's services. For mobile, remote services
 * and embedded libraries are the "services": a remote service declares one
 * port-like name, `url`, so `${id.url}` resolves; the app's public `config`
 * is attached to a synthetic view without id so its placeholders are checked.
 */
export function serviceViews(target: ManifestTarget, manifest: Readonly<Record<string, unknown>>): ServiceView[] {
  if (target === 'mobile') {
    const remotes = asArray(manifest['remote_services']).map((r, i): ServiceView => {
      const path = ['remote_services', i];
      return { id: asString(asObject(r)?.['id']), path, dependencies: [], secrets: [], ports: [{ value: 'url', path: [...path, 'url'] }], portRefs: [], templated: [] };
    });
    const embedded = asArray(manifest['embedded']).map((e, i): ServiceView => ({
      id: asString(asObject(e)?.['id']),
      path: ['embedded', i],
      dependencies: [],
      secrets: [],
      ports: [],
      portRefs: [],
      templated: [],
    }));
    const config: ServiceView = { id: undefined, path: [], dependencies: [], secrets: [], ports: [], portRefs: [], templated: mapValues(manifest['config'], ['config']) };
    return [...remotes, ...embedded, config];
  }
  const read = target === 'desktop' ? desktopService : cloudService;
  return asArray(manifest['services']).flatMap((s, i) => {
    const svc = asObject(s);
    return svc === undefined ? [] : [read(svc, ['services', i])];
  });
}
