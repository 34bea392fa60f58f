import { didYouMean, type Diagnostic } from '@deployment-manager/core/pure';
import { asArray, asObject, asString, entriesOf, finding } from './findings.ts';
import { BUILD_TEMPLATE_VARS, PLATFORM_KEYS, canonicalPlatform } from './known-values.ts';
import { MIGRATION_RUN_ON } from './manifest-desktop.ts';

const HEX64 = /^[0-9a-fA-F]{64}$/;
const PLACEHOLDER_HASH = /placeholder|todo|tbd|fixme|changeme|^x+$|^0+$|^$/i;

/** True for `localhost`, `127.x.x.x` and `::1` (with or without brackets). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function isHttpUrl(value: string): boolean {
  try {
    // An http(s) URL always has a host: the URL parser refuses one without.
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Desktop-only meaning: a loopback IPC host, a valid telemetry URL, known
 * migration `run_on` values and unique migration versions, known platform
 * keys, no service missing a platform the others ship, real asset hashes, and
 * known `{{...}}` build template variables.
 */
export function checkDesktop(manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const host = asString(asObject(manifest['ipc'])?.['host']);
  if (host !== undefined && host !== '' && !isLoopbackHost(host)) {
    out.push(finding('IPC_HOST_NOT_LOOPBACK', ['ipc', 'host'], `ipc.host "${host}" is not a loopback address`, 'use 127.0.0.1 so the control API is not reachable from the network'));
  }
  const upload = asString(asObject(manifest['telemetry'])?.['upload_url']);
  if (upload !== undefined && !isHttpUrl(upload)) {
    out.push(finding('TELEMETRY_URL_INVALID', ['telemetry', 'upload_url'], `telemetry.upload_url "${upload}" is not an http(s) URL`, 'give an absolute https URL or drop the field'));
  }
  const services = asArray(manifest['services']);
  const platformsOf = services.map((raw) => new Set(entriesOf(asObject(raw)?.['binaries']).map(([k]) => k).filter((k) => PLATFORM_KEYS.includes(k)).map(canonicalPlatform)));
  const allPlatforms = [...new Set(platformsOf.flatMap((s) => [...s]))].sort();
  services.forEach((raw, i) => {
    const svc = asObject(raw);
    const id = asString(svc?.['id']) ?? `#${i}`;
    for (const [key] of entriesOf(svc?.['binaries'])) {
      if (!PLATFORM_KEYS.includes(key)) {
        const near = didYouMean(key, PLATFORM_KEYS);
        out.push(
          finding('PLATFORM_KEY_UNKNOWN', ['services', i, 'binaries', key], `service "${id}" has a binary for "${key}", a platform key the runtime never selects`, `use <os>-<arch> keys such as linux-x64, darwin-arm64, win-x64${near === undefined ? '' : ` (${near})`}; one entry per platform`),
        );
      }
    }
    const mine = platformsOf[i] as Set<string>;
    const missing = allPlatforms.filter((p) => !mine.has(p));
    if (mine.size > 0 && missing.length > 0) {
      out.push(finding('BINARY_PLATFORM_GAP', ['services', i, 'binaries'], `service "${id}" has no binary for ${missing.join(', ')}, which other services ship`, 'add the missing platforms or drop them from the other services'));
    }
    const versions = new Set<string>();
    asArray(svc?.['migrations']).forEach((rawM, j) => {
      const m = asObject(rawM);
      const path = ['services', i, 'migrations', j];
      const runOn = asString(m?.['run_on']);
      const version = asString(m?.['version']);
      if (runOn !== undefined && !(MIGRATION_RUN_ON as readonly string[]).includes(runOn)) {
        // "install" is too far from "first_install" for a typo, but it is what people write.
        const near = didYouMean(runOn === 'install' ? 'first_install' : runOn, MIGRATION_RUN_ON);
        out.push(
          finding('MIGRATION_RUN_ON_UNKNOWN', [...path, 'run_on'], `migration ${version ?? j} of service "${id}" has run_on "${runOn}", which the runtime never runs`, `use one of ${MIGRATION_RUN_ON.join(', ')}${near === undefined ? '' : ` (${near})`}`),
        );
      }
      if (version !== undefined) {
        if (versions.has(version)) out.push(finding('MIGRATION_VERSION_DUPLICATE', [...path, 'version'], `service "${id}" declares migration ${version} twice`, 'migration versions identify applied migrations; make them unique'));
        versions.add(version);
      }
      if (m !== undefined && Array.isArray(m['command']) && (m['command'] as unknown[]).length === 0) {
        out.push(finding('MIGRATION_COMMAND_EMPTY', [...path, 'command'], `migration ${version ?? j} of service "${id}" has an empty command`, 'give the command and its arguments'));
      }
    });
    asArray(svc?.['assets']).forEach((rawA, j) => {
      const a = asObject(rawA);
      if (a === undefined) return;
      const hash = asString(a['sha256']);
      if (hash === undefined || HEX64.test(hash) && !/^0+$/.test(hash)) return;
      const path = ['services', i, 'assets', j, 'sha256'];
      const asset = asString(a['path']) ?? `#${j}`;
      if (PLACEHOLDER_HASH.test(hash)) out.push(finding('ASSET_HASH_PLACEHOLDER', path, `asset "${asset}" of service "${id}" has placeholder hash "${hash}"`, 'compute the real SHA-256 of the file before shipping'));
      else out.push(finding('ASSET_HASH_INVALID', path, `asset "${asset}" of service "${id}" has a hash that is not 64 hex digits`, 'write the lower-case hex SHA-256 of the file'));
    });
    const build = asObject(svc?.['build']);
    const templated = [
      ...(asString(build?.['output_pattern']) === undefined ? [] : [{ value: build?.['output_pattern'] as string, path: ['services', i, 'build', 'output_pattern'] }]),
      ...asArray(build?.['args']).flatMap((a, j) => (typeof a === 'string' ? [{ value: a, path: ['services', i, 'build', 'args', j] }] : [])),
    ];
    for (const t of templated) {
      for (const match of t.value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        const name = match[1] ?? '';
        if (!BUILD_TEMPLATE_VARS.includes(name)) {
          out.push(finding('BUILD_TEMPLATE_UNKNOWN', t.path, `build template {{${name}}} of service "${id}" is not filled by packagers`, `known: ${BUILD_TEMPLATE_VARS.map((v) => `{{${v}}}`).join(', ')}`));
        }
      }
    }
  });
  return out;
}
