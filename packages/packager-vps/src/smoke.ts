import type { CloudManifest, CloudService } from '@deployment-manager/bundle';
import { dnsName, hostLayout } from './host-layout.ts';
import { inlineText, shellDefault, shellQuote, shellVar } from '@deployment-manager/core';

/** One smoke check, derived from a service's health and readiness definitions or from an ingress route. */
export interface SmokeCheck {
  /** Unique name (`api.health`, `postgres.ready`, `ingress:/api`). */
  readonly name: string;
  /** The service probed (for `ingress` checks, the route's service). */
  readonly service: string;
  /** `http` GET, `tcp` connect, or `ingress` (an HTTP GET through the public URL). */
  readonly kind: 'http' | 'tcp' | 'ingress';
  /** Container port probed. */
  readonly port: number;
  /** HTTP path (kinds `http` and `ingress`). */
  readonly path?: string;
  /** Per-check timeout. */
  readonly timeoutMs: number;
  /** Statuses counted as passing: `[low, high)`. */
  readonly expect: readonly [number, number];
  /** Whether a failure fails the deployment. */
  readonly critical: boolean;
}

const DEFAULT_TIMEOUT_MS = 5000;

function portOf(s: CloudService, name: string | undefined): number | undefined {
  return (s.ports ?? []).find((p) => p.name === name)?.container_port;
}

/**
 * The smoke checks of a manifest: an `http` check per HTTP health
 * definition, a `tcp` check per TCP health or `port_open` readiness (once
 * per port), and an `ingress` check per public route. Command and log-match
 * checks cannot be probed from outside and are left out. Pure; sorted by name.
 *
 * @example
 * ```ts
 * deriveSmokeChecks(manifest).map((c) => c.name) // ['api.health', 'ingress:/', 'ingress:/api', 'postgres.ready', ...]
 * ```
 */
export function deriveSmokeChecks(manifest: CloudManifest): SmokeCheck[] {
  const out: SmokeCheck[] = [];
  for (const s of manifest.services) {
    const critical = s.critical ?? true;
    const h = s.health;
    const timeoutMs = h?.timeout_ms ?? DEFAULT_TIMEOUT_MS;
    const probed = new Set<number>();
    const hp = portOf(s, h?.port_name);
    if (h?.type === 'http' && hp !== undefined) {
      out.push({ name: `${s.id}.health`, service: s.id, kind: 'http', port: hp, path: h.path ?? '/', timeoutMs, expect: [200, 400], critical });
    } else if (h?.type === 'tcp' && hp !== undefined) {
      probed.add(hp);
      out.push({ name: `${s.id}.health`, service: s.id, kind: 'tcp', port: hp, timeoutMs, expect: [0, 0], critical });
    }
    const rp = portOf(s, s.readiness?.port_name);
    if (s.readiness?.type === 'port_open' && rp !== undefined && !probed.has(rp)) {
      out.push({ name: `${s.id}.ready`, service: s.id, kind: 'tcp', port: rp, timeoutMs: s.readiness.timeout_ms ?? DEFAULT_TIMEOUT_MS, expect: [0, 0], critical });
    }
  }
  for (const r of manifest.ingress?.routes ?? []) {
    const s = manifest.services.find((x) => x.id === r.service);
    const port = s === undefined ? undefined : portOf(s, r.port_name);
    if (port === undefined) continue;
    // Any answer below 500 shows the route reaches a live service (a 404 at a prefix is fine).
    out.push({ name: `ingress:${r.path}`, service: r.service, kind: 'ingress', port, path: r.path, timeoutMs: DEFAULT_TIMEOUT_MS, expect: [200, 500], critical: s?.critical ?? true });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const CURL_IMAGE = 'curlimages/curl:8.11.1';
const NC_IMAGE = 'busybox:1.36';

/** Where the services run, so the script knows how to reach them from inside. */
export type SmokeRuntime = 'compose' | 'kubernetes';

function probePrelude(manifest: CloudManifest, runtime: SmokeRuntime, environment: string): string[] {
  if (runtime === 'kubernetes') {
    return [
      shellDefault('NAMESPACE', dnsName(`${manifest.app.name}-${environment}`)),
      '# Probes run in a throwaway pod inside the namespace (service DNS names resolve there).',
      `net_curl() { kubectl run "smoke-$$-$RANDOM" -n "$NAMESPACE" --rm -i --quiet --restart=Never --image=${CURL_IMAGE} --command -- curl "$@"; }`,
      `net_tcp() { kubectl run "smoke-$$-$RANDOM" -n "$NAMESPACE" --rm -i --quiet --restart=Never --image=${NC_IMAGE} --command -- nc -z -w "$3" "$1" "$2"; }`,
    ];
  }
  const layout = hostLayout(manifest, environment);
  return [
    shellDefault('NETWORK', `${layout.project}_default`),
    '# Probes run in a throwaway container on the compose network (service names resolve there).',
    `net_curl() { docker run --rm --network "$NETWORK" ${CURL_IMAGE} "$@"; }`,
    `net_tcp() { docker run --rm --network "$NETWORK" ${NC_IMAGE} nc -z -w "$3" "$1" "$2"; }`,
  ];
}

/**
 * Renders a runnable bash smoke-test script for services on a compose host or a Kubernetes cluster. Each check probes
 * `SMOKE_URL_<SERVICE>` (e.g. `SMOKE_URL_API=http://127.0.0.1:8080`) with the
 * local curl when that variable is set, and otherwise the service by its
 * in-cluster name through a throwaway curl container (compose network) or
 * pod (Kubernetes). Ingress checks use `SMOKE_PUBLIC_URL`. Prints one line
 * per check and `N passed, M failed`; exits 1 when a critical check fails.
 *
 * @example
 * ```ts
 * writeFileSync('smoke.sh', renderSmokeScript(manifest, deriveSmokeChecks(manifest), 'compose', 'production'), { mode: 0o755 });
 * ```
 */
export function renderSmokeScript(manifest: CloudManifest, checks: readonly SmokeCheck[], runtime: SmokeRuntime, environment: string): string {
  const publicDefault = manifest.ingress?.host === undefined ? 'http://127.0.0.1' : `${manifest.ingress.tls === true ? 'https' : 'http'}://${manifest.ingress.host}`;
  const lines = [
    '#!/usr/bin/env bash',
    `# Smoke checks for ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)}, environment ${inlineText(environment)}, on ${runtime} (rendered by deployment-manager).`,
    '# Set SMOKE_URL_<SERVICE> to probe a service directly, SMOKE_PUBLIC_URL for the public routes.',
    'set -uo pipefail',
    ...probePrelude(manifest, runtime, environment),
    'PUBLIC_URL="${SMOKE_PUBLIC_URL:-}"',
    shellDefault('PUBLIC_URL', publicDefault),
    'passed=0; failed=0; critical_failed=0',
    'report() { # name ok critical detail',
    '  if [ "$2" = 1 ]; then passed=$((passed + 1)); echo "ok   $1 $4"; else failed=$((failed + 1)); echo "FAIL $1 $4"; [ "$3" = 1 ] && critical_failed=$((critical_failed + 1)); fi',
    '}',
    'http_code() { # direct url timeout',
    '  local code',
    '  if [ "$1" = 1 ]; then code=$(curl -s -o /dev/null -w "%{http_code}" --max-time "$3" "$2" 2>/dev/null); else code=$(net_curl -s -o /dev/null -w "%{http_code}" --max-time "$3" "$2" 2>/dev/null); fi',
    '  echo "${code:-000}"',
    '}',
    'check_http() { # name base path timeout low high critical',
    '  local direct=1 base="$2"',
    '  case "$base" in internal:*) direct=0; base="${base#internal:}";; esac',
    '  local code; code=$(http_code "$direct" "$base$3" "$4")',
    '  if [ "$code" -ge "$5" ] && [ "$code" -lt "$6" ]; then report "$1" 1 "$7" "(HTTP $code)"; else report "$1" 0 "$7" "(HTTP $code from $base$3)"; fi',
    '}',
    'check_tcp() { # name base timeout critical',
    '  local direct=1 base="$2"',
    '  case "$base" in internal:*) direct=0; base="${base#internal:}";; esac',
    '  local hostport="${base#*://}"; hostport="${hostport%%/*}"',
    '  local open=0',
    '  if [ "$direct" = 1 ]; then',
    '    timeout "$3" bash -c "exec 3<>/dev/tcp/${hostport%:*}/${hostport##*:}" 2>/dev/null && open=1',
    '  else',
    '    net_tcp "${hostport%:*}" "${hostport##*:}" "$3" >/dev/null 2>&1 && open=1',
    '  fi',
    '  if [ "$open" = 1 ]; then report "$1" 1 "$4" "(tcp $hostport open)"; else report "$1" 0 "$4" "(tcp $hostport closed)"; fi',
    '}',
  ];
  const services = [...new Set(checks.map((c) => c.service))].sort();
  for (const id of services) {
    const port = checks.find((c) => c.service === id && c.kind !== 'ingress')?.port ?? checks.find((c) => c.service === id)?.port ?? 80;
    // BASE_<n> by position: two ids can share a SMOKE_URL_ spelling, never a base.
    const base = `BASE_${services.indexOf(id)}`;
    lines.push(`${base}="\${SMOKE_URL_${shellVar(id)}:-}"`, shellDefault(base, `internal:http://${id}:${port}`));
  }
  for (const c of checks) {
    const t = String(Math.max(1, Math.ceil(c.timeoutMs / 1000)));
    const crit = c.critical ? '1' : '0';
    if (c.kind === 'tcp') lines.push(`check_tcp ${shellQuote(c.name)} "$BASE_${services.indexOf(c.service)}" ${t} ${crit}`);
    else if (c.kind === 'http') lines.push(`check_http ${shellQuote(c.name)} "$BASE_${services.indexOf(c.service)}" ${shellQuote(c.path ?? '/')} ${t} ${c.expect[0]} ${c.expect[1]} ${crit}`);
    else lines.push(`check_http ${shellQuote(c.name)} "$PUBLIC_URL" ${shellQuote(c.path ?? '/')} ${t} ${c.expect[0]} ${c.expect[1]} ${crit}`);
  }
  lines.push('echo "$passed passed, $failed failed"', '[ "$critical_failed" -eq 0 ]', '');
  return lines.join('\n');
}
