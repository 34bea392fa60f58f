import { describe, expect, it } from 'vitest';
import { cloudManifest, desktopManifest, mobileManifest } from '../test/manifests.ts';
import { MANIFEST_DIAGNOSTIC_CODES } from './diagnostic-codes.ts';
import { validateManifest } from './validate-manifest.ts';
import { isLoopbackHost } from './check-desktop.ts';
import { pathEscape } from './check-paths.ts';
import { findPlaceholders } from './check-placeholders.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const all = (value: unknown) => {
  const r = validateManifest(value);
  return [...(r.ok ? [] : r.issues), ...r.warnings];
};
const codes = (value: unknown): string[] => all(value).map((d) => d.code);
/** A fresh copy of a base manifest with `edit` applied to it. */
const edited =
  (base: () => Json) =>
  (edit: (m: Json) => void): Json => {
    const m: Json = structuredClone(base());
    edit(m);
    return m;
  };
const withDesktop = edited(desktopManifest);

describe('validateManifest', () => {
  it('accepts the small valid manifests of every target without findings', () => {
    for (const m of [desktopManifest(), cloudManifest(), mobileManifest()]) {
      const r = validateManifest(m);
      expect(r.ok).toBe(true);
      expect(r.warnings).toEqual([]);
      if (r.ok) expect(r.value).toEqual(m);
    }
  });

  it('reports non-objects and unknown targets', () => {
    expect(codes(42)).toEqual(['MANIFEST_NOT_OBJECT']);
    expect(codes([])).toEqual(['MANIFEST_NOT_OBJECT']);
    expect(codes({ target: 'toaster' })).toEqual(['MANIFEST_TARGET_UNKNOWN']);
  });

  it('maps schema errors to codes with pointers at the offending property', () => {
    const d = all(withDesktop((m) => {
      delete m.app.version;
      m.services[0].binaries = {};
      m.services[1].run_on = 'x';
      m.ipc.port = 0;
      m.ipc.mode = 'pipe';
    }));
    const byCode = (c: string) => d.filter((x) => x.code === c).map((x) => x.path);
    expect(byCode('SCHEMA_REQUIRED')).toEqual(['/app/version']);
    expect(byCode('SCHEMA_MIN_PROPERTIES')).toEqual(['/services/0/binaries']);
    expect(byCode('SCHEMA_UNKNOWN_PROPERTY')).toEqual(['/services/1/run_on']);
    expect(byCode('SCHEMA_RANGE')).toEqual(['/ipc/port']);
    expect(byCode('SCHEMA_ENUM')).toEqual(['/ipc/mode']);
  });

  it('never repairs: an unknown property is an error, not dropped', () => {
    const r = validateManifest(withDesktop((m) => (m.extra = true)));
    expect(r.ok).toBe(false);
  });

  it('reports references: duplicate ids, unknown dependencies, cycles with their path', () => {
    expect(codes(withDesktop((m) => (m.services[2].id = 'api')))).toContain('SERVICE_ID_DUPLICATE');
    const unknown = all(withDesktop((m) => (m.services[1].dependencies = ['dbb'])));
    expect(unknown.map((d) => d.code)).toContain('DEPENDENCY_UNKNOWN');
    expect(unknown.find((d) => d.code === 'DEPENDENCY_UNKNOWN')?.hint).toContain('"db"');
    const cyc = all(withDesktop((m) => (m.services[2].dependencies = ['ui'])));
    const cycle = cyc.find((d) => d.code === 'DEPENDENCY_CYCLE');
    expect(cycle?.message).toContain('api -> db -> ui -> api');
    expect(codes(withDesktop((m) => (m.services[2].dependencies = ['db'])))).toContain('DEPENDENCY_CYCLE');
  });

  it('reports port names: unknown references and duplicates', () => {
    expect(codes(withDesktop((m) => (m.services[2].readiness.port_name = 'sqll')))).toContain('PORT_NAME_UNKNOWN');
    expect(codes(withDesktop((m) => m.services[0].ports.requested.push({ name: 'http', range: { min: 47021, max: 47022 } })))).toContain('PORT_NAME_DUPLICATE');
  });

  it('reports every unresolved placeholder occurrence and malformed ones', () => {
    const d = all(withDesktop((m) => {
      m.services[0].env.X = '${apii.http}:${api.https}';
      m.services[1].binaries['linux-x64'].args = ['${db.sql}', '${nope}', '${', '${}'];
    }));
    expect(d.filter((x) => x.code === 'PLACEHOLDER_UNRESOLVED').map((x) => x.path)).toEqual(['/services/0/env/X', '/services/0/env/X', '/services/1/binaries/linux-x64/args/1']);
    expect(d.filter((x) => x.code === 'PLACEHOLDER_MALFORMED').map((x) => x.path)).toEqual(['/services/1/binaries/linux-x64/args/2', '/services/1/binaries/linux-x64/args/3']);
    expect(codes(withDesktop((m) => (m.services[0].env.D = '${bundle}/x ${data}')))).toEqual([]);
  });

  it('reports secrets: unknown, unused, duplicates, class requirements, infrastructure, bad formats', () => {
    expect(codes(withDesktop((m) => m.services[0].secrets = ['jwt'])) ).toContain('SECRET_UNKNOWN');
    expect(codes(withDesktop((m) => (m.services[1].secrets = ['jwt_secret'])))).toEqual(['SECRET_UNUSED']);
    expect(codes(withDesktop((m) => (m.secrets[1].id = 'jwt_secret')))).toContain('SECRET_ID_DUPLICATE');
    expect(codes(withDesktop((m) => (m.secrets[1].target.name = 'JWT_SECRET')))).toContain('SECRET_TARGET_DUPLICATE');
    expect(codes(withDesktop((m) => delete m.secrets[0].generator))).toEqual(['SECRET_GENERATOR_MISSING']);
    expect(codes(withDesktop((m) => delete m.secrets[1].prompt))).toEqual(['SECRET_PROMPT_MISSING']);
    expect(codes(withDesktop((m) => (m.secrets[1].class = 'infrastructure')))).toEqual(['SECRET_INFRASTRUCTURE_BUNDLED']);
    expect(codes(withDesktop((m) => (m.secrets[1].format = '^[a-')))).toEqual(['SECRET_FORMAT_INVALID']);
  });

  it('reports port ranges: invalid, privileged, outside default, overlap, reserved, ipc, unallocatable', () => {
    const at = (edit: (m: Json) => void) => codes(withDesktop(edit));
    expect(at((m) => (m.services[0].ports.requested[0].range = { min: 47020, max: 47010 }))).toContain('PORT_RANGE_INVALID');
    expect(at((m) => (m.services[0].ports.requested[0].range = { min: 70000, max: 70001 }))).toContain('PORT_RANGE_INVALID');
    expect(at((m) => (m.ports.default_range = { min: 80, max: 47999 }, m.services[0].ports.requested[0].range = { min: 80, max: 90 }))).toEqual(['PORT_RANGE_PRIVILEGED']);
    expect(at((m) => (m.services[0].ports.requested[0].range = { min: 48010, max: 48020 }))).toEqual(['PORT_RANGE_OUTSIDE_DEFAULT']);
    expect(at((m) => (m.services[0].ports.requested[0].range = { min: 47035, max: 47045 }))).toEqual(['PORT_RANGE_OVERLAP']);
    expect(at((m) => (m.ports.reserved = [47015]))).toEqual(['PORT_RANGE_COVERS_RESERVED']);
    expect(at((m) => (m.ipc.port = 47015))).toEqual(['PORT_RANGE_COVERS_IPC']);
    expect(at((m) => ((m.ipc.port = 47015), (m.ports.reserved = [47015])))).toEqual(['PORT_RANGE_COVERS_RESERVED']);
    expect(at((m) => ((m.ports.reserved = [47050, 47051]), (m.services[2].ports.requested[0].range = { min: 47050, max: 47051 }))).sort()).toEqual(['PORT_RANGE_COVERS_RESERVED', 'PORT_UNALLOCATABLE']);
    expect(at((m) => (m.ipc.port = 70000))).toContain('PORT_INVALID');
  });

  it('reports desktop meaning: loopback ipc, run_on, platform keys and gaps, hashes, health needs, paths', () => {
    const at = (edit: (m: Json) => void) => codes(withDesktop(edit));
    expect(at((m) => (m.ipc.host = '0.0.0.0'))).toEqual(['IPC_HOST_NOT_LOOPBACK']);
    expect(at((m) => (m.ipc.host = 'localhost'))).toEqual([]);
    expect(at((m) => (m.services[1].migrations[0].run_on = 'install'))).toEqual(['MIGRATION_RUN_ON_UNKNOWN']);
    expect(at((m) => m.services[1].migrations.push({ ...m.services[1].migrations[0] }))).toEqual(['MIGRATION_VERSION_DUPLICATE']);
    expect(at((m) => (m.services[1].migrations[0].command = []))).toEqual(['MIGRATION_COMMAND_EMPTY']);
    expect(at((m) => (m.services[0].binaries.universal = { path: 'ui/dist' }))).toEqual(['PLATFORM_KEY_UNKNOWN']);
    expect(at((m) => delete m.services[0].binaries['win-x64'])).toEqual(['BINARY_PLATFORM_GAP']);
    expect(at((m) => (m.services[0].binaries['windows-x64'] = m.services[0].binaries['win-x64']))).toEqual([]);
    expect(at((m) => (m.services[2].assets[0].sha256 = 'PLACEHOLDER_SEED_HASH'))).toEqual(['ASSET_HASH_PLACEHOLDER']);
    expect(at((m) => (m.services[2].assets[0].sha256 = '0'.repeat(64)))).toEqual(['ASSET_HASH_PLACEHOLDER']);
    expect(at((m) => (m.services[2].assets[0].sha256 = 'abc123'))).toEqual(['ASSET_HASH_INVALID']);
    expect(at((m) => delete m.services[2].health.port_name)).toEqual(['HEALTH_PORT_REQUIRED']);
    expect(at((m) => (m.services[2].health = { type: 'command' }))).toEqual(['HEALTH_COMMAND_REQUIRED']);
    expect(at((m) => delete m.services[2].readiness.port_name)).toEqual(['READINESS_PORT_REQUIRED']);
    expect(at((m) => (m.services[2].readiness = { type: 'log_match' }))).toEqual(['READINESS_PATTERN_REQUIRED']);
    expect(at((m) => (m.services[2].readiness = { type: 'log_match', pattern: '(' }))).toEqual(['READINESS_PATTERN_INVALID']);
    expect(at((m) => (m.services[1].data_dirs = ['../../etc']))).toEqual(['PATH_ESCAPES_ROOT']);
    expect(at((m) => (m.services[1].binaries['win-x64'].path = 'C:\\Windows\\api.exe'))).toEqual(['PATH_ESCAPES_ROOT']);
    expect(at((m) => (m.services[1].log_dir = 'logs/../logs/api'))).toEqual([]);
    expect(at((m) => (m.telemetry.upload_url = 'not a url'))).toEqual(['TELEMETRY_URL_INVALID']);
    expect(at((m) => m.swaps.push({ original: 'postgres', replacement: 'duckdb' }))).toEqual(['SWAP_DUPLICATE']);
    expect(at((m) => (m.services[1].build = { type: 'go', source_dir: 'api', output_pattern: 'bin/{{platform}}/api{{ext}}{{flavour}}' }))).toEqual(['BUILD_TEMPLATE_UNKNOWN']);
  });

  it('points each desktop finding at the offending property and names the offending value or service', () => {
    // [edit, code, JSON pointer of what is wrong, what the message must name]
    const cases: [(m: Json) => void, string, string, string][] = [
      [(m) => (m.ipc.host = '0.0.0.0'), 'IPC_HOST_NOT_LOOPBACK', '/ipc/host', '"0.0.0.0"'],
      [(m) => (m.services[1].migrations[0].run_on = 'install'), 'MIGRATION_RUN_ON_UNKNOWN', '/services/1/migrations/0/run_on', '"install"'],
      [(m) => m.services[1].migrations.push({ ...m.services[1].migrations[0] }), 'MIGRATION_VERSION_DUPLICATE', '/services/1/migrations/1/version', '"api"'],
      [(m) => (m.services[1].migrations[0].command = []), 'MIGRATION_COMMAND_EMPTY', '/services/1/migrations/0/command', '"api"'],
      [(m) => (m.services[0].binaries.universal = { path: 'ui/dist' }), 'PLATFORM_KEY_UNKNOWN', '/services/0/binaries/universal', '"universal"'],
      [(m) => delete m.services[0].binaries['win-x64'], 'BINARY_PLATFORM_GAP', '/services/0/binaries', 'win-x64'],
      [(m) => (m.services[2].assets[0].sha256 = 'PLACEHOLDER_SEED_HASH'), 'ASSET_HASH_PLACEHOLDER', '/services/2/assets/0/sha256', '"PLACEHOLDER_SEED_HASH"'],
      [(m) => (m.services[2].assets[0].sha256 = 'abc123'), 'ASSET_HASH_INVALID', '/services/2/assets/0/sha256', '"db"'],
      [(m) => delete m.services[2].health.port_name, 'HEALTH_PORT_REQUIRED', '/services/2/health', '"db"'],
      [(m) => (m.services[2].health = { type: 'command' }), 'HEALTH_COMMAND_REQUIRED', '/services/2/health', '"db"'],
      [(m) => delete m.services[2].readiness.port_name, 'READINESS_PORT_REQUIRED', '/services/2/readiness', '"db"'],
      [(m) => (m.services[2].readiness = { type: 'log_match' }), 'READINESS_PATTERN_REQUIRED', '/services/2/readiness', '"db"'],
      [(m) => (m.services[2].readiness = { type: 'log_match', pattern: '' }), 'READINESS_PATTERN_REQUIRED', '/services/2/readiness', '"db"'],
      [(m) => (m.services[2].readiness = { type: 'log_match', pattern: '(' }), 'READINESS_PATTERN_INVALID', '/services/2/readiness/pattern', '"db"'],
      [(m) => (m.services[1].data_dirs = ['../../etc']), 'PATH_ESCAPES_ROOT', '/services/1/data_dirs/0', '"../../etc"'],
      [(m) => (m.telemetry.upload_url = 'not a url'), 'TELEMETRY_URL_INVALID', '/telemetry/upload_url', '"not a url"'],
      [(m) => m.swaps.push({ original: 'postgres', replacement: 'duckdb' }), 'SWAP_DUPLICATE', '/swaps/1/original', '"postgres"'],
      [(m) => (m.services[1].build = { type: 'go', source_dir: 'api', output_pattern: 'bin/{{platform}}/api{{ext}}{{flavour}}' }), 'BUILD_TEMPLATE_UNKNOWN', '/services/1/build/output_pattern', '{{flavour}}'],
      [(m) => (m.services[0].env.X = '${x.y}'), 'PLACEHOLDER_UNRESOLVED', '/services/0/env/X', '${x.y}'],
      [(m) => (m.secrets[0].class = 'infrastructure'), 'SECRET_INFRASTRUCTURE_BUNDLED', '/secrets/0/class', '"jwt_secret"'],
      // A build operand starting with "-" would be read as an option: go build ... -toolexec=... runs a program.
      [(m) => (m.services[1].build = { type: 'go', source_dir: 'api', entry_point: '-toolexec=touch INJECTED' }), 'VALUE_OPTION_LIKE', '/services/1/build/entry_point', '"-toolexec=touch INJECTED"'],
      [(m) => (m.services[1].build = { type: 'rust', source_dir: 'api', output_pattern: '-rf' }), 'VALUE_OPTION_LIKE', '/services/1/build/output_pattern', '"-rf"'],
      [(m) => (m.services[1].build = { type: 'go', source_dir: '--help' }), 'VALUE_OPTION_LIKE', '/services/1/build/source_dir', '"--help"'],
    ];
    for (const [edit, code, path, named] of cases) {
      const found = all(withDesktop(edit));
      expect(found.map((d) => [d.code, d.path])).toEqual([[code, path]]);
      expect(found[0]?.message).toContain(named);
      expect(found[0]?.hint?.length).toBeGreaterThan(0);
    }
  });

  it('points each cloud and mobile finding at the offending property and names the offending value or service', () => {
    const on = (base: () => Json) => (edit: (m: Json) => void) => all(edited(base)(edit));
    const cloud = on(cloudManifest);
    const mobile = on(mobileManifest);
    // [findings, code, JSON pointer of what is wrong, what the message must name]
    const cases: [ReturnType<typeof all>, string, string, string][] = [
      [cloud((m) => delete m.services[1].image), 'CLOUD_IMAGE_MISSING', '/services/1', '"postgres"'],
      [cloud((m) => (m.services[1].ports[0].container_port = 0)), 'PORT_INVALID', '/services/1/ports/0/container_port', 'port 0'],
      [cloud((m) => m.services[1].volumes.push({ name: 'data', mount_path: '/x', persistent: false })), 'VOLUME_NAME_DUPLICATE', '/services/1/volumes/1/name', '"data"'],
      [cloud((m) => (m.services[1].volumes[0].mount_path = 'data')), 'VOLUME_PATH_NOT_ABSOLUTE', '/services/1/volumes/0/mount_path', '"data"'],
      [cloud((m) => (m.services[1].replicas = 3)), 'VOLUME_SHARED_BY_REPLICAS', '/services/1/volumes/0', '3 replicas'],
      [cloud((m) => (m.ingress.routes[0].service = 'web')), 'INGRESS_SERVICE_UNKNOWN', '/ingress/routes/0/service', '"web"'],
      [cloud((m) => (m.ingress.routes[0].port_name = 'https')), 'PORT_NAME_UNKNOWN', '/ingress/routes/0/port_name', '"https"'],
      [cloud((m) => (m.services[0].env.PORT = '${api.grpc}')), 'PLACEHOLDER_UNRESOLVED', '/services/0/env/PORT', '${api.grpc}'],
      [cloud((m) => (m.services[0].build.context = '../../outside')), 'PATH_ESCAPES_ROOT', '/services/0/build/context', '"../../outside"'],
      [mobile((m) => (m.remote_services[0].url = 'api.example.com')), 'REMOTE_URL_INVALID', '/remote_services/0/url', '"api.example.com"'],
      [mobile((m) => (m.remote_services[0].url = 'http://api.example.com')), 'REMOTE_URL_INSECURE', '/remote_services/0/url', '"api"'],
      [mobile((m) => (m.config.X = '${auth.url}')), 'PLACEHOLDER_UNRESOLVED', '/config/X', '${auth.url}'],
      [mobile((m) => (m.embedded[0].id = 'api')), 'SERVICE_ID_DUPLICATE', '/embedded/0/id', '"api"'],
      [mobile((m) => (m.secrets[0].class = 'infrastructure')), 'SECRET_INFRASTRUCTURE_BUNDLED', '/secrets/0/class', '"api_key"'],
    ];
    for (const [found, code, path, named] of cases) {
      expect(found.map((d) => [d.code, d.path])).toEqual([[code, path]]);
      expect(found[0]?.message).toContain(named);
      expect(found[0]?.hint?.length).toBeGreaterThan(0);
    }
  });

  it('names a service without an id by its position', () => {
    const found = all(withDesktop((m) => (delete m.services[2].health.port_name, delete m.services[2].id)));
    expect(found.find((d) => d.code === 'HEALTH_PORT_REQUIRED')?.message).toContain('"#2"');
  });

  it('reports cloud meaning: images, ports, volumes, replicas, ingress', () => {
    const at = (edit: (m: Json) => void) => codes(edited(cloudManifest)(edit));
    expect(at((m) => delete m.services[1].image)).toEqual(['CLOUD_IMAGE_MISSING']);
    expect(at((m) => (m.services[1].ports[0].container_port = 0))).toEqual(['PORT_INVALID']);
    expect(at((m) => m.services[1].volumes.push({ name: 'data', mount_path: '/x', persistent: false }))).toEqual(['VOLUME_NAME_DUPLICATE']);
    expect(at((m) => (m.services[1].volumes[0].mount_path = 'data'))).toEqual(['VOLUME_PATH_NOT_ABSOLUTE']);
    expect(at((m) => (m.services[1].replicas = 3))).toEqual(['VOLUME_SHARED_BY_REPLICAS']);
    expect(at((m) => (m.ingress.routes[0].service = 'web'))).toEqual(['INGRESS_SERVICE_UNKNOWN']);
    expect(at((m) => (m.ingress.routes[0].port_name = 'https'))).toEqual(['PORT_NAME_UNKNOWN']);
    expect(at((m) => (m.services[0].env.PORT = '${api.grpc}'))).toEqual(['PLACEHOLDER_UNRESOLVED']);
    expect(at((m) => (m.services[0].build.context = '../../outside'))).toEqual(['PATH_ESCAPES_ROOT']);
  });

  it('reports mobile meaning: urls, config placeholders, id clashes, infrastructure secrets', () => {
    const at = (edit: (m: Json) => void) => codes(edited(mobileManifest)(edit));
    expect(at((m) => (m.remote_services[0].url = 'api.example.com'))).toEqual(['REMOTE_URL_INVALID']);
    expect(at((m) => (m.remote_services[0].url = 'http://api.example.com'))).toEqual(['REMOTE_URL_INSECURE']);
    expect(at((m) => (m.remote_services[0].url = 'http://127.0.0.1:8080'))).toEqual([]);
    expect(at((m) => (m.config.X = '${auth.url}'))).toEqual(['PLACEHOLDER_UNRESOLVED']);
    expect(at((m) => (m.embedded[0].id = 'api'))).toEqual(['SERVICE_ID_DUPLICATE']);
    expect(at((m) => (m.secrets[0].class = 'infrastructure'))).toEqual(['SECRET_INFRASTRUCTURE_BUNDLED']);
    expect(at((m) => (m.secrets[0].target.type = 'env'))).toEqual(['SCHEMA_ENUM']);
    expect(at((m) => (m.app_id = 'notes'))).toEqual(['SCHEMA_PATTERN']);
  });

  it('gives every diagnostic a documented code, its table severity, a pointer and a hint', () => {
    const bad = withDesktop((m) => {
      m.services[0].env.X = '${x.y}';
      m.secrets[0].class = 'infrastructure';
      m.services[0].ports.requested[0].range = { min: 47035, max: 47045 };
      delete m.telemetry;
    });
    for (const d of all(bad)) {
      expect(Object.keys(MANIFEST_DIAGNOSTIC_CODES)).toContain(d.code);
      expect(d.severity).toBe(MANIFEST_DIAGNOSTIC_CODES[d.code as keyof typeof MANIFEST_DIAGNOSTIC_CODES].severity);
      expect(d.path.startsWith('/') || d.path === '').toBe(true);
      expect(d.hint).toBeTruthy();
    }
  });

  it('never crashes on hostile shapes', () => {
    const desktopNulls = { target: 'desktop', services: [{ id: 'a', binaries: { 'linux-x64': null, 'win-x64': 'x' }, assets: [null, 'x'], migrations: [null], build: null }], secrets: [null, 'x', { id: 'k', service_env: null }] };
    const cloudNulls = { target: 'cloud', services: [null, 1, { id: 'a', ports: [null, 2], volumes: [null] }], secrets: [null], ingress: { routes: [null, { service: 'a', port_name: 'x' }] } };
    for (const v of [{ target: 'desktop' }, { target: 'desktop', services: [null, 1, 'x', { id: 3 }] }, desktopNulls, { target: 'cloud', services: {} }, cloudNulls, { target: 'mobile', remote_services: [{ url: 5 }], config: [] }, { target: 'mobile', remote_services: [null, 1] }]) {
      expect(() => validateManifest(v)).not.toThrow();
      expect(validateManifest(v).ok).toBe(false);
    }
  });
});

describe('semantic checks, edge cases', () => {
  const at = (base: () => Json) => (edit: (m: Json) => void): ReturnType<typeof all> => all(edited(base)(edit));
  const desktop = at(desktopManifest);
  const cloud = at(cloudManifest);
  const mobile = at(mobileManifest);
  const codesOf = (found: ReturnType<typeof all>) => found.map((d) => d.code);

  it('reads loopback hosts: localhost in any case and spacing, 127.0.0.0/8, ::1 with or without brackets', () => {
    for (const host of ['localhost', 'LocalHost', ' localhost ', '127.0.0.1', '127.255.0.9', '::1', '[::1]']) expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of ['127.0.10.1', '127.0.0.10', '127.100.200.255', '[LOCALHOST]']) expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of ['0.0.0.0', '128.0.0.1', '127.0.0', '10.127.0.0.1', 'localhost.example.com', '::2', '']) expect([host, isLoopbackHost(host)]).toEqual([host, false]);
    // Only a bracket at either end is dropped, never one inside; and the address ends where the string does.
    for (const host of ['local[host', 'local]host', '127.0.0.1.example.com', '127.0.0.1:80', '127.0.0.1000']) expect([host, isLoopbackHost(host)]).toEqual([host, false]);
    expect(codesOf(desktop((m) => (m.ipc.host = '[::1]')))).toEqual([]);
  });

  it('accepts an https telemetry url and refuses other schemes', () => {
    expect(codesOf(desktop((m) => (m.telemetry.upload_url = 'https://telemetry.example.com/up')))).toEqual([]);
    expect(codesOf(desktop((m) => (m.telemetry.upload_url = 'http://127.0.0.1:9000/up')))).toEqual([]);
    for (const url of ['ftp://telemetry.example.com/up', 'telemetry.example.com/up', '/up', 'mailto:ops@example.com']) {
      expect([url, codesOf(desktop((m) => (m.telemetry.upload_url = url)))]).toEqual([url, ['TELEMETRY_URL_INVALID']]);
    }
  });

  it('suggests the platform key a typo meant, and the run_on value a near miss meant', () => {
    const key = desktop((m) => (m.services[0].binaries['linuxx64'] = { path: 'ui/x' }));
    expect(key.map((d) => d.code)).toContain('PLATFORM_KEY_UNKNOWN');
    expect(key.find((d) => d.code === 'PLATFORM_KEY_UNKNOWN')?.hint).toContain('did you mean "linux-x64"?');
    const far = desktop((m) => (m.services[0].binaries.universal = { path: 'ui/dist' }));
    expect(far[0]?.hint).not.toContain('did you mean');
    expect(desktop((m) => (m.services[1].migrations[0].run_on = 'install'))[0]?.hint).toContain('did you mean "first_install"?');
    expect(desktop((m) => (m.services[1].migrations[0].run_on = 'upgrades'))[0]?.hint).toContain('did you mean "upgrade"?');
  });

  it('checks build args for template variables, not only the output pattern, and names the known ones', () => {
    const found = desktop((m) => (m.services[1].build = { type: 'go', source_dir: 'api', output_pattern: 'bin/api', args: ['-o', '{{nope}}'] }));
    expect(found.map((d) => [d.code, d.path])).toEqual([['BUILD_TEMPLATE_UNKNOWN', '/services/1/build/args/1']]);
    expect(found[0]?.hint).toContain('{{platform}}');
  });

  it('requires a port for tcp health as for http, and a non-blank pattern for log_match readiness', () => {
    expect(codesOf(desktop((m) => delete m.services[2].health.port_name))).toEqual(['HEALTH_PORT_REQUIRED']);
    expect(codesOf(desktop((m) => (m.services[0].health = { type: 'tcp' })))).toEqual(['HEALTH_PORT_REQUIRED']);
  });

  it('finds every kind of escaping path a desktop manifest holds, and none in paths that stay inside', () => {
    const paths = (edit: (m: Json) => void) => desktop(edit).filter((d) => d.code === 'PATH_ESCAPES_ROOT').map((d) => d.path);
    expect(paths((m) => (m.telemetry.file = '/var/log/t.jsonl'))).toEqual(['/telemetry/file']);
    expect(paths((m) => (m.ipc.auth_token_path = '~/token'))).toEqual(['/ipc/auth_token_path']);
    expect(paths((m) => (m.catalog_requirements = ['ok', '../up']))).toEqual(['/catalog_requirements/1']);
    expect(paths((m) => (m.services[1].binaries['linux-x64'].cwd = '..'))).toEqual(['/services/1/binaries/linux-x64/cwd']);
    expect(paths((m) => (m.services[2].assets[0].path = 'D:/seed.sql'))).toEqual(['/services/2/assets/0/path']);
    expect(paths((m) => (m.services[0].asset_dirs = ['a', '..\\..\\b']))).toEqual(['/services/0/asset_dirs/1']);
    expect(paths((m) => (m.services[0].dist_root = '${bundle}/../x'))).toEqual(['/services/0/dist_root']);
    expect(paths((m) => (m.services[1].build = { type: 'go', source_dir: '../api', output_pattern: '/bin/{{platform}}' }))).toEqual(['/services/1/build/source_dir', '/services/1/build/output_pattern']);
    expect(paths((m) => (m.services[1].data_dirs = ['${data}/notes', './a/../b', 'a/./..', '${bundle}']))).toEqual([]);
    expect(paths((m) => (m.services[1].binaries['win-x64'].path = 'C:\\Windows\\api.exe'))).toEqual(['/services/1/binaries/win-x64/path']);
    expect(paths((m) => (m.services[1].log_dir = '../logs'))).toEqual(['/services/1/log_dir']);
  });

  it('reads where a path lands: absolute, drive letter, home, climbing above the root', () => {
    expect(['/x', 'C:x', 'c:\\x', '~/x', '..', 'a/../..', '${data}/../x', '\\\\server\\share'].map(pathEscape)).toEqual([
      'is absolute',
      'has a drive letter',
      'has a drive letter',
      'starts at a home directory',
      'climbs above its root with ..',
      'climbs above its root with ..',
      'climbs above its root with ..',
      'is absolute',
    ]);
    expect(['x', 'a/..', './a/./b/..', '${bundle}/a', '${data}', 'a\\..\\b', '${other}/x'].map(pathEscape)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('finds escaping paths in a cloud build and a mobile web dir', () => {
    expect(cloud((m) => (m.services[0].build.dockerfile = '../Dockerfile')).map((d) => [d.code, d.path])).toEqual([['PATH_ESCAPES_ROOT', '/services/0/build/dockerfile']]);
    expect(mobile((m) => (m.web.dir = '/www')).map((d) => [d.code, d.path])).toEqual([['PATH_ESCAPES_ROOT', '/web/dir']]);
    expect(mobile((m) => (m.web.index = '../index.html')).map((d) => [d.code, d.path])).toEqual([['PATH_ESCAPES_ROOT', '/web/index']]);
  });

  it('hints at the service or port a placeholder meant, the statics of the target, and a service without ports', () => {
    const hintOf = (value: string) => desktop((m) => (m.services[0].env.X = value)).find((d) => d.code === 'PLACEHOLDER_UNRESOLVED')?.hint;
    expect(hintOf('${apii.http}')).toBe('no service "apii"; did you mean ${api.http}?');
    expect(hintOf('${zzzzzz.http}')).toBe('services: api, db, ui');
    expect(hintOf('${api.grpc}')).toBe('ports of "api": http');
    expect(desktop((m) => ((m.services[1].ports.requested.push({ name: 'admin', range: { min: 47041, max: 47042 } })), (m.services[0].env.X = '${api.grpc}'))).find((d) => d.code === 'PLACEHOLDER_UNRESOLVED')?.hint).toBe('ports of "api": http, admin');
    expect(hintOf('${datum}')).toBe('services: api, db, ui; statics: ${data}, ${bundle}');
    expect(hintOf('${api}')).toBe('ports of "api": http; statics: ${data}, ${bundle}');
    expect(desktop((m) => (m.services[0].env.X = '${ }')).map((d) => d.code)).toEqual(['PLACEHOLDER_MALFORMED']);
    // The port is after the last dot: "ap.i" is the service, one edit from "api".
    expect(hintOf('${ap.i.http}')).toBe('no service "ap.i"; did you mean ${api.http}?');
    expect(hintOf('${a.b.c}')).toBe('services: api, db, ui');
    const noPorts = mobile((m) => (m.config.X = '${sqlite.port}'));
    expect(noPorts.find((d) => d.code === 'PLACEHOLDER_UNRESOLVED')?.hint).toBe('service "sqlite" declares no ports');
  });

  it('lists the declared services or ports when nothing is near the unknown name', () => {
    const dep = desktop((m) => (m.services[1].dependencies = ['zzzzzz']));
    expect(dep.find((d) => d.code === 'DEPENDENCY_UNKNOWN')?.hint).toBe('declared services: api, db, ui');
    const port = desktop((m) => (m.services[2].readiness.port_name = 'zzzzzz'));
    expect(port.find((d) => d.code === 'PORT_NAME_UNKNOWN')?.hint).toBe('declared ports: sql');
    const cyc = desktop((m) => (m.services[2].dependencies = ['api']));
    expect(cyc.find((d) => d.code === 'DEPENDENCY_CYCLE')?.path).toBe('/services/1/dependencies');
  });

  it('treats secret targets by type and name, reads service_env only of readers, and leaves unused secrets alone on mobile', () => {
    expect(codesOf(desktop((m) => (m.secrets[1].target = { type: 'file', name: 'JWT_SECRET' })))).toEqual([]);
    expect(codesOf(desktop((m) => (m.secrets[0].service_env = { api: 'JWT' })))).toEqual([]);
    const wrong = desktop((m) => (m.secrets[0].service_env = { ui: 'JWT' }));
    expect(wrong.map((d) => [d.code, d.path])).toEqual([['SECRET_SERVICE_ENV_UNKNOWN', '/secrets/0/service_env/ui']]);
    expect(desktop((m) => (m.services[0].secrets = ['jwt_secrett'])).find((d) => d.code === 'SECRET_UNKNOWN')?.hint).toBe('did you mean "jwt_secret"?');
    expect(desktop((m) => (m.services[0].secrets = ['zzzzzz'])).find((d) => d.code === 'SECRET_UNKNOWN')?.hint).toBe('declare it under secrets');
    expect(codesOf(mobile((m) => m.secrets.push({ id: 'spare', class: 'user_prompt', prompt: { label: 'spare' }, target: { type: 'secure_storage', name: 'spare' } })))).toEqual([]);
  });

  it('checks cloud ports at both ends of 1-65535, one replica sharing nothing, routes without a port name', () => {
    expect(codesOf(cloud((m) => (m.services[1].ports[0].container_port = 65536)))).toEqual(['PORT_INVALID']);
    expect(codesOf(cloud((m) => (m.services[1].ports[0].container_port = 65535)))).toEqual([]);
    expect(codesOf(cloud((m) => (m.services[1].ports[0].container_port = 1)))).toEqual([]);
    expect(codesOf(cloud((m) => (m.services[1].replicas = 1)))).toEqual([]);
    // A route without a port name is the schema's finding alone, not also an unknown port.
    expect(codesOf(cloud((m) => delete m.ingress.routes[0].port_name))).toEqual(['SCHEMA_REQUIRED']);
    expect(cloud((m) => ((m.ingress.routes[0].port_name = 'http'), (m.ingress.routes[0].service = 'postgres'), (m.services[1].ports = []))).find((d) => d.path === '/ingress/routes/0/port_name')?.hint).toBe('declared ports: none');
  });

  it('words each desktop finding exactly: the values, the service (or its position), the missing platforms in order, the hints', () => {
    const exact = (edit: (m: Json) => void) => desktop(edit).map((d) => [d.code, d.path, d.message, d.hint]);
    const gap = 'add the missing platforms or drop them from the other services';
    const placeholder = 'compute the real SHA-256 of the file before shipping';
    const known = 'known: {{platform}}, {{ext}}, {{goos}}, {{goarch}}, {{output}}';
    // An empty host is the schema's finding alone, not also a host that is not loopback.
    expect(exact((m) => (m.ipc.host = '')).map(([code]) => code)).toEqual(['SCHEMA_MIN_LENGTH']);
    // Platforms listed sorted whatever order the binaries came in.
    expect(exact((m) => ((m.services[0].binaries = { 'win-x64': { path: 'ui/w.exe' }, 'linux-x64': { path: 'ui/l' } }), (m.services[1].binaries = { 'darwin-arm64': { path: 'api/d' } })))).toEqual([
      ['BINARY_PLATFORM_GAP', '/services/0/binaries', 'service "ui" has no binary for darwin-arm64, which other services ship', gap],
      ['BINARY_PLATFORM_GAP', '/services/1/binaries', 'service "api" has no binary for linux-x64, win-x64, which other services ship', gap],
      ['BINARY_PLATFORM_GAP', '/services/2/binaries', 'service "db" has no binary for darwin-arm64, which other services ship', gap],
    ]);
    // A service with no platform key at all is no gap: its unknown key is the finding.
    expect(exact((m) => (m.services[2].binaries = { universal: { path: 'db/u' } })).map(([code]) => code)).toEqual(['PLATFORM_KEY_UNKNOWN']);
    expect(exact((m) => ((m.services[0].binaries.universal = { path: 'ui/u' }), delete m.services[0].id)).slice(1)).toEqual([
      ['PLATFORM_KEY_UNKNOWN', '/services/0/binaries/universal', 'service "#0" has a binary for "universal", a platform key the runtime never selects', 'use <os>-<arch> keys such as linux-x64, darwin-arm64, win-x64; one entry per platform'],
    ]);
    expect(exact((m) => ((m.services[1].migrations[0].run_on = 'nightly'), delete m.services[1].migrations[0].version)).slice(1)).toEqual([
      ['MIGRATION_RUN_ON_UNKNOWN', '/services/1/migrations/0/run_on', 'migration 0 of service "api" has run_on "nightly", which the runtime never runs', 'use one of always, first_install, upgrade'],
    ]);
    expect(exact((m) => (m.services[1].migrations[0].run_on = 'upgrades'))).toEqual([
      ['MIGRATION_RUN_ON_UNKNOWN', '/services/1/migrations/0/run_on', 'migration 2025-01-01 of service "api" has run_on "upgrades", which the runtime never runs', 'use one of always, first_install, upgrade (did you mean "upgrade"?)'],
    ]);
    // run_on is optional; a migration that is not an object is the schema's finding and breaks nothing.
    expect(exact((m) => delete m.services[1].migrations[0].run_on)).toEqual([]);
    expect(exact((m) => (m.services[1].migrations = [null, 5, { version: 'v1', command: [], run_on: 'upgrade' }, { version: 'v1', command: [] }])).filter(([code]) => !String(code).startsWith('SCHEMA'))).toEqual([
      ['MIGRATION_COMMAND_EMPTY', '/services/1/migrations/2/command', 'migration v1 of service "api" has an empty command', 'give the command and its arguments'],
      ['MIGRATION_VERSION_DUPLICATE', '/services/1/migrations/3/version', 'service "api" declares migration v1 twice', 'migration versions identify applied migrations; make them unique'],
      ['MIGRATION_COMMAND_EMPTY', '/services/1/migrations/3/command', 'migration v1 of service "api" has an empty command', 'give the command and its arguments'],
    ]);
    expect(exact((m) => (m.services[1].migrations = [{ command: [] }])).slice(1)).toEqual([
      ['MIGRATION_COMMAND_EMPTY', '/services/1/migrations/0/command', 'migration 0 of service "api" has an empty command', 'give the command and its arguments'],
    ]);
    // Upper-case hex and a hash that is not all zeros are real; all zeros, x's, empty and words are placeholders (warnings, listed after the errors).
    const assets = [
      { path: 'a', sha256: 'A'.repeat(64) }, { path: 'b', sha256: `${'0'.repeat(63)}1` }, { path: 'b0', sha256: `${'a'.repeat(63)}0` }, { path: 'c', sha256: 'g'.repeat(64) }, { path: 'd', sha256: '' },
      { path: 'e', sha256: '00' }, { path: 'f', sha256: 'XXXX' }, { path: 'g', sha256: 'TBD' }, { path: 'h', sha256: 'a'.repeat(65) }, { path: 'i' },
    ].map((a) => ({ ...a, size_bytes: 1 }));
    // An asset that is not an object is the schema's finding alone.
    expect(exact((m) => (m.services[2].assets = [null, ...assets])).filter(([code]) => !String(code).startsWith('SCHEMA'))).toEqual(exact((m) => (m.services[2].assets = [...assets])).map(([code, path, ...rest]) => [code, String(path).replace(/assets\/(\d)/, (_, n: string) => `assets/${Number(n) + 1}`), ...rest]));
    expect(exact((m) => (m.services[2].assets = assets))).toEqual([
      ['ASSET_HASH_INVALID', '/services/2/assets/3/sha256', 'asset "c" of service "db" has a hash that is not 64 hex digits', 'write the lower-case hex SHA-256 of the file'],
      ['ASSET_HASH_INVALID', '/services/2/assets/8/sha256', 'asset "h" of service "db" has a hash that is not 64 hex digits', 'write the lower-case hex SHA-256 of the file'],
      ['ASSET_HASH_PLACEHOLDER', '/services/2/assets/4/sha256', 'asset "d" of service "db" has placeholder hash ""', placeholder],
      ['ASSET_HASH_PLACEHOLDER', '/services/2/assets/5/sha256', 'asset "e" of service "db" has placeholder hash "00"', placeholder],
      ['ASSET_HASH_PLACEHOLDER', '/services/2/assets/6/sha256', 'asset "f" of service "db" has placeholder hash "XXXX"', placeholder],
      ['ASSET_HASH_PLACEHOLDER', '/services/2/assets/7/sha256', 'asset "g" of service "db" has placeholder hash "TBD"', placeholder],
    ]);
    expect(exact((m) => (m.services[2].assets = [{ sha256: 'todo', size_bytes: 1 }])).slice(1)).toEqual([['ASSET_HASH_PLACEHOLDER', '/services/2/assets/0/sha256', 'asset "#0" of service "db" has placeholder hash "todo"', placeholder]]);
    // Template variables with spaces inside the braces are read trimmed; args that are not strings are the schema's.
    expect(exact((m) => (m.services[1].build = { type: 'go', source_dir: 'api', output_pattern: 'bin/{{ platform }}/api{{ext}}', args: [5, '{{nope}}', '{{ os}}{{goos}}'] })).slice(1)).toEqual([
      ['BUILD_TEMPLATE_UNKNOWN', '/services/1/build/args/1', 'build template {{nope}} of service "api" is not filled by packagers', known],
      ['BUILD_TEMPLATE_UNKNOWN', '/services/1/build/args/2', 'build template {{os}} of service "api" is not filled by packagers', known],
    ]);
    expect(exact((m) => (m.services[1].build = { type: 'go', source_dir: 'api', output_pattern: 'bin/{{ outpt }}' }))).toEqual([
      ['BUILD_TEMPLATE_UNKNOWN', '/services/1/build/output_pattern', 'build template {{outpt}} of service "api" is not filled by packagers', known],
    ]);
  });

  it('finds every placeholder with its offset, an unterminated one last and without a token', () => {
    expect(findPlaceholders('a${b}c${}${d.e}${f')).toEqual([
      { token: 'b', index: 1 },
      { token: '', index: 6 },
      { token: 'd.e', index: 9 },
      { token: undefined, index: 15 },
    ]);
    expect(findPlaceholders('$ {x} $x {y}')).toEqual([]);
    expect(findPlaceholders('${a}}${b}')).toEqual([{ token: 'a', index: 0 }, { token: 'b', index: 5 }]);
  });

  it('accepts plain http to a loopback remote service only', () => {
    expect(codesOf(mobile((m) => (m.remote_services[0].url = 'http://localhost:3000')))).toEqual([]);
    expect(codesOf(mobile((m) => (m.remote_services[0].url = 'http://[::1]:3000')))).toEqual([]);
    expect(codesOf(mobile((m) => (m.remote_services[0].url = 'ws://api.example.com')))).toEqual(['REMOTE_URL_INVALID']);
  });
});

describe('every finding, word for word', () => {
  // [code, JSON pointer, message, hint] of each finding that is not the schema's, in the order reported.
  const words = (base: () => Json) => (edit: (m: Json) => void): string[][] =>
    all(edited(base)(edit))
      .filter((d) => !d.code.startsWith('SCHEMA'))
      .map((d) => [d.code, d.path, d.message, d.hint ?? '']);
  const desktop = words(desktopManifest);
  const cloud = words(cloudManifest);
  const mobile = words(mobileManifest);
  const port = (name: string, min = 47021) => ({ name, range: { min, max: min + 1 } });

  it('references: duplicate ids, unknown dependencies near and far, ports, cycles; a service without an id is "?"', () => {
    expect(desktop((m) => (m.services[2].id = 'api')).filter(([code]) => code === 'SERVICE_ID_DUPLICATE')).toEqual([['SERVICE_ID_DUPLICATE', '/services/2/id', 'service id "api" is used twice', 'give every service a unique id']]);
    expect(desktop((m) => (m.services[0].dependencies = ['apii', 'zzzzzz']))).toEqual([
      ['DEPENDENCY_UNKNOWN', '/services/0/dependencies/0', 'service "ui" depends on "apii", which is not a service of the manifest', 'did you mean "api"?'],
      ['DEPENDENCY_UNKNOWN', '/services/0/dependencies/1', 'service "ui" depends on "zzzzzz", which is not a service of the manifest', 'declared services: api, db, ui'],
    ]);
    // A name that shares nothing with any service is not a typo of one: "db" is no "ui" with two letters changed.
    expect(desktop((m) => ((m.services[2].id = 'store'), (m.services[1].dependencies = ['db']), (m.services[1].env = {}))).filter(([code]) => code === 'DEPENDENCY_UNKNOWN')).toEqual([
      ['DEPENDENCY_UNKNOWN', '/services/1/dependencies/0', 'service "api" depends on "db", which is not a service of the manifest', 'declared services: api, store, ui'],
    ]);
    expect(desktop((m) => ((m.services[2].id = 'DB'), (m.services[1].env = {}))).filter(([code]) => code === 'DEPENDENCY_UNKNOWN').map(([, , , hint]) => hint)).toEqual(['did you mean "DB"?']);
    expect(desktop((m) => ((m.services[0].dependencies = ['zzzzzz']), m.services[0].ports.requested.push(port('http')), (m.services[0].health.port_name = 'nope'), delete m.services[0].id))).toEqual([
      ['DEPENDENCY_UNKNOWN', '/services/0/dependencies/0', 'service "?" depends on "zzzzzz", which is not a service of the manifest', 'declared services: api, db'],
      ['PORT_NAME_DUPLICATE', '/services/0/ports/requested/1/name', 'service "?" declares port "http" twice', 'port names must be unique within a service'],
      ['PORT_NAME_UNKNOWN', '/services/0/health/port_name', 'port_name "nope" is not a port of service "?"', 'declared ports: http'],
    ]);
    expect(desktop((m) => ((m.services[0].ports.requested = [port('http'), port('admin', 47023)]), (m.services[0].health.port_name = 'htp')))).toEqual([
      ['PORT_NAME_UNKNOWN', '/services/0/health/port_name', 'port_name "htp" is not a port of service "ui"', 'declared ports: http, admin'],
    ]);
    expect(desktop((m) => (m.services[2].ports.requested = [])).slice(0, 2)).toEqual([
      ['PORT_NAME_UNKNOWN', '/services/2/health/port_name', 'port_name "sql" is not a port of service "db"', "declare the port under the service's ports"],
      ['PORT_NAME_UNKNOWN', '/services/2/readiness/port_name', 'port_name "sql" is not a port of service "db"', "declare the port under the service's ports"],
    ]);
    expect(desktop((m) => (m.services[2].dependencies = ['ui']))).toEqual([
      ['DEPENDENCY_CYCLE', '/services/1/dependencies', 'services depend on each other in a cycle: api -> db -> ui -> api', 'remove one dependency of the cycle so the services can start in order'],
    ]);
  });

  it('secrets: duplicates, what each class needs (a secret without an id is "#i"), formats, unknown near and far, unused, service_env', () => {
    expect(desktop((m) => m.secrets.push({ ...m.secrets[0] }))).toEqual([
      ['SECRET_ID_DUPLICATE', '/secrets/2/id', 'secret id "jwt_secret" is declared twice', 'give every secret a unique id'],
      ['SECRET_TARGET_DUPLICATE', '/secrets/2/target', 'two secrets are delivered to env:JWT_SECRET', 'deliver each secret to its own variable, file or key'],
    ]);
    const env = (name: string) => ({ type: 'env', name });
    expect(
      desktop((m) => {
        m.secrets.push({ class: 'per_install_generated', target: env('X') }, { class: 'user_prompt', target: env('Y') }, { id: 'infra', class: 'infrastructure', target: env('Z') });
        m.secrets.push({ id: 'fmt', class: 'user_prompt', prompt: { label: 'x' }, format: '(', target: { type: 'file', name: 'Y' } });
        m.services[1].secrets.push('infra', 'fmt');
      }),
    ).toEqual([
      ['SECRET_GENERATOR_MISSING', '/secrets/2', 'secret "#2" is per_install_generated but has no generator', 'add a generator, e.g. { "type": "random", "length": 32, "charset": "alnum" }'],
      ['SECRET_PROMPT_MISSING', '/secrets/3', 'secret "#3" is user_prompt but has no prompt', 'add prompt.label and prompt.description'],
      ['SECRET_INFRASTRUCTURE_BUNDLED', '/secrets/4/class', 'secret "infra" is an infrastructure secret, which never ships in a manifest', 'remove it, or reclassify it (generated per install, prompted, or fetched remotely) in the secret plan'],
      ['SECRET_FORMAT_INVALID', '/secrets/5/format', 'format of secret "fmt" is not a valid regular expression', 'fix the pattern (JavaScript / RE2 syntax)'],
    ]);
    expect(desktop((m) => (m.services[1].secrets.push('zzzzzzzz'), delete m.services[1].id)).filter(([code]) => code === 'SECRET_UNKNOWN')).toEqual([
      ['SECRET_UNKNOWN', '/services/1/secrets/2', 'service "?" uses secret "zzzzzzzz", which is not declared', 'declare it under secrets'],
    ]);
    // A target without its name or its type is the schema's finding, not a clash of two half targets.
    expect(desktop((m) => (delete m.secrets[0].target.name, delete m.secrets[1].target.name)).filter(([code]) => code === 'SECRET_TARGET_DUPLICATE')).toEqual([]);
    expect(desktop((m) => (m.secrets.push({ id: 'x', class: 'per_install_generated', generator: { type: 'random', length: 8 }, target: { name: 'JWT_SECRET' } }), delete m.secrets[0].target.type)).filter(([code]) => code === 'SECRET_TARGET_DUPLICATE')).toEqual([]);
    // Two declared ids one edit away: the hint names the first in sorted order, whatever the declaration order.
    expect(desktop((m) => ((m.secrets[0].id = 'key_b'), (m.secrets[1].id = 'key_a'), (m.services[1].secrets = ['key_b', 'key_a', 'key_c']))).map(([code, , , hint]) => [code, hint])).toEqual([['SECRET_UNKNOWN', 'did you mean "key_a"?']]);
    expect(desktop((m) => m.services[1].secrets.push('api_ky', 'zzzzzzzz'))).toEqual([
      ['SECRET_UNKNOWN', '/services/1/secrets/2', 'service "api" uses secret "api_ky", which is not declared', 'did you mean "api_key"?'],
      ['SECRET_UNKNOWN', '/services/1/secrets/3', 'service "api" uses secret "zzzzzzzz", which is not declared', 'declare it under secrets'],
    ]);
    const readsNot = 'name only services that list the secret in their secrets';
    expect(
      desktop((m) => {
        m.services[1].secrets = ['api_key'];
        m.secrets[0].service_env = { api: 'J', ui: 'K' };
        m.secrets.push({ class: 'user_prompt', prompt: { label: 'x' }, target: env('Q'), service_env: { db: 'Q2' } });
      }),
    ).toEqual([
      ['SECRET_SERVICE_ENV_UNKNOWN', '/secrets/0/service_env/api', 'secret "jwt_secret" names service "api" in service_env, but that service does not read it', readsNot],
      ['SECRET_SERVICE_ENV_UNKNOWN', '/secrets/0/service_env/ui', 'secret "jwt_secret" names service "ui" in service_env, but that service does not read it', readsNot],
      ['SECRET_SERVICE_ENV_UNKNOWN', '/secrets/2/service_env/db', 'secret "#2" names service "db" in service_env, but that service does not read it', readsNot],
      ['SECRET_UNUSED', '/secrets/0', 'secret "jwt_secret" is used by no service', 'list it in the secrets of the services that need it, or remove it'],
    ]);
  });

  it('cloud: images, ports, volumes, replicas, ingress routes; a service without an id is "#i", a volume without a name its index', () => {
    expect(cloud((m) => ((m.services[1].image = undefined), delete m.services[1].id)).at(-1)).toEqual(['CLOUD_IMAGE_MISSING', '/services/1', 'cloud service "#1" has neither image nor build', 'name a container image (postgres:16-alpine) or a build context']);
    const shared = 'use one replica, a shared-access volume, or per-replica volumes';
    expect(
      cloud((m) => {
        m.services[1].ports[0].container_port = 0;
        m.services[1].volumes.push({ name: 'data', mount_path: 'rel/dir', size: '1Gi' }, { mount_path: '/x', persistent: true, size: '1Gi' });
        m.services[1].replicas = 3;
      }),
    ).toEqual([
      ['PORT_INVALID', '/services/1/ports/0/container_port', 'container port 0 of service "postgres" is outside 1-65535', 'use a port between 1 and 65535'],
      ['VOLUME_NAME_DUPLICATE', '/services/1/volumes/1/name', 'service "postgres" declares volume "data" twice', 'give each volume its own name'],
      ['VOLUME_PATH_NOT_ABSOLUTE', '/services/1/volumes/1/mount_path', 'mount path "rel/dir" of service "postgres" is not absolute', 'mount paths are container paths such as /var/lib/postgresql/data'],
      ['VOLUME_SHARED_BY_REPLICAS', '/services/1/volumes/0', 'persistent volume "data" of service "postgres" is mounted by 3 replicas', shared],
      ['VOLUME_SHARED_BY_REPLICAS', '/services/1/volumes/2', 'persistent volume "2" of service "postgres" is mounted by 3 replicas', shared],
    ]);
    // Parts the schema requires that are missing are the schema's findings alone: two volumes without
    // names are no duplicate, a route without a service targets no "undefined", a remote service without a url is no bad url.
    expect(cloud((m) => m.services[1].volumes.push({ mount_path: '/a', size: '1Gi' }, { mount_path: '/b', size: '1Gi' }))).toEqual([]);
    expect(cloud((m) => m.ingress.routes.push({ path: '/x', port_name: 'http' }))).toEqual([]);
    expect(mobile((m) => m.remote_services.push({ id: 'x', health_path: '/h', required: true, provides: 'x' }))).toEqual([]);
    expect(cloud((m) => (m.services[1].ports.push({ name: 'admin', container_port: 6432 }), m.ingress.routes.push({ path: '/y', service: 'postgres', port_name: 'http' }))).map(([, , , hint]) => hint)).toEqual(['declared ports: sql, admin']);
    // A port without a name is the schema's finding; it is no name in a hint.
    expect(cloud((m) => (m.services[1].ports.push({ container_port: 6432 }), m.ingress.routes.push({ path: '/y', service: 'postgres', port_name: 'http' }))).map(([, , , hint]) => hint)).toEqual(['declared ports: sql']);
    expect(cloud((m) => m.ingress.routes.push({ path: '/x', service: 'nope', port_name: 'http' }, { path: '/y', service: 'postgres', port_name: 'http' }))).toEqual([
      ['INGRESS_SERVICE_UNKNOWN', '/ingress/routes/1/service', 'ingress route targets unknown service "nope"', 'services: api, postgres'],
      ['PORT_NAME_UNKNOWN', '/ingress/routes/2/port_name', 'port_name "http" is not a port of service "postgres"', 'declared ports: sql'],
    ]);
  });

  it('mobile: invalid and insecure remote urls; a remote service without an id is "#i"', () => {
    const service = { health_path: '/h', required: true, provides: 'x' };
    expect(mobile((m) => m.remote_services.push({ url: 'nope', ...service }, { id: 'b', url: 'http://api.example.com', ...service }, { id: 'c', url: 'file:///x', ...service }))).toEqual([
      ['REMOTE_URL_INVALID', '/remote_services/1/url', 'url "nope" of remote service "#1" is not an absolute http(s) URL', 'write the full base URL, e.g. https://api.example.com'],
      ['REMOTE_URL_INVALID', '/remote_services/3/url', 'url "file:///x" of remote service "c" is not an absolute http(s) URL', 'write the full base URL, e.g. https://api.example.com'],
      ['REMOTE_URL_INSECURE', '/remote_services/2/url', 'remote service "b" is reached over plain http', 'use https; mobile platforms block cleartext traffic by default'],
    ]);
  });

  it('placeholders: malformed, unknown service near and far, a service without its port, statics named only for a bare name', () => {
    const malformed = (v: string) => ['PLACEHOLDER_MALFORMED', `/services/0/env/${v === '${}' ? 'A' : v === '${ }' ? 'H' : 'B'}`, `"${v}" has an empty or unterminated placeholder`, 'write placeholders as ${service.port}'];
    expect(
      desktop((m) => Object.assign(m.services[0].env, { A: '${}', B: 'x${api.http', C: '${apii.http}', E: '${zzzz.http}', F: '${api}', G: '${api.https}', H: '${ }', I: '${apii}' })),
    ).toEqual([
      malformed('${}'),
      malformed('x${api.http'),
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/C', 'placeholder ${apii.http} resolves to nothing', 'no service "apii"; did you mean ${api.http}?'],
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/E', 'placeholder ${zzzz.http} resolves to nothing', 'services: api, db, ui'],
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/F', 'placeholder ${api} resolves to nothing', 'ports of "api": http; statics: ${data}, ${bundle}'],
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/G', 'placeholder ${api.https} resolves to nothing', 'ports of "api": http'],
      malformed('${ }'),
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/I', 'placeholder ${apii} resolves to nothing', 'no service "apii"; did you mean ${api.<port>}?; statics: ${data}, ${bundle}'],
    ]);
    expect(desktop((m) => ((m.services[2].ports.requested = []), (m.services[0].env.B = '${zzzz}'))).slice(2)).toEqual([
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/B', 'placeholder ${zzzz} resolves to nothing', 'services: api, db, ui; statics: ${data}, ${bundle}'],
      ['PLACEHOLDER_UNRESOLVED', '/services/1/env/DB_PORT', 'placeholder ${db.sql} resolves to nothing', 'service "db" declares no ports'],
    ]);
    // Cloud has no statics, so a bare name gets no statics list.
    expect(cloud((m) => Object.assign(m.services[0].env, { A: '${zzzz}', B: '${postgres}' }))).toEqual([
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/A', 'placeholder ${zzzz} resolves to nothing', 'services: api, postgres'],
      ['PLACEHOLDER_UNRESOLVED', '/services/0/env/B', 'placeholder ${postgres} resolves to nothing', 'ports of "postgres": sql'],
    ]);
  });

  it('health and readiness: what each kind needs; a service without an id is "#i"', () => {
    expect(
      desktop((m) => {
        m.services[0].readiness = { type: 'log_match', pattern: '' };
        m.services[1].health = { type: 'command', command: [] };
        delete m.services[2].health.port_name;
        delete m.services[2].readiness.port_name;
        m.services[2].id = undefined;
        m.services[1].dependencies = [];
        m.services[1].env = {};
      }),
    ).toEqual([
      ['READINESS_PATTERN_REQUIRED', '/services/0/readiness', 'service "ui" has log_match readiness without a pattern', 'give the log line pattern that means ready'],
      ['HEALTH_COMMAND_REQUIRED', '/services/1/health', 'service "api" has command health without a command', 'give the command and its arguments'],
      ['HEALTH_PORT_REQUIRED', '/services/2/health', 'service "#2" has tcp health without port_name', 'name the port to probe'],
      ['READINESS_PORT_REQUIRED', '/services/2/readiness', 'service "#2" has port_open readiness without port_name', 'name the port that must accept connections'],
    ]);
    expect(desktop((m) => delete m.services[0].health.port_name)).toEqual([['HEALTH_PORT_REQUIRED', '/services/0/health', 'service "ui" has http health without port_name', 'name the port to probe']]);
    expect(desktop((m) => ((m.services[0].readiness = { type: 'log_match', pattern: '^ready on \\d+$' }), (m.services[1].health = { type: 'command', command: ['./api', 'check'] })))).toEqual([]);
    expect(desktop((m) => ((m.services[0].readiness = { type: 'log_match', pattern: '[' }), (m.services[1].health = { type: 'command' })))).toEqual([
      ['READINESS_PATTERN_INVALID', '/services/0/readiness/pattern', 'readiness pattern of service "ui" is not a valid regular expression', 'fix the pattern'],
      ['HEALTH_COMMAND_REQUIRED', '/services/1/health', 'service "api" has command health without a command', 'give the command and its arguments'],
    ]);
  });

  it('paths: why each escapes - absolute, drive letter, home, climbing - with ${data}/${bundle} roots dropped and backslashes as separators', () => {
    const escapes = (i: number, value: string, why: string) => ['PATH_ESCAPES_ROOT', `/services/1/data_dirs/${i}`, `path "${value}" ${why}`, 'use a path relative to the bundle root without climbing out of it'];
    // A root is dropped only at the start, a drive letter counts only at the start, and "." and empty segments climb nowhere.
    expect(desktop((m) => (m.services[1].data_dirs = ['a${data}/../../b', 'logs/c:x', './../x', 'a//../../x', 'a/./../..']))).toEqual([
      escapes(0, 'a${data}/../../b', 'climbs above its root with ..'),
      escapes(2, './../x', 'climbs above its root with ..'),
      escapes(3, 'a//../../x', 'climbs above its root with ..'),
      escapes(4, 'a/./../..', 'climbs above its root with ..'),
    ]);
    expect(desktop((m) => (m.services[1].data_dirs = ['/abs', 'C:x', '~/h', 'a/../../b', '${data}/ok', '${bundle}', '${data}/../x', 'a\\..\\..\\b', './.', '${other}/x']))).toEqual([
      escapes(0, '/abs', 'is absolute'),
      escapes(1, 'C:x', 'has a drive letter'),
      escapes(2, '~/h', 'starts at a home directory'),
      escapes(3, 'a/../../b', 'climbs above its root with ..'),
      escapes(6, '${data}/../x', 'climbs above its root with ..'),
      escapes(7, 'a\\..\\..\\b', 'climbs above its root with ..'),
    ]);
  });
});
