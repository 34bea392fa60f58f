import type { CloudManifest, ManifestSecret } from '@deployment-manager/bundle';
import { SdkError, inlineText, isEnvName, shellPrint, shellQuote } from '@deployment-manager/core';
import type { GeneratorSpec } from '@deployment-manager/secrets';
import { secretKey } from './names.ts';
import { remoteKey } from './secret-wiring.ts';
import { SHELL_GENERATOR_FUNCTIONS, describeGenerator, shellGenerator } from './secret-generators.ts';

const ASK_FUNCTION = [
  '# ask VAR LABEL: prints $VAR, else asks on the terminal without echo; fails when neither gives a value',
  'ask() {',
  '  eval "v=\\${$1-}"',
  '  if [ -z "$v" ] && [ -t 0 ]; then',
  `    printf '%s: ' "$2" >&2; stty -echo; IFS= read -r v || true; stty echo; printf '\\n' >&2`,
  '  fi',
  '  if [ -z "$v" ]; then echo "no value for $2: set $1" >&2; return 1; fi',
  "  printf '%s' \"$v\"",
  '}',
].join('\n');

/** The variable a prompted secret is read from: its env target name, else `SECRET_<ID>`. */
export function promptVariable(secret: ManifestSecret): string {
  // Only a variable name ever reaches `ask`, whose eval reads it.
  return secret.target.type === 'env' && isEnvName(secret.target.name) ? secret.target.name : `SECRET_${secretKey(secret.id).toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}

function describe(manifest: CloudManifest, s: ManifestSecret): string {
  const how =
    s.class === 'per_install_generated'
      ? describeGenerator(s.generator as unknown as GeneratorSpec)
      : s.class === 'user_prompt'
        ? `asked: ${s.prompt?.label ?? s.id}${s.format === undefined ? '' : `, format ${s.format}`}`
        : `remote key ${remoteKey(manifest, s).key}`;
  return `# ${inlineText(s.id)} (${s.class}: ${inlineText(how)}) -> ${s.target.type} ${inlineText(s.target.name)}`;
}

/** The command printing a local (generated or prompted) secret's value. */
function valueCommand(s: ManifestSecret): string {
  return s.class === 'per_install_generated' ? shellGenerator(s.generator as unknown as GeneratorSpec) : `ask ${shellQuote(promptVariable(s))} ${shellQuote(s.prompt?.label ?? s.id)}`;
}

const header = (lines: readonly string[]): string[] => [
  '#!/bin/sh',
  ...lines.map((l) => `# ${l}`),
  '# Written by deployment-manager. It holds no secret value: generated values are made here,',
  '# prompted values come from the environment variable named below (or the terminal).',
  'set -eu',
  'export LC_ALL=C',
  'umask 077',
];

/**
 * The script that creates the files `compose.yaml` reads secrets from, in
 * `secrets/` beside it: `<key>.env` (`NAME=value`) for env targets, `<key>`
 * for file targets. Existing files are kept, so generated values stay stable;
 * remote secrets must be written from the store by the operator (the script
 * names each missing one and exits 1). Undefined when there are no secrets.
 */
export function renderComposeSecretsScript(manifest: CloudManifest): string | undefined {
  const secrets = manifest.secrets ?? [];
  if (secrets.length === 0) return undefined;
  const out = [
    ...header([`Creates the secret files of ${inlineText(manifest.app.name)}'s compose.yaml in secrets/ beside it (mode 600).`, 'Run it once before `docker compose up`; files that exist are kept.']),
    'cd "$(dirname "$0")"',
    'mkdir -p secrets',
    SHELL_GENERATOR_FUNCTIONS,
    ASK_FUNCTION,
    'missing=0',
  ];
  for (const s of secrets) {
    const path = `secrets/${secretKey(s.id)}${s.target.type === 'env' ? '.env' : ''}`;
    const [file, tmp] = [shellQuote(path), shellQuote(`${path}.tmp`)];
    out.push('', describe(manifest, s), `if [ ! -s ${file} ]; then`);
    if (s.class === 'remote_fetch') {
      const shape = s.target.type === 'env' ? `${s.target.name}=<value>` : 'the value';
      out.push(`  ${shellPrint(`secret ${s.id} is kept in your secret store (key ${remoteKey(manifest, s).key}): write ${shape} to ${path}`)} >&2`, '  missing=1');
    } else {
      // Written to a temporary name first: a failed run never leaves a file the next run would keep.
      if (s.target.type === 'env') out.push(`  v=$(${valueCommand(s)})`, `  printf '%s=%s\\n' ${shellQuote(s.target.name)} "$v" >${tmp}`);
      else out.push(`  ${valueCommand(s)} >${tmp}`);
      out.push(`  mv ${tmp} ${file}`);
    }
    out.push('fi');
    // Services that read the value under a name of their own get a copy of the line under that name.
    for (const alias of new Set(Object.values(s.service_env ?? {}))) {
      // Both names are part of a sed program and the alias of a file name: validation holds them to variable names, and so does the emitter.
      for (const n of [s.target.name, alias]) {
        if (!isEnvName(n)) throw new SdkError('EMIT_VALUE_INVALID', `${JSON.stringify(n)} is not an environment variable name, so secret ${JSON.stringify(s.id)} cannot be copied under an alias`, { hint: 'use letters, digits and underscores for target names and service_env aliases' });
      }
      const copy = `secrets/${secretKey(s.id)}.${alias}.env`;
      const [copyFile, copyTmp] = [shellQuote(copy), shellQuote(`${copy}.tmp`)];
      out.push(`if [ -s ${file} ] && [ ! -s ${copyFile} ]; then`, `  sed -n ${shellQuote(`1s/^${s.target.name}=/${alias}=/p`)} ${file} >${copyTmp}`, `  mv ${copyTmp} ${copyFile}`, 'fi');
    }
  }
  out.push('', 'exit "$missing"', '');
  return out.join('\n');
}

/**
 * The script that creates the Kubernetes Secret `<app>-secrets` holding the
 * generated and prompted secrets, unless it exists (values stay stable).
 * Values go through a private temporary directory and `--from-file`, never
 * the command line. Arguments are passed to kubectl (`-n apps`). Undefined
 * when no secret is generated or prompted.
 */
export function renderKubernetesSecretsScript(manifest: CloudManifest): string | undefined {
  const local = (manifest.secrets ?? []).filter((s) => s.class === 'per_install_generated' || s.class === 'user_prompt');
  if (local.length === 0) return undefined;
  const secretName = `${manifest.app.name}-secrets`;
  const name = shellQuote(secretName);
  const out = [
    ...header([`Creates the Secret ${inlineText(secretName)} that the Kubernetes manifests read.`, 'Arguments go to kubectl (e.g. `sh create-secrets.sh -n apps`). An existing Secret is kept.']),
    `if kubectl get secret ${name} "$@" >/dev/null 2>&1; then`,
    `  ${shellPrint('secret ', secretName, ' exists; its values are kept')} >&2`,
    '  exit 0',
    'fi',
    'dir=$(mktemp -d)',
    `trap 'rm -rf "$dir"' EXIT`,
    SHELL_GENERATOR_FUNCTIONS,
    ASK_FUNCTION,
  ];
  for (const s of local) out.push('', describe(manifest, s), `${valueCommand(s)} >"$dir"/${shellQuote(secretKey(s.id))}`);
  out.push('', `kubectl create secret generic ${name} "$@" \\`);
  for (const s of local) out.push(`  ${shellQuote(`--from-file=${secretKey(s.id)}=`)}"$dir"/${shellQuote(secretKey(s.id))} \\`);
  out.push(`  >/dev/null`, `kubectl label secret ${name} "$@" ${shellQuote(`app.kubernetes.io/name=${manifest.app.name}`)} app.kubernetes.io/managed-by=deployment-manager >/dev/null`, `${shellPrint('created secret ', secretName)} >&2`, '');
  return out.join('\n');
}
