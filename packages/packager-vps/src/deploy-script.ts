import type { CloudManifest, ManifestSecret } from '@deployment-manager/bundle';
import type { GeneratorSpec } from '@deployment-manager/secrets';
import { envFileOf } from '@deployment-manager/packager-cloud';
import { generatorCommand } from './generator-commands.ts';
import { composeArgs, secretFileKey, type HostLayout } from './host-layout.ts';
import { inlineText, shellDefault, shellPrint, shellQuote, shellVar } from '@deployment-manager/core';

/** Inputs of {@link renderDeployScript}. */
export interface DeployScriptInput {
  /** The environment-applied manifest. */
  readonly manifest: CloudManifest;
  /** Environment name. */
  readonly environment: string;
  /** Host layout. */
  readonly layout: HostLayout;
  /** Default strategy (`recreate` or `rolling`; the others are not possible on one host). */
  readonly strategy: 'recreate' | 'rolling';
  /** Default local secrets file the operator keeps (`.env.<env>`). */
  readonly secretsFile: string;
  /** How DEPLOY_HOST is found when unset (e.g. a terraform output command), or undefined to require it. */
  readonly hostCommand?: string;
}

/** App services in dependency order (dependencies first), ties by id. */
function appOrder(manifest: CloudManifest): string[] {
  const apps = manifest.services.filter((s) => s.kind === 'app');
  const ids = new Set(apps.map((s) => s.id));
  const done: string[] = [];
  const visit = (id: string, seen: Set<string>): void => {
    if (done.includes(id) || seen.has(id)) return;
    seen.add(id);
    const s = apps.find((x) => x.id === id);
    for (const d of [...(s?.dependencies ?? [])].sort()) if (ids.has(d)) visit(d, seen);
    done.push(id);
  };
  for (const id of [...ids].sort()) visit(id, new Set());
  return done;
}

const secretLine = (s: ManifestSecret): string => {
  const key = secretFileKey(s.id);
  const file = s.target.type === 'file' ? `secrets/${key}` : `secrets/${key}.env`;
  return `${shellQuote(file)} ${shellQuote(s.target.type === 'env' ? s.target.name : '')}`;
};

/** The copies of an env-target secret some services read under a name of their own (`service_env`): `alias_env <file> <copy> <NAME>` lines. */
const aliasLines = (s: ManifestSecret): string[] => {
  if (s.target.type !== 'env') return [];
  const source = `secrets/${secretFileKey(s.id)}.env`;
  const copies = new Map(Object.keys(s.service_env ?? {}).sort().map((service) => {
    const { file, name } = envFileOf(s, service);
    return [file, name] as const;
  }));
  return [...copies].map(([file, name]) => `alias_env ${shellQuote(source)} ${shellQuote(file)} ${shellQuote(name)}`);
};

/**
 * The name a supplied secret is looked up by in the operator's env file: its
 * env target name, or for a file target the upper-cased id (`tls.cert` ->
 * `TLS_CERT`).
 */
export function suppliedSecretName(s: ManifestSecret): string {
  return s.target.type === 'env' ? s.target.name : shellVar(s.id);
}

/**
 * Renders `deploy.sh` for a compose host (`do`, `aws`, `vps`): copies the
 * environment's complete Compose file, Caddyfile, smoke script and systemd
 * unit to the host;
 * uploads the operator's secrets (read by name from a local env file and
 * streamed over ssh - never stored in any artifact) and generates the
 * per-install ones on the host on first deploy (and the copies services
 * read under names of their own); installs the unit; pulls the images; rolls
 * out with `recreate` or an emulated `rolling` update; then runs the smoke
 * checks. Pure: the text depends only on the input.
 *
 * @example
 * ```ts
 * writeFileSync('deploy.sh', renderDeployScript({ manifest, environment: 'production', layout, strategy: 'rolling', secretsFile: '.env.production' }), { mode: 0o755 });
 * ```
 */
export function renderDeployScript(input: DeployScriptInput): string {
  const { manifest, environment, layout } = input;
  const secrets = manifest.secrets ?? [];
  const supplied = secrets.filter((s) => s.class === 'user_prompt' || s.class === 'remote_fetch');
  const generated = secrets.filter((s) => s.class === 'per_install_generated');
  const resources = manifest.services.filter((s) => s.kind === 'resource').map((s) => s.id).sort();
  const rolls = appOrder(manifest).map((id) => `roll ${shellQuote(id)} ${shellQuote(String(manifest.services.find((s) => s.id === id)?.replicas ?? 1))}`);
  const lines = [
    '#!/usr/bin/env bash',
    `# Deploys ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)} (environment ${inlineText(environment)}) to a compose host. Rendered by deployment-manager.`,
    '# usage: DEPLOY_HOST=user@host [SECRETS_FILE=<env file>] [STRATEGY=recreate|rolling] ./deploy.sh',
    '# Secret values are read by name from SECRETS_FILE and streamed over ssh; none is written into this script.',
    'set -euo pipefail',
    'HERE="$(cd "$(dirname "$0")" && pwd)"',
    input.hostCommand === undefined
      ? ': "${DEPLOY_HOST:?set DEPLOY_HOST to the ssh destination of the server (user@host)}"'
      : `DEPLOY_HOST="\${DEPLOY_HOST:-$(${input.hostCommand})}"`,
    shellDefault('SECRETS_FILE', input.secretsFile),
    shellDefault('STRATEGY', input.strategy),
    `DIR=${shellQuote(layout.dir)}`,
    'SSH=(ssh -o BatchMode=yes)',
    'case "$STRATEGY" in recreate|rolling) ;; *) echo "error: STRATEGY must be recreate or rolling on a single host" >&2; exit 2;; esac',
    '',
    'fail() { # stage reason fix',
    '  printf \'{"status":"error","stage":"%s","reason":"%s","fix_suggestion":"%s"}\\n\' "$1" "$2" "$3" >&2',
    '  exit 1',
    '}',
    'secret_value() { # NAME: the value of NAME in SECRETS_FILE, or a failure naming it',
    '  local line',
    '  line="$(grep -E "^$1=" "$SECRETS_FILE" 2>/dev/null | tail -n 1 || true)"',
    '  [ -n "${line#*=}" ] || fail env_setup "Missing ENV: $1" "add $1=<value> to $SECRETS_FILE (or export SECRETS_FILE=<path>) and run deploy.sh again"',
    '  printf \'%s\' "${line#*=}"',
    '}',
    '',
    'echo "== copying files to $DEPLOY_HOST:$DIR"',
    `"\${SSH[@]}" "$DEPLOY_HOST" ${shellQuote(`mkdir -p ${shellQuote(`${layout.dir}/${layout.secretsDir}`)} && chmod 700 ${shellQuote(`${layout.dir}/${layout.secretsDir}`)}`)}`,
    `rsync -az "$HERE"/${shellQuote(layout.composeFile)} "$HERE/Caddyfile" "$HERE/smoke.sh" "$HERE"/${shellQuote(layout.unit)} "$DEPLOY_HOST:$DIR/"`,
    '',
    shellPrint(`== secrets: ${supplied.length} supplied by the operator, ${generated.length} generated on the host`),
    'upload_secret() { # file NAME (empty NAME: raw file)',
    '  local value; value="$(secret_value "$3")"',
    '  { if [ -n "$2" ]; then printf \'%s=\' "$2"; fi; printf \'%s\\n\' "$value"; } | "${SSH[@]}" "$DEPLOY_HOST" "umask 077 && cat > $DIR/$1"',
    '}',
    ...supplied.map((s) => `upload_secret ${secretLine(s)} ${shellQuote(suppliedSecretName(s))}`),
    '',
    `"\${SSH[@]}" "$DEPLOY_HOST" bash -s -- "$DIR" "$STRATEGY" <<'REMOTE'`,
    'set -euo pipefail',
    'cd "$1"',
    'STRATEGY="$2"',
    'SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"',
    '# The one Compose file of the environment, by absolute path: its relative paths resolve in this directory.',
    `dc() { docker compose ${composeArgs(layout).map(shellQuote).join(' ')} "$@"; }`,
    'generate() { # file NAME command: made once, kept across deploys',
    '  [ -s "$1" ] && return 0',
    '  local v; v="$(bash -c "$3")"',
    '  umask 077',
    '  if [ -n "$2" ]; then printf \'%s=%s\\n\' "$2" "$v" > "$1"; else printf \'%s\' "$v" > "$1"; fi',
    '}',
    ...generated.map((s) => {
      const command = s.generator === undefined ? undefined : generatorCommand(s.generator as unknown as GeneratorSpec);
      return command === undefined
        ? `[ -s ${shellQuote(`secrets/${secretFileKey(s.id)}${s.target.type === 'env' ? '.env' : ''}`)} ] || { ${shellPrint('error: secret ', s.id, ' cannot be generated on the host; place it there by hand')} >&2; exit 1; }`
        : `generate ${secretLine(s)} ${shellQuote(command)}`;
    }),
    'alias_env() { # file copy NAME: the value of the first line of file, under NAME (rewritten every deploy)',
    '  [ -s "$1" ] || return 0',
    '  local line; IFS= read -r line < "$1" || true',
    '  (umask 077 && printf \'%s=%s\\n\' "$3" "${line#*=}" > "$2")',
    '}',
    ...secrets.flatMap(aliasLines),
    `$SUDO install -m 0644 ${shellQuote(layout.unit)} ${shellQuote(`/etc/systemd/system/${layout.unit}`)}`,
    '$SUDO systemctl daemon-reload',
    `$SUDO systemctl enable ${shellQuote(layout.unit)} >/dev/null`,
    'dc pull --quiet',
    'roll() { # service replicas: start new containers beside the old, wait until healthy, retire the old',
    '  local svc="$1" n="$2" old ready s c',
    '  old="$(dc ps -q "$svc" | tr "\\n" " ")"',
    '  dc up -d --no-deps --no-recreate --scale "$svc=$((n * 2))" "$svc"',
    '  for _ in $(seq 1 60); do',
    '    ready=1',
    '    for c in $(dc ps -q "$svc"); do',
    '      case " $old " in *" $c "*) continue;; esac',
    "      s=\"$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' \"$c\")\"",
    '      [ "$s" = healthy ] || [ "$s" = running ] || ready=0',
    '    done',
    '    [ "$ready" = 1 ] && break',
    '    sleep 5',
    '  done',
    '  [ "$ready" = 1 ] || { echo "error: new $svc containers did not become healthy; the old ones keep serving" >&2; exit 1; }',
    '  if [ -n "${old// /}" ]; then docker rm -f $old >/dev/null; fi',
    '  dc up -d --no-deps --no-recreate --scale "$svc=$n" "$svc"',
    '}',
    'if [ "$STRATEGY" = recreate ]; then',
    '  dc up -d --remove-orphans',
    'else',
    ...(resources.length > 0 ? [`  dc up -d --no-deps ${resources.map(shellQuote).join(' ')}`] : []),
    ...rolls.map((r) => `  ${r}`),
    `  dc up -d --no-deps ${shellQuote(layout.proxyService)}`,
    `  dc exec -T ${shellQuote(layout.proxyService)} caddy reload --config /etc/caddy/Caddyfile`,
    'fi',
    'REMOTE',
    '',
    'echo "== smoke checks"',
    '"${SSH[@]}" "$DEPLOY_HOST" "cd $DIR && bash smoke.sh" || fail verify "smoke checks failed on $DEPLOY_HOST" "inspect docker compose logs on the host; roll back by running the previous release\'s deploy.sh"',
    shellPrint(JSON.stringify({ status: 'success', environment, version: manifest.app.version })),
    '',
  ];
  return lines.join('\n');
}
