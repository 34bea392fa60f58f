/*
 * The grammar of the values generated files embed. A manifest's strings end
 * up in shell scripts, YAML, Caddyfiles, HCL, systemd units and .env files;
 * every emitter quotes them, and here they are also held to what their
 * target accepts - so every packager (desktop, cloud, mobile, vps,
 * terraform) refuses the same hostile manifest, with the same code, before
 * anything is rendered: no string holds a control character, a line break or
 * a lone surrogate; names, ids and versions are plain tokens; cloud names are
 * DNS labels; hosts are host names and route paths plain URL paths; secret
 * targets are variable names or relative paths that stay in the bundle.
 */
import { jsonPointer, type Diagnostic } from '@deployment-manager/core/pure';
import { checkTarget } from '@deployment-manager/secrets/pure';
import { asArray, asObject, asString, entriesOf, finding, type Segments } from './findings.ts';
import type { ManifestTarget } from './manifest.ts';

// C0 and C1 controls, DEL, Unicode line and paragraph separators, lone surrogates.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}$/;
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const HOST = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ROUTE_PATH = /^\/[A-Za-z0-9._~%:@+/-]*$/;

/** The code of a string that no generated file can hold as it is. */
function unprintable(value: unknown, path: Segments, out: Diagnostic[]): void {
  if (typeof value === 'string') {
    if (UNPRINTABLE.test(value)) out.push(finding('VALUE_UNPRINTABLE', path, `${JSON.stringify(value)} holds a control character, a line break or a lone surrogate`, 'write the value on one line of printable text'));
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => unprintable(v, [...path, i], out));
    return;
  }
  for (const [k, v] of entriesOf(value)) {
    if (UNPRINTABLE.test(k)) out.push(finding('VALUE_UNPRINTABLE', [...path, k], `the key ${JSON.stringify(k)} holds a control character, a line break or a lone surrogate`, 'write keys on one line of printable text'));
    unprintable(v, [...path, k], out);
  }
}

function token(value: string | undefined, path: Segments, what: string, out: Diagnostic[]): void {
  if (value !== undefined && !TOKEN.test(value)) out.push(finding('VALUE_NAME_INVALID', path, `${what} ${JSON.stringify(value)} is not a plain name`, 'use letters, digits, ".", "_" and "-", starting with a letter or digit (at most 128 characters)'));
}

/** A desktop build's paths and names that build.sh passes to the compiler or `cp` as operands: a leading `-` would make them options (`-toolexec=...` runs a program). */
function buildOperands(manifest: Readonly<Record<string, unknown>>, out: Diagnostic[]): void {
  asArray(manifest['services']).forEach((raw, i) => {
    const build = asObject(asObject(raw)?.['build']);
    for (const key of ['entry_point', 'output_pattern', 'source_dir']) {
      const value = asString(build?.[key]);
      if (value?.startsWith('-') === true) {
        out.push(finding('VALUE_OPTION_LIKE', ['services', i, 'build', key], `${key} ${JSON.stringify(value)} starts with "-", so the build command would read it as an option`, 'write it as a relative path or name that does not start with "-" (e.g. ./-name)'));
      }
    }
  });
}

function cloudNames(manifest: Readonly<Record<string, unknown>>, out: Diagnostic[]): void {
  const name = asString(asObject(manifest['app'])?.['name']);
  if (name !== undefined && !(name.length <= 40 && DNS_1123.test(name))) {
    out.push(finding('CLOUD_APP_NAME_INVALID', ['app', 'name'], `app name ${JSON.stringify(name)} is not a dns label of at most 40 characters`, 'use lower-case letters, digits and dashes, e.g. picker-wheel'));
  }
  asArray(manifest['services']).forEach((raw, i) => {
    const s = asObject(raw);
    const id = asString(s?.['id']);
    if (id !== undefined && !(id.length <= 52 && DNS_1035.test(id))) {
      out.push(finding('CLOUD_SERVICE_ID_INVALID', ['services', i, 'id'], `service id ${JSON.stringify(id)} is not a dns-1035 label of at most 52 characters`, 'use lower-case letters, digits and dashes, starting with a letter (it is the host name other services use)'));
    }
    asArray(s?.['volumes']).forEach((v, j) => {
      const vol = asString(asObject(v)?.['name']);
      if (vol !== undefined && !(vol.length <= 63 && DNS_1123.test(vol))) out.push(finding('CLOUD_VOLUME_NAME_INVALID', ['services', i, 'volumes', j, 'name'], `volume name ${JSON.stringify(vol)} is not a dns label`, 'use lower-case letters, digits and dashes'));
    });
    for (const [key] of entriesOf(s?.['env'])) {
      if (!/^[-._a-zA-Z0-9]+$/.test(key)) out.push(finding('CLOUD_ENV_NAME_INVALID', ['services', i, 'env', key], `environment variable name ${JSON.stringify(key)} cannot be a ConfigMap key`, 'use letters, digits, "_", "-" and "."'));
    }
  });
  const ingress = asObject(manifest['ingress']);
  const host = asString(ingress?.['host']);
  if (host !== undefined && !(host.length <= 253 && HOST.test(host))) {
    out.push(finding('INGRESS_HOST_INVALID', ['ingress', 'host'], `ingress host ${JSON.stringify(host)} is not a host name`, 'use a lower-case DNS name such as shop.example.com'));
  }
  asArray(ingress?.['routes']).forEach((r, i) => {
    const path = asString(asObject(r)?.['path']);
    if (path !== undefined && !ROUTE_PATH.test(path)) out.push(finding('INGRESS_PATH_INVALID', ['ingress', 'routes', i, 'path'], `route path ${JSON.stringify(path)} is not a plain URL path`, 'start with "/" and use letters, digits and . _ ~ % : @ + / -'));
  });
  const keys = new Map<string, string>();
  asArray(manifest['secrets']).forEach((raw, i) => {
    const id = asString(asObject(raw)?.['id']);
    if (id === undefined) return;
    const key = id.replace(/[^-._a-zA-Z0-9]/g, '_');
    const other = keys.get(key);
    if (other !== undefined) out.push(finding('CLOUD_SECRET_KEY_COLLISION', ['secrets', i, 'id'], `secret id ${JSON.stringify(id)} becomes the key "${key}", like ${JSON.stringify(other)}`, 'give secrets ids that differ in letters, digits, "-", "_" or "."'));
    keys.set(key, id);
  });
}

/**
 * The value grammar of a manifest of any target: `VALUE_UNPRINTABLE`,
 * `VALUE_NAME_INVALID` (app name, service and secret ids), `VERSION_INVALID`,
 * `VALUE_OPTION_LIKE` (a desktop build's entry point, output pattern or
 * source directory starting with `-`),
 * the secrets package's target checks, and for cloud manifests the DNS and
 * URL grammar Kubernetes, Compose and Caddy need. Pure.
 */
export function checkValues(target: ManifestTarget, manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  unprintable(manifest, [], out);
  const app = asObject(manifest['app']);
  if (target !== 'cloud') token(asString(app?.['name']), ['app', 'name'], 'app name', out);
  const version = asString(app?.['version']);
  if (version !== undefined && !VERSION.test(version)) out.push(finding('VERSION_INVALID', ['app', 'version'], `version ${JSON.stringify(version)} is not a version`, 'use a version such as 1.4.2 or 2024.05.1-beta (letters, digits, ".", "+", "_", "-")'));
  asArray(manifest['services']).forEach((raw, i) => {
    if (target !== 'cloud') token(asString(asObject(raw)?.['id']), ['services', i, 'id'], 'service id', out);
  });
  asArray(manifest['secrets']).forEach((raw, i) => {
    const s = asObject(raw);
    token(asString(s?.['id']), ['secrets', i, 'id'], 'secret id', out);
    const t = asObject(s?.['target']);
    // env and file targets are the secrets package's; other kinds (mobile secure storage) hold a key name.
    if (t?.['type'] === 'env' || t?.['type'] === 'file') out.push(...checkTarget(t, jsonPointer(['secrets', i, 'target'])));
    else token(asString(t?.['name']), ['secrets', i, 'target', 'name'], 'secret key', out);
  });
  if (target === 'cloud') cloudNames(manifest, out);
  if (target === 'desktop') buildOperands(manifest, out);
  return out;
}
