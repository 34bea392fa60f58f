import { jsonPointer, type Diagnostic, type NodeId } from '@deployment-manager/core';
import type { ManifestSecret, MobileManifest, MobileServerSecret, SecretPrompt } from '@deployment-manager/bundle';
import { mobileDiagnostic } from './diagnostic-codes.ts';

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
  /** The manifest: its `secrets` are the device's, its `server_secrets` stay on servers. */
  readonly manifest: MobileManifest;
  /** The app id. */
  readonly appId: string;
  /** The backend remote service id, if any. */
  readonly backend: string | undefined;
  /** The option naming the secret store service, if given. */
  readonly secretStore: string | undefined;
}

/** The result of {@link planMobileSecrets}: the plan and what is wrong with the manifest's secrets. */
export interface MobileSecretsResult {
  /** The plan. */
  readonly plan: MobileSecretPlan;
  /** Findings. */
  readonly issues: readonly Diagnostic[];
}

function matches(s: ManifestSecret<'secure_storage'>, server: MobileServerSecret): boolean {
  return s.id === server.id || s.logical_id === server.id || s.target.name === server.env || s.id === server.env;
}

/**
 * The mobile app's secrets as the manifest states them: the device keeps its
 * `secrets`, the servers keep its `server_secrets` (each with the device
 * secret that fetches it, if one does). Checks that a device secret a server
 * holds is `remote_fetch` (`MOBILE_SECRET_SERVER_HELD`) and that remote
 * secrets have a store to come from. Renders; plans nothing again. Pure.
 */
export function planMobileSecrets(input: MobileSecretsInput): MobileSecretsResult {
  const { manifest } = input;
  const issues: Diagnostic[] = [];
  const device = manifest.secrets ?? [];
  const server: ServerSecret[] = (manifest.server_secrets ?? []).map((p) => {
    const index = device.findIndex((s) => matches(s, p));
    const s = device[index];
    if (s !== undefined && s.class !== 'remote_fetch') {
      issues.push(
        mobileDiagnostic('MOBILE_SECRET_SERVER_HELD', `secret "${s.id}" is ${p.env}, which the server of "${p.held_by}" holds, but the app would obtain it as ${s.class}`, {
          path: jsonPointer(['secrets', index, 'class']),
          hint: 'a key held by a server reaches the device only as remote_fetch (or not at all): reclassify it or remove it from the manifest',
        }),
      );
    }
    const fetched = s?.class === 'remote_fetch' ? s.id : undefined;
    return {
      id: p.id,
      env: p.env,
      kind: p.kind,
      dependency: p.dependency as NodeId,
      held_by: p.held_by,
      ...(fetched === undefined ? {} : { fetched_as: fetched }),
      reason: fetched === undefined ? p.reason : `${p.reason}; the app only fetches it at run time as "${fetched}"`,
    };
  });

  const store = secretStore(manifest, input.backend, input.secretStore);
  const needsStore = device.some((s) => s.class === 'remote_fetch');
  if (input.secretStore !== undefined && store === undefined) {
    issues.push(
      mobileDiagnostic('MOBILE_SECRET_STORE_UNKNOWN', `secret store "${input.secretStore}" is not a remote service of the manifest`, {
        path: '/options/secretStore',
        hint: `use one of: ${manifest.remote_services.map((r) => r.id).join(', ') || '(none)'}`,
      }),
    );
  } else if (needsStore && store === undefined) {
    issues.push(
      mobileDiagnostic('MOBILE_SECRET_STORE_MISSING', 'the app fetches secrets remotely, but the manifest has no remote service to fetch them from', {
        path: jsonPointer(['secrets', device.findIndex((s) => s.class === 'remote_fetch'), 'class']),
        hint: 'add the remote service that serves them, or reclassify the secrets',
      }),
    );
  }

  const scenario = manifest.app.scenario ?? manifest.app.name;
  const plan: MobileSecretPlan = {
    tier: 'mobile',
    app_id: input.appId,
    store: needsStore && store !== undefined ? { service: store.id, url: store.url } : null,
    device: device.flatMap((s): DeviceSecret[] => {
      if (s.class === 'infrastructure') return [];
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
        },
      ];
    }),
    server: server.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  return { plan, issues };
}

function secretStore(manifest: MobileManifest, backend: string | undefined, option: string | undefined): { id: string; url: string } | undefined {
  const services = manifest.remote_services;
  if (option !== undefined) return services.find((r) => r.id === option);
  return services.find((r) => r.id === backend) ?? services.find((r) => r.required === true) ?? services[0];
}
