// Checks on generated files, not on the manifest: a managed replacement's
// connection secret reaches every service that reads it in compose.yaml and in
// the Kubernetes Deployments, and every persistent volume is mounted where the
// image keeps its data. Shared by the example and the ../shared fixture suites.
import { lookupEntry, secretIdOf, type Catalog } from '@deployment-manager/catalog';
import type { CloudManifest } from '@deployment-manager/bundle';
import { parse } from 'yaml';
import { fillHoles, renderCompose, renderComposeSecretsScript, renderKubernetes, renderSecrets, resolveCloudOptions, type CloudPlan } from '../src/index.ts';

/** What the checks read: the compose file, its secrets script and the Kubernetes objects per file. */
export interface Rendered {
  /** compose.yaml as data. */
  readonly compose: unknown;
  /** compose/create-secrets.sh. */
  readonly script: string;
  /** Kubernetes objects by file name. */
  readonly kubernetes: ReadonlyMap<string, readonly Readonly<Record<string, unknown>>[]>;
}

/** The generated files of a {@link CloudPlan}, as the checks read them. */
export function fromPlan(plan: CloudPlan): Rendered {
  return {
    compose: parse(plan.files.find((f) => f.path === 'compose/compose.yaml')?.content ?? '{}'),
    script: plan.files.find((f) => f.path === 'compose/create-secrets.sh')?.content ?? '',
    kubernetes: plan.kubernetes,
  };
}

/** The same files straight from the renderers, without the offline validation `planCloud` adds (fast enough for properties). */
export function render(manifest: CloudManifest): Rendered {
  const options = resolveCloudOptions({});
  const secrets = renderSecrets(manifest, options);
  return {
    compose: renderCompose(manifest, options, new Map()).compose,
    script: renderComposeSecretsScript(manifest) ?? '',
    kubernetes: new Map(renderKubernetes(manifest, options, secrets).files.map((f) => [f.name, f.objects.map(fillHoles) as Readonly<Record<string, unknown>>[]] as const)),
  };
}

/** One wiring that the generated files get wrong, described for a failing test. */
export type WiringProblem = string;

interface ComposeService {
  readonly env_file?: readonly string[];
  readonly volumes?: readonly { readonly target: string }[];
}
interface Container {
  readonly env?: readonly { readonly name: string; readonly valueFrom?: { readonly secretKeyRef?: { readonly key: string } } }[];
  readonly volumeMounts?: readonly { readonly name: string; readonly mountPath: string }[];
}

/** The containers of a service's Deployment or StatefulSet in the generated Kubernetes files. */
function containersOf(plan: Rendered, service: string): readonly Container[] {
  const objects = plan.kubernetes.get(`${service}.yaml`) ?? [];
  const workload = objects.find((o) => o['kind'] === 'Deployment' || o['kind'] === 'StatefulSet') as { spec?: { template?: { spec?: { containers?: Container[] } } } } | undefined;
  return workload?.spec?.template?.spec?.containers ?? [];
}

/**
 * What the generated compose.yaml, create-secrets.sh and Kubernetes workloads
 * get wrong about connection secrets of managed replacements and about data
 * directories; empty when every one is wired.
 */
export function wiringProblems(manifest: CloudManifest, plan: Rendered, catalog: Catalog): WiringProblem[] {
  const out: WiringProblem[] = [];
  const compose = plan.compose as { services?: Record<string, ComposeService> };
  const script = plan.script;
  for (const swap of manifest.swaps ?? []) {
    const record = lookupEntry(catalog, swap.replacement);
    if (record?.hosting !== 'hosted-api') continue;
    for (const fact of (record.secrets ?? []).filter((s) => s.connection === true)) {
      const id = secretIdOf(record, fact);
      const secret = (manifest.secrets ?? []).find((s) => s.id === id);
      if (secret === undefined) {
        out.push(`${swap.original} -> ${swap.replacement}: connection secret ${id} is not in the manifest`);
        continue;
      }
      const readers = manifest.services.filter((s) => (s.secrets ?? []).includes(id));
      if (readers.length === 0) out.push(`${id}: no service reads it`);
      for (const svc of readers) {
        const env = secret.service_env?.[svc.id] ?? fact.env;
        const file = (compose.services?.[svc.id]?.env_file ?? []).find((f) => f.includes(id.replace(/[^-._a-zA-Z0-9]/g, '_')));
        if (file === undefined) out.push(`compose: ${svc.id} has no env_file for ${id}`);
        else if (!script.includes(file.replace(/^\.\//, '')) ) out.push(`compose: nothing writes ${file} for ${id}`);
        const wired = containersOf(plan, svc.id).some((c) => (c.env ?? []).some((e) => e.name === env && e.valueFrom?.secretKeyRef !== undefined));
        if (!wired) out.push(`kubernetes: ${svc.id} has no ${env} from a Secret for ${id}`);
      }
    }
  }
  for (const svc of manifest.services) {
    const dataDir = lookupEntry(catalog, svc.id)?.container?.dataDir;
    for (const v of (svc.volumes ?? []).filter((x) => x.persistent)) {
      if (dataDir !== undefined && v.mount_path !== dataDir) out.push(`${svc.id}: volume ${v.name} mounts at ${v.mount_path}, the image keeps its data in ${dataDir}`);
      if (!(compose.services?.[svc.id]?.volumes ?? []).some((m) => m.target === v.mount_path)) out.push(`compose: ${svc.id} does not mount ${v.mount_path}`);
      if (!containersOf(plan, svc.id).some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === v.mount_path))) out.push(`kubernetes: ${svc.id} does not mount ${v.mount_path}`);
    }
  }
  return out;
}
