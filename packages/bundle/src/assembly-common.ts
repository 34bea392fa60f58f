import type { CatalogEntry } from '@deployment-manager/catalog';
import type { Diagnostic } from '@deployment-manager/core/pure';
import type { PlannedSecret } from '@deployment-manager/secrets/pure';
import { finding } from './findings.ts';
import type { HealthCheck, ManifestSecret, PortRange } from './manifest-common.ts';
import type { AssemblyPlan, LinkedSecret } from './assembly-plan.ts';
import type { JsonValue } from './profile.ts';

/** A string setting of the profile, when set. */
export function settingString(settings: Readonly<Record<string, JsonValue>>, key: string): string | undefined {
  const v = settings[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A string-list setting of the profile, when set. */
export function settingStrings(settings: Readonly<Record<string, JsonValue>>, key: string): string[] | undefined {
  const v = settings[key];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

/** A string map setting of the profile (`remote_urls`), when set. */
export function settingMap(settings: Readonly<Record<string, JsonValue>>, key: string): Readonly<Record<string, string>> {
  const v = settings[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A port-range setting (`{ min, max }`), when set and sane. */
export function settingRange(settings: Readonly<Record<string, JsonValue>>, key: string): PortRange | undefined {
  const v = settings[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { min, max } = v as Record<string, JsonValue>;
  return typeof min === 'number' && typeof max === 'number' && Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max <= 65535 && min <= max ? { min, max } : undefined;
}

/** An environment variable name derived from a dependency name (`node-red` -> `NODE_RED`). */
export function envName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** The application version: the profile's `settings.version`, else the scenario's, else 0.0.0. */
export function appVersion(plan: AssemblyPlan): string {
  return settingString(plan.settings, 'version') ?? plan.spec.version ?? '0.0.0';
}

/**
 * The health check of a resource as its catalog record states it (an http
 * path, a tcp port, or - inside its own container, where it listens on its
 * default port - a command), else a tcp check of its first port, else none.
 * Outside a container (`container: false`, a desktop process on an allocated
 * port) a command check is replaced by the tcp check.
 */
export function resourceHealth(entry: CatalogEntry | undefined, where: { readonly container: boolean }): HealthCheck | undefined {
  const h = entry?.health;
  const port = h?.port ?? entry?.ports[0]?.name;
  if (h?.type === 'command' && h.command !== undefined && where.container) return { type: 'command', command: [...h.command] };
  if (port === undefined) return undefined;
  if (h?.type === 'http') return { type: 'http', path: h.path ?? '/', port_name: port };
  return { type: 'tcp', port_name: port };
}

/**
 * The manifest entry of a planned secret with delivery kinds `T`: class,
 * description, generator or prompt, its first target (mapped by `target`)
 * and, for an env target, the services that read it under a name of their
 * own. A secret with no target cannot ship and yields a diagnostic.
 */
export function manifestSecret<T extends string>(
  linked: LinkedSecret,
  target: (s: PlannedSecret) => { readonly type: T; readonly name: string } | undefined,
  out: Diagnostic[],
): ManifestSecret<T> | undefined {
  const { secret, serviceEnv } = linked;
  const t = target(secret);
  if (t === undefined) {
    out.push(finding('ASSEMBLY_SECRET_NO_TARGET', ['secrets'], `secret "${secret.id}" has no delivery target`, 'give it a target in the profile secret choice (targets)'));
    return undefined;
  }
  if (secret.class === 'unclassified') return undefined;
  const prompt = secret.prompt;
  return {
    id: secret.id,
    class: secret.class,
    description: secret.description,
    ...(prompt?.format === undefined ? {} : { format: prompt.format }),
    required: secret.required,
    ...(prompt === undefined
      ? {}
      : { prompt: { label: prompt.label, ...(prompt.description === undefined ? {} : { description: prompt.description }), ...(prompt.hint === undefined ? {} : { hint: prompt.hint }) } }),
    ...(secret.generator === undefined ? {} : { generator: { ...secret.generator } as Readonly<Record<string, unknown>> }),
    target: t,
    ...(t.type !== 'env' || Object.keys(serviceEnv).length === 0 ? {} : { service_env: { ...serviceEnv } }),
  };
}

/** Secret ids each manifest service reads, from the plan's links. */
export function secretsByService(plan: AssemblyPlan, shipped: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { secret, services } of plan.secrets) {
    if (!shipped.has(secret.id)) continue;
    for (const s of services) out.set(s, [...(out.get(s) ?? []), secret.id]);
  }
  return out;
}
