import type { Diagnostic, ResourceSpec } from '@deployment-manager/core/pure';
import { DEFAULT_DESKTOP_PLATFORMS, DEFAULT_PORT_RANGE, PORT_BLOCK_SIZE, PORT_PLAN_OFFSET } from './assembly-data.ts';
import { appVersion, envName, manifestSecret, resourceHealth, secretsByService, settingRange, settingString, settingStrings } from './assembly-common.ts';
import type { AssemblyPlan } from './assembly-plan.ts';
import { finding } from './findings.ts';
import { PLATFORM_KEYS } from './known-values.ts';
import type { ManifestSecret, PortRange } from './manifest-common.ts';
import type { DesktopBinary, DesktopManifest, DesktopService } from './manifest-desktop.ts';

const ext = (platform: string): string => (platform.startsWith('win') ? '.exe' : '');

function binaries(platforms: readonly string[], dir: string, file: string): Record<string, DesktopBinary> {
  return Object.fromEntries(platforms.map((p) => [p, { path: `${dir}/${p}/${file}${ext(p)}` }]));
}

/**
 * What a resource's runtime.json says about starting it, in the service metadata the bundle runtime reads:
 * `startup_order` (lower starts earlier within a generation), `startup_timeout` (seconds) and `recovery_attempts`.
 */
function startupMetadata(runtime: ResourceSpec | undefined): Pick<DesktopService, 'metadata'> {
  const attempts = runtime?.extras['recovery_attempts'];
  const metadata = {
    ...(runtime?.startupOrder === undefined ? {} : { startup_order: runtime.startupOrder }),
    ...(runtime?.startupTimeoutSec === undefined ? {} : { startup_timeout: runtime.startupTimeoutSec }),
    ...(typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 0 ? { recovery_attempts: attempts } : {}),
  };
  return Object.keys(metadata).length === 0 ? {} : { metadata };
}

/**
 * Builds the desktop manifest of an assembly plan: process resources as
 * supervised `resource` services (catalog ports and health check, data dirs,
 * the startup order, timeout and recovery attempts their runtime.json states),
 * libraries embedded in the app services (listed in their metadata, data dir
 * exported as `<NAME>_DATA_DIR`), the scenario's API and UI services (port,
 * health endpoint, build config per platform pattern), secrets linked to
 * their readers, and a port plan of disjoint blocks inside the profile's
 * range with the IPC port reserved. Pure.
 */
export function buildDesktopManifest(plan: AssemblyPlan): { manifest: DesktopManifest; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const platforms = (settingStrings(plan.settings, 'platforms') ?? DEFAULT_DESKTOP_PLATFORMS).filter((p) => PLATFORM_KEYS.includes(p));
  const range = settingRange(plan.settings, 'port_range') ?? DEFAULT_PORT_RANGE;
  const ipcPort = range.min;
  let next = range.min + PORT_PLAN_OFFSET;
  const block = (label: string): PortRange => {
    const r = { min: next, max: next + PORT_BLOCK_SIZE - 1 };
    next += PORT_BLOCK_SIZE;
    if (r.max > range.max) out.push(finding('ASSEMBLY_PORTS_EXHAUSTED', ['ports'], `no room for a ${PORT_BLOCK_SIZE}-port block for ${label} in ${range.min}-${range.max}`, 'widen settings.port_range'));
    return r;
  };

  const shipped: ManifestSecret[] = [];
  for (const linked of plan.secrets) {
    const s = manifestSecret(linked, (x) => x.targets[0], out);
    if (s !== undefined) shipped.push(s);
  }
  const readers = secretsByService(plan, new Set(shipped.map((s) => s.id)));
  const withSecrets = (id: string): Pick<DesktopService, 'secrets'> => {
    const ids = readers.get(id);
    return ids === undefined ? {} : { secrets: ids };
  };

  const processes = plan.resources.filter((r) => r.mode === 'process');
  const libraries = plan.resources.filter((r) => r.mode === 'library');
  const hosted = plan.resources.filter((r) => r.mode === 'hosted');
  const services: DesktopService[] = [];
  for (const r of processes) {
    const ports = r.entry?.ports ?? [];
    const first = ports[0];
    services.push({
      id: r.name,
      type: 'resource',
      ...(r.entry === undefined ? {} : { description: r.entry.description }),
      binaries: binaries(platforms, `resources/${r.name}`, r.name),
      ...(ports.length === 0 ? {} : { env: Object.fromEntries(ports.map((p, i) => [i === 0 ? `${envName(r.name)}_PORT` : `${envName(r.name)}_${envName(p.name)}_PORT`, `\${${r.name}.${p.name}}`])) }),
      ...withSecrets(r.name),
      ...(r.entry?.persistence === 'durable' ? { data_dirs: [`data/${r.name}`] } : {}),
      log_dir: `logs/${r.name}`,
      ...(ports.length === 0 ? {} : { ports: { requested: ports.map((p) => ({ name: p.name, range: block(`${r.name}.${p.name}`) })) } }),
      health: { ...(resourceHealth(r.entry, { container: false }) ?? { type: 'command', command: [`resources/${r.name}/healthcheck`] }), interval_ms: 1000, timeout_ms: 5000, retries: 5 },
      readiness: first === undefined ? { type: 'health_success', timeout_ms: 60000 } : { type: 'port_open', port_name: first.name, timeout_ms: 60000 },
      ...(r.dependsOn.length === 0 ? {} : { dependencies: [...r.dependsOn] }),
      critical: true,
      ...startupMetadata(r.runtime),
    });
  }

  const resourceEnv: Record<string, string> = {};
  for (const r of processes) {
    const p = r.entry?.ports[0];
    if (p !== undefined) resourceEnv[`${envName(r.name)}_PORT`] = `\${${r.name}.${p.name}}`;
  }
  for (const l of libraries) if (l.entry?.persistence === 'durable') resourceEnv[`${envName(l.name)}_DATA_DIR`] = `\${data}/${l.name}`;
  const metadata = {
    ...(libraries.length === 0 ? {} : { embedded: libraries.map((l) => l.name) }),
    ...(hosted.length === 0 ? {} : { hosted: hosted.map((h) => h.name) }),
  };
  const apis = plan.app.filter((s) => s.role === 'api');
  const name = plan.scenario;
  for (const s of [...apis, ...plan.app.filter((x) => x.role === 'ui')]) {
    const file = `${name}-${s.id}`;
    const portEnv = s.envVar === undefined ? {} : { [s.envVar]: `\${${s.id}.http}` };
    const env =
      s.role === 'api'
        ? { ...portEnv, ...resourceEnv }
        : { ...portEnv, ...Object.fromEntries(apis.map((a) => [`${envName(a.id)}_URL`, `http://127.0.0.1:\${${a.id}.http}`])) };
    services.push({
      id: s.id,
      type: s.role === 'ui' ? 'ui-bundle' : 'api-binary',
      binaries: binaries(platforms, `services/${s.id}`, file),
      // output_pattern is relative to source_dir, as in the predecessor's examples; staging copies it into binaries.
      ...(s.build === undefined ? {} : { build: { type: s.build.type, source_dir: s.build.sourceDir, output_pattern: `bin/{{platform}}/${file}{{ext}}` } }),
      ...(Object.keys(env).length === 0 ? {} : { env }),
      ...withSecrets(s.id),
      ...(s.role === 'api' ? { data_dirs: [`data/${name}`, ...libraries.filter((l) => l.entry?.persistence === 'durable').map((l) => `data/${l.name}`)] } : {}),
      log_dir: `logs/${s.id}`,
      ports: { requested: [{ name: 'http', range: block(`${s.id}.http`) }] },
      health: { type: 'http', path: s.healthPath, port_name: 'http', interval_ms: 1000, timeout_ms: s.timeoutMs ?? 5000, retries: 5 },
      readiness: { type: 'health_success', timeout_ms: 60000 },
      ...(s.role === 'api' ? (processes.length === 0 ? {} : { dependencies: processes.map((r) => r.name) }) : apis.length === 0 ? {} : { dependencies: apis.map((a) => a.id) }),
      ...(s.role === 'ui' && s.build?.type === 'npm' ? { dist_root: `${s.build.sourceDir}/dist`, asset_dirs: [`${s.build.sourceDir}/dist`] } : {}),
      critical: s.critical,
      ...(s.role === 'api' && Object.keys(metadata).length > 0 ? { metadata } : {}),
    });
  }

  const description = settingString(plan.settings, 'description') ?? plan.spec.description;
  const uploadUrl = settingString(plan.settings, 'telemetry_url');
  const manifest: DesktopManifest = {
    schema_version: 'v0.1',
    target: 'desktop',
    app: { name, version: appVersion(plan), ...(description === undefined ? {} : { description }), scenario: name },
    ipc: { mode: 'loopback-http', host: '127.0.0.1', port: ipcPort, auth_token_path: 'runtime/auth-token' },
    telemetry: { file: 'telemetry/deployment-telemetry.jsonl', ...(uploadUrl === undefined ? {} : { upload_url: uploadUrl }) },
    ports: { default_range: range, reserved: [ipcPort] },
    ...(plan.swaps.length === 0 ? {} : { swaps: [...plan.swaps] }),
    ...(shipped.length === 0 ? {} : { secrets: shipped }),
    services,
  };
  return { manifest, diagnostics: out };
}
