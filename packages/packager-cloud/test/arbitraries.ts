import { fc } from '@fast-check/vitest';
import type { CloudManifest, CloudService, ManifestSecret } from '@deployment-manager/bundle';

const word = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{2,10}$/);
// Strings that trip careless writers: YAML 1.1 booleans and octals, sexagesimal, Compose and
// Kubernetes interpolation, Helm actions, quotes, colons, unicode.
const tricky = fc.constantFrom('on', 'yes', 'off', '0777', '22:22', '1e3', '~', 'null', '$HOME', 'costs $5', '$(SECRET)', '{{ .Values.x }}', '}}', "it's", 'a: b', '# not a comment', 'ünïcode', '', ' lead', '-dash', '[1]', '*star');
// A bare `${` is a malformed placeholder the manifest validator rightly refuses, so free text leaves it out.
const text = fc.oneof(tricky, fc.string({ maxLength: 12 }).filter((s) => !s.includes('${')));

const GENERATORS = [
  { type: 'random', length: 32, charset: 'alnum' },
  { type: 'random', length: 40, charset: 'base64url' },
  { type: 'random', length: 24, charset: 'lower' },
  { type: 'random', length: 30, charset: { alphabet: 'abc!@#$%^&*()[]{}-_\\\'"' } },
  { type: 'password', length: 24 },
  { type: 'uuid' },
  { type: 'hex', bytes: 32 },
  { type: 'base64', bytes: 24 },
  { type: 'base64', bytes: 24, url: true },
  { type: 'keypair', algorithm: 'ed25519' },
] as const;

const healthArb = fc.oneof(
  fc.constant(undefined),
  fc.record(
    { type: fc.constant('http' as const), path: fc.constantFrom('/health', '/ready?x=1&y=$2'), interval_ms: fc.constantFrom(500, 5000, 15_000), timeout_ms: fc.constantFrom(1500, 2000), retries: fc.nat(5) },
    { requiredKeys: ['type', 'path'] },
  ),
  fc.constant({ type: 'tcp' as const }),
  fc.record({ type: fc.constant('command' as const), command: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.constant({ type: 'log_match' as const }),
);
const readinessArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ type: fc.constantFrom('health_success' as const, 'port_open' as const, 'log_match' as const, 'dependencies_ready' as const), timeout_ms: fc.constantFrom(10_000, 61_000) }, { requiredKeys: ['type'] }),
);

/**
 * Valid cloud manifests: 1-4 services (images or builds), each depending
 * only on later ones, with ports, every health and readiness kind, volumes
 * (persistent services have one replica), compute requests and GPUs, env
 * values and args full of YAML, `$` and `{{` traps plus `${service.port}`
 * placeholders; secrets of every bundleable class and many generators,
 * delivered as env or files and used by some service; an optional ingress.
 */
export const cloudManifestArb: fc.Arbitrary<CloudManifest> = fc
  .record({
    app: word,
    version: fc.tuple(fc.nat(9), fc.nat(20), fc.nat(9)).map(([a, b, c]) => `${a}.${b}.${c}`),
    tier: fc.constantFrom('saas' as const, 'enterprise' as const),
    ids: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
    services: fc.array(
      fc.record({
        build: fc.boolean(),
        udp: fc.boolean(),
        env: fc.dictionary(envName, text, { maxKeys: 3 }),
        args: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
        health: healthArb,
        readiness: readinessArb,
        deps: fc.array(fc.nat(3), { maxLength: 2 }),
        volumes: fc.uniqueArray(fc.record({ name: fc.constantFrom('data', 'cache', 'work'), persistent: fc.boolean(), size: fc.option(fc.constantFrom('1Gi', '500Mi'), { nil: undefined }) }), { maxLength: 2, selector: (v) => v.name }),
        replicas: fc.option(fc.nat(3), { nil: undefined }),
        cpu: fc.option(fc.constantFrom('250m', '2'), { nil: undefined }),
        memory: fc.option(fc.constantFrom('256Mi', '1G'), { nil: undefined }),
        gpu: fc.option(fc.nat(2), { nil: undefined }),
        critical: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { minLength: 4, maxLength: 4 },
    ),
    secrets: fc.uniqueArray(
      fc.record({ id: word, env: envName, cls: fc.constantFrom('per_install_generated', 'user_prompt', 'remote_fetch'), file: fc.boolean(), gen: fc.nat(GENERATORS.length - 1), user: fc.nat(3), required: fc.option(fc.boolean(), { nil: undefined }) }),
      { maxLength: 5, selector: (s) => s.id },
    ),
    ingress: fc.option(fc.record({ host: fc.constantFrom('app.example.com', 'x.test'), tls: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
  })
  .map(({ app, version, tier, ids, services: shapes, secrets: raw, ingress }) => {
    const envs = new Set<string>();
    const secrets: ManifestSecret[] = raw
      .filter((s) => (envs.has(s.env) ? false : (envs.add(s.env), true)))
      .map((s) => {
        const gen = GENERATORS[s.gen] ?? GENERATORS[0];
        const file = s.file || gen.type === 'keypair';
        return {
          id: `s_${s.id}`,
          class: s.cls as ManifestSecret['class'],
          ...(s.cls === 'per_install_generated' ? { generator: gen as unknown as Record<string, unknown> } : {}),
          ...(s.cls === 'user_prompt' ? { prompt: { label: `${s.id} value {{ x }} "q"`, description: 'enter it' }, format: '^\\S+$' } : {}),
          ...(s.cls === 'remote_fetch' && s.user > 1 ? { logical_id: `vault/${s.id}`, field: 'value' } : {}),
          ...(s.required === undefined ? {} : { required: s.required }),
          target: file ? { type: 'file' as const, name: `keys/${s.id}.pem` } : { type: 'env' as const, name: s.env },
        };
      });
    const services: CloudService[] = ids.map((id, i) => {
      const shape = shapes[i] ?? shapes[0]!;
      const ports = [{ name: 'http', container_port: 8000 + i }, ...(shape.udp ? [{ name: 'metrics', container_port: 9000 + i, protocol: 'udp' as const }] : [])];
      const later = ids.slice(i + 1);
      const deps = [...new Set(shape.deps.map((d) => later[d % Math.max(1, later.length)]).filter((d): d is string => d !== undefined))];
      const persistent = shape.volumes.some((v) => v.persistent);
      const env = { ...shape.env, ...(later[0] === undefined ? {} : { NEXT_URL: `http://${later[0]}:\${${later[0]}.http}/x` }) };
      const health = shape.health === undefined ? undefined : shape.health.type === 'http' || shape.health.type === 'tcp' ? { ...shape.health, port_name: 'http' } : shape.health.type === 'log_match' ? { type: 'log_match' as const } : shape.health;
      const readiness = shape.readiness === undefined ? undefined : { ...shape.readiness, ...(shape.readiness.type === 'port_open' ? { port_name: 'http' } : {}), ...(shape.readiness.type === 'log_match' ? { pattern: 'ready \\d+' } : {}) };
      const own = secrets.filter((_, k) => raw[k] !== undefined && (raw[k]?.user ?? 0) % ids.length === i % Math.max(1, raw.length) % ids.length).map((s) => s.id);
      return {
        id,
        kind: i === 0 ? ('app' as const) : ('resource' as const),
        ...(shape.build ? { build: { context: `src/${id}`, args: { VERSION: version } } } : { image: `example/${id}:1` }),
        ...(shape.args === undefined ? {} : { args: [...shape.args, `--port=\${${id}.http}`] }),
        env,
        ...(own.length === 0 ? {} : { secrets: own }),
        ports,
        ...(health === undefined ? {} : { health }),
        ...(readiness === undefined ? {} : { readiness }),
        ...(deps.length === 0 ? {} : { dependencies: deps }),
        ...(shape.volumes.length === 0 ? {} : { volumes: shape.volumes.map((v) => ({ name: v.name, mount_path: `/var/${v.name}`, persistent: v.persistent, ...(v.size === undefined ? {} : { size: v.size }) })) }),
        ...(persistent ? { replicas: 1 } : shape.replicas === undefined ? {} : { replicas: shape.replicas }),
        ...(shape.cpu === undefined && shape.memory === undefined && shape.gpu === undefined
          ? {}
          : { resources: { ...(shape.cpu === undefined ? {} : { cpu: shape.cpu }), ...(shape.memory === undefined ? {} : { memory: shape.memory }), ...(shape.gpu === undefined ? {} : { gpu: shape.gpu }) } }),
        ...(shape.critical === undefined ? {} : { critical: shape.critical }),
      };
    });
    // Every secret is used: the ones no service took go to the first service.
    const used = new Set(services.flatMap((s) => s.secrets ?? []));
    const rest = secrets.map((s) => s.id).filter((id) => !used.has(id));
    const first = services[0];
    if (first !== undefined && rest.length > 0) services[0] = { ...first, secrets: [...(first.secrets ?? []), ...rest] };
    return {
      schema_version: 'v0.1' as const,
      target: 'cloud' as const,
      tier,
      app: { name: app, version },
      ...(secrets.length === 0 ? {} : { secrets }),
      services,
      ...(ingress === undefined ? {} : { ingress: { ...ingress, routes: [{ path: '/', service: ids[0] ?? '', port_name: 'http' }, ...(ids[1] === undefined ? [] : [{ path: '/api', service: ids[1], port_name: 'http' }])] } }),
    } as CloudManifest;
  });

/** The names a careless packager could read secret values from: env targets and prompt variables. */
export function secretVariables(m: CloudManifest): string[] {
  return (m.secrets ?? []).map((s) => (s.target.type === 'env' ? s.target.name : `SECRET_${s.id.toUpperCase()}`));
}
