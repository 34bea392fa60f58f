import { describe, expect, it } from 'vitest';
import { cloudManifest, desktopManifest, mobileManifest } from '../test/manifests.ts';
import { MANIFEST_DIAGNOSTIC_CODES } from './diagnostic-codes.ts';
import { validateManifest } from './validate-manifest.ts';
import { isLoopbackHost } from './check-desktop.ts';
import { pathEscape } from './check-paths.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const all = (value: unknown) => {
  const r = validateManifest(value);
  return [...(r.ok ? [] : r.issues), ...r.warnings];
};
const codes = (value: unknown): string[] => all(value).map((d) => d.code);
const withDesktop = (edit: (m: Json) => void): Json => {
  const m: Json = structuredClone(desktopManifest());
  edit(m);
  return m;
};

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
    const on = (base: () => Json) => (edit: (m: Json) => void) => {
      const m: Json = structuredClone(base());
      edit(m);
      return all(m);
    };
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
    const at = (edit: (m: Json) => void) => {
      const m: Json = structuredClone(cloudManifest());
      edit(m);
      return codes(m);
    };
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
    const at = (edit: (m: Json) => void) => {
      const m: Json = structuredClone(mobileManifest());
      edit(m);
      return codes(m);
    };
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
    for (const v of [{ target: 'desktop' }, { target: 'desktop', services: [null, 1, 'x', { id: 3 }] }, { target: 'cloud', services: {} }, { target: 'mobile', remote_services: [{ url: 5 }], config: [] }]) {
      expect(() => validateManifest(v)).not.toThrow();
      expect(validateManifest(v).ok).toBe(false);
    }
  });
});

describe('semantic checks, edge cases', () => {
  const at = (base: () => Json) => (edit: (m: Json) => void): ReturnType<typeof all> => {
    const m: Json = structuredClone(base());
    edit(m);
    return all(m);
  };
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
    expect(hintOf('${datum}')).toBe('services: api, db, ui; statics: ${data}, ${bundle}');
    expect(hintOf('${api}')).toBe('ports of "api": http; statics: ${data}, ${bundle}');
    expect(desktop((m) => (m.services[0].env.X = '${ }')).map((d) => d.code)).toEqual(['PLACEHOLDER_MALFORMED']);
    expect(desktop((m) => (m.services[0].env.X = '${a.b.c}')).find((d) => d.code === 'PLACEHOLDER_UNRESOLVED')?.hint).toContain('"a.b"');
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
    expect(codesOf(cloud((m) => (m.services[1].replicas = 1)))).toEqual([]);
    // A route without a port name is the schema's finding alone, not also an unknown port.
    expect(codesOf(cloud((m) => delete m.ingress.routes[0].port_name))).toEqual(['SCHEMA_REQUIRED']);
    expect(cloud((m) => ((m.ingress.routes[0].port_name = 'http'), (m.ingress.routes[0].service = 'postgres'), (m.services[1].ports = []))).find((d) => d.path === '/ingress/routes/0/port_name')?.hint).toBe('declared ports: none');
  });

  it('accepts plain http to a loopback remote service only', () => {
    expect(codesOf(mobile((m) => (m.remote_services[0].url = 'http://localhost:3000')))).toEqual([]);
    expect(codesOf(mobile((m) => (m.remote_services[0].url = 'http://[::1]:3000')))).toEqual([]);
    expect(codesOf(mobile((m) => (m.remote_services[0].url = 'ws://api.example.com')))).toEqual(['REMOTE_URL_INVALID']);
  });
});
