import { createDiagnostic, jsonPointer, parseNodeId, type Diagnostic, type NodeId } from '@deployment-manager/core';
import type { ManifestSecret, MobileManifest, SecretPrompt } from '@deployment-manager/bundle';
import { lookupEntry, secretIdOf, type Catalog } from '@deployment-manager/catalog';
import type { PlannedSecret, SecretPlan } from '@deployment-manager/secrets';
import { isServerSide, providedNode, type DependencyPlacement } from './placement.ts';

/** A reference into the remote secret store: where a `remote_fetch` value is read at run time. */
export interface MobileRemoteRef {
  /** Key (path) in the store: the secret's `logical_id`, else `<scenario>/<id>`. */
  readonly key: string;
  /** Property inside that secret (the manifest's `field`). */
  readonly property?: string;
}

/** A secret the app keeps in the device's secure storage (never its value). */
export interface DeviceSecret {
  /** Manifest secret id. */
  readonly id: string;
  /** How the device obtains it: never `infrastructure`. */
  readonly class: 'per_install_generated' | 'user_prompt' | 'remote_fetch';
  /** Secure storage key. */
  readonly storage_key: string;
  /** Whether the app cannot work without it. */
  readonly required: boolean;
  /** What it is for. */
  readonly description?: string;
  /** Prompt labels (class `user_prompt`). */
  readonly prompt?: SecretPrompt;
  /** Generator spec (class `per_install_generated`); a recipe, not a value. */
  readonly generator?: Readonly<Record<string, unknown>>;
  /** Where it is fetched from (class `remote_fetch`). */
  readonly remote?: MobileRemoteRef;
  /** Id of the planned secret (secrets package) it corresponds to, when one does. */
  readonly planned?: string;
}

/** A secret that stays on a server with a dependency that moved there; the app never holds it. */
export interface ServerSecret {
  /** Planned secret id (`postgres.password`). */
  readonly id: string;
  /** Environment variable the server reads. */
  readonly env: string;
  /** What kind of value it is. */
  readonly kind: string;
  /** The dependency (node id) that owns it. */
  readonly dependency: NodeId;
  /** The remote service whose server holds it. */
  readonly held_by: string;
  /** The device secret that fetches it at run time (`remote_fetch`), if any. */
  readonly fetched_as?: string;
  /** Lower-case sentence. */
  readonly reason: string;
}

/** The content of `secret-plan.mobile.json`: names, classes and remote references, never values. */
export interface MobileSecretPlan {
  /** Always `mobile`. */
  readonly tier: 'mobile';
  /** The app id. */
  readonly app_id: string;
  /** The remote service `remote_fetch` secrets are read from, if any is needed. */
  readonly store: {
    /** Remote service id. */
    readonly service: string;
    /** Its base URL. */
    readonly url: string;
  } | null;
  /** Secrets in the device's secure storage, in manifest order. */
  readonly device: readonly DeviceSecret[];
  /** Secrets that stay on servers, sorted by id. */
  readonly server: readonly ServerSecret[];
}

/** Inputs of {@link planMobileSecrets}. */
export interface MobileSecretsInput {
  /** The manifest (its `secrets` are the device's). */
  readonly manifest: MobileManifest;
  /** The app id. */
  readonly appId: string;
  /** Where each dependency runs. */
  readonly placements: readonly DependencyPlacement[];
  /** The backend remote service id, if any. */
  readonly backend: string | undefined;
  /** The secrets package's plan for the mobile tier (over the graph with the manifest's swaps applied). */
  readonly plan: SecretPlan;
  /** The dependency catalog the plan was made with (to name each secret's variable). */
  readonly catalog: Catalog;
  /** The option naming the secret store service, if given. */
  readonly secretStore: string | undefined;
}

/** The result of {@link planMobileSecrets}: the plan and what is wrong with the manifest's secrets. */
export interface MobileSecretsResult {
  /** The plan. */
  readonly plan: MobileSecretPlan;
  /** Planned secret ids held on a server, by the dependency node that owns them. */
  readonly serverSecrets: ReadonlyMap<NodeId, readonly string[]>;
  /** Findings. */
  readonly issues: readonly Diagnostic[];
}

/** The variable a planned secret is read from: its target, else its catalog entry, else the name part of `<scenario>.<NAME>`. */
export function plannedEnv(secret: PlannedSecret, catalog: Catalog): string {
  const target = secret.targets[0]?.name;
  if (target !== undefined) return target;
  for (const source of secret.sources) {
    const entry = lookupEntry(catalog, parseNodeId(source).name);
    const req = entry?.secrets?.find((r) => secretIdOf(entry, r) === secret.id);
    if (req !== undefined) return req.env;
  }
  const dot = secret.id.indexOf('.');
  return dot === -1 ? secret.id : secret.id.slice(dot + 1);
}

type Held = DependencyPlacement & { readonly via: string };

function matches(s: ManifestSecret<'secure_storage'>, p: PlannedSecret, env: string): boolean {
  return s.id === p.id || s.logical_id === p.id || s.target.name === env || s.id === env;
}

/**
 * Plans the mobile app's secrets from the manifest (what the device keeps)
 * and the secrets package's plan (what each dependency needs): a planned
 * secret whose owners all run on a server stays there (`server`); the
 * device keeps only the manifest's secrets, and a device secret that is held
 * by a server must be `remote_fetch` (`MOBILE_SECRET_SERVER_HELD`). Also
 * reports device-side secrets the manifest lacks, device-side secrets the
 * planner could not bundle, and `remote_fetch` secrets with no store. Pure.
 */
export function planMobileSecrets(input: MobileSecretsInput): MobileSecretsResult {
  const { manifest } = input;
  const issues: Diagnostic[] = [];
  const root = input.plan.root;
  // A node's placement; a replacement node is placed like the original it replaces.
  const placed = new Map<NodeId, DependencyPlacement>();
  for (const p of input.placements) {
    placed.set(p.node, p);
    if (p.swappedTo !== undefined) placed.set(providedNode(p.swappedTo), p);
  }
  // The server placement that holds a source's secrets (the root scenario is held by its backend), if any.
  const holder = (source: NodeId): Held | undefined => {
    if (source === root) return input.backend === undefined ? undefined : { node: root, name: parseNodeId(root).name, kind: 'behind', via: input.backend };
    const p = placed.get(source);
    return p !== undefined && isServerSide(p.kind) && p.via !== undefined ? { ...p, via: p.via } : undefined;
  };

  const device = manifest.secrets ?? [];
  const server: ServerSecret[] = [];
  const serverSecrets = new Map<NodeId, string[]>();
  const claimed = new Map<number, string>();
  for (const p of input.plan.secrets) {
    const env = plannedEnv(p, input.catalog);
    const holders = p.sources.map(holder).filter((h): h is Held => h !== undefined);
    const onServer = holders.length > 0 && holders.length === p.sources.length;
    const index = device.findIndex((s) => matches(s, p, env));
    if (index !== -1) claimed.set(index, p.id);
    if (onServer) {
      const owner = holders[0] as Held;
      const s = device[index];
      const fetched = s?.class === 'remote_fetch' ? s.id : undefined;
      server.push({
        id: p.id,
        env,
        kind: p.kind,
        dependency: owner.node,
        held_by: owner.via,
        ...(fetched === undefined ? {} : { fetched_as: fetched }),
        reason: `${owner.name} runs on the server of "${owner.via}", so its ${env} stays there${fetched === undefined ? ' and the app never holds it' : `; the app only fetches it at run time as "${fetched}"`}`,
      });
      for (const h of holders) serverSecrets.set(h.node, [...(serverSecrets.get(h.node) ?? []), p.id]);
      if (s !== undefined && s.class !== 'remote_fetch') {
        issues.push(
          createDiagnostic({
            code: 'MOBILE_SECRET_SERVER_HELD',
            severity: 'error',
            path: jsonPointer(['secrets', index, 'class']),
            message: `secret "${s.id}" is ${env}, which the server of "${owner.via}" holds, but the app would obtain it as ${s.class}`,
            hint: 'a key held by a server reaches the device only as remote_fetch (or not at all): reclassify it or remove it from the manifest',
          }),
        );
      }
      continue;
    }
    // A dependency placed nowhere is reported once, as MOBILE_DEPENDENCY_UNPLACED, not again for each of its secrets.
    if (p.sources.some((source) => placed.get(source)?.kind === 'unplaced')) continue;
    if (p.class === 'infrastructure' || p.class === 'unclassified') {
      if (p.required) {
        issues.push(
          createDiagnostic({
            code: 'MOBILE_SECRET_UNBUNDLEABLE',
            severity: 'error',
            path: jsonPointer(['secrets']),
            message: `secret "${p.id}" (${env}) is needed on the device but is ${p.class} on mobile`,
            hint: 'run its dependency on a server (a remote service or the backend), or override its class in the secret plan',
          }),
        );
      }
      continue;
    }
    if (index === -1) {
      issues.push(
        createDiagnostic({
          code: 'MOBILE_SECRET_NOT_IN_MANIFEST',
          severity: p.required ? 'warning' : 'info',
          path: jsonPointer(['secrets']),
          message: `the app needs secret "${p.id}" (${env}, ${p.class} on mobile) but the manifest does not declare it`,
          hint: `declare it under secrets with class ${p.class} and a secure_storage target`,
        }),
      );
    }
  }

  const store = secretStore(manifest, input.backend, input.secretStore);
  const needsStore = device.some((s) => s.class === 'remote_fetch');
  if (input.secretStore !== undefined && store === undefined) {
    issues.push(
      createDiagnostic({
        code: 'MOBILE_SECRET_STORE_UNKNOWN',
        severity: 'error',
        path: '/options/secretStore',
        message: `secret store "${input.secretStore}" is not a remote service of the manifest`,
        hint: `use one of: ${manifest.remote_services.map((r) => r.id).join(', ') || '(none)'}`,
      }),
    );
  } else if (needsStore && store === undefined) {
    issues.push(
      createDiagnostic({
        code: 'MOBILE_SECRET_STORE_MISSING',
        severity: 'error',
        path: jsonPointer(['secrets', device.findIndex((s) => s.class === 'remote_fetch'), 'class']),
        message: 'the app fetches secrets remotely, but the manifest has no remote service to fetch them from',
        hint: 'add the remote service that serves them, or reclassify the secrets',
      }),
    );
  }

  const scenario = manifest.app.scenario ?? manifest.app.name;
  const plan: MobileSecretPlan = {
    tier: 'mobile',
    app_id: input.appId,
    store: needsStore && store !== undefined ? { service: store.id, url: store.url } : null,
    device: device.flatMap((s, i): DeviceSecret[] => {
      if (s.class === 'infrastructure') return [];
      const planned = claimed.get(i);
      return [
        {
          id: s.id,
          class: s.class,
          storage_key: s.target.name,
          required: s.required ?? true,
          ...(s.description === undefined ? {} : { description: s.description }),
          ...(s.class === 'user_prompt' && s.prompt !== undefined ? { prompt: s.prompt } : {}),
          ...(s.class === 'per_install_generated' && s.generator !== undefined ? { generator: s.generator } : {}),
          ...(s.class === 'remote_fetch' ? { remote: { key: s.logical_id ?? `${scenario}/${s.id}`, ...(s.field === undefined ? {} : { property: s.field }) } } : {}),
          ...(planned === undefined ? {} : { planned }),
        },
      ];
    }),
    server: server.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  return { plan, serverSecrets, issues };
}

function secretStore(manifest: MobileManifest, backend: string | undefined, option: string | undefined): { id: string; url: string } | undefined {
  const services = manifest.remote_services;
  if (option !== undefined) return services.find((r) => r.id === option);
  return services.find((r) => r.id === backend) ?? services.find((r) => r.required === true) ?? services[0];
}
