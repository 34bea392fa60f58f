/*
 * What one service runs on this machine: the binary of the host's platform
 * key, its arguments, working directory and environment with every
 * placeholder expanded. Pure given its inputs.
 */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { canonicalPlatform, findPlaceholders, type DesktopBinary, type DesktopService } from '@deployment-manager/bundle';
import { SdkError } from '@deployment-manager/core';

/** The platform key of this machine, spelled as manifests spell it (`linux-x64`, `darwin-arm64`, `win-x64`). */
export function hostPlatformKey(): string {
  return `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

/** The binary a service declares for `platform` (`windows-x64` and `win-x64` are one platform). */
export function binaryFor(service: DesktopService, platform: string): DesktopBinary {
  const want = canonicalPlatform(platform);
  const key = Object.keys(service.binaries).find((k) => canonicalPlatform(k) === want);
  const binary = key === undefined ? undefined : service.binaries[key];
  if (binary === undefined) {
    throw new SdkError('ASSET_INVALID', `service "${service.id}" has no binary for platform "${platform}"`, {
      hint: `this bundle was built for ${Object.keys(service.binaries).join(', ')}; package it for ${platform}`,
      details: { service: service.id, platform },
    });
  }
  return binary;
}

/** Values the `${...}` placeholders of a manifest resolve to. */
export interface PlaceholderValues {
  /** `${data}`: the app data's `data` directory. */
  readonly data: string;
  /** `${bundle}`: the bundle directory. */
  readonly bundle: string;
  /** `${service.port}`: allocated ports. */
  readonly ports: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Expands every `${data}`, `${bundle}` and `${service.port}` in `text`; validation made sure each resolves. */
export function expandPlaceholders(text: string, values: PlaceholderValues): string {
  let out = '';
  let at = 0;
  for (const p of findPlaceholders(text)) {
    if (p.token === undefined) break;
    out += text.slice(at, p.index);
    at = p.index + p.token.length + 3;
    const dot = p.token.lastIndexOf('.');
    const value = p.token === 'data' ? values.data : p.token === 'bundle' ? values.bundle : dot === -1 ? undefined : values.ports[p.token.slice(0, dot)]?.[p.token.slice(dot + 1)];
    out += value === undefined ? `\${${p.token}}` : String(value);
  }
  return out + text.slice(at);
}

/** Expands every value of an environment map. */
export function expandEnv(env: Readonly<Record<string, string>> | undefined, values: PlaceholderValues): Record<string, string> {
  return Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, expandPlaceholders(v, values)]));
}

/** True for a script the runtime runs with its own Node rather than executing it. */
function isNodeScript(path: string): boolean {
  return /\.(mjs|cjs|js)$/.test(path);
}

/** A path relative to `root` (the bundle or the app data directory) made absolute; throws `ASSET_INVALID` when it leaves `root`. */
export function insideDir(root: string, path: string, what: string): string {
  const abs = resolve(root, path);
  if (isAbsolute(path) || (abs !== root && !abs.startsWith(root + sep))) {
    throw new SdkError('ASSET_INVALID', `${what} "${path}" is outside ${root}`, { hint: 'paths in a manifest are relative (to the bundle or the app data directory), without ".."' });
  }
  return abs;
}

/** Program, arguments and working directory of a command line; `node` scripts run with this Node. */
export interface CommandLine {
  /** Executable. */
  readonly file: string;
  /** Arguments. */
  readonly args: readonly string[];
  /** Working directory. */
  readonly cwd: string;
}

/**
 * How to start a service: the binary (absolute), its expanded arguments, and
 * its working directory (`cwd` of the binary, else the binary's directory).
 */
export function serviceCommand(service: DesktopService, platform: string, bundleDir: string, values: PlaceholderValues): CommandLine {
  const binary = binaryFor(service, platform);
  const file = insideDir(bundleDir, binary.path.split('\\').join('/'), `binary of service "${service.id}"`);
  const cwd = binary.cwd === undefined ? dirname(file) : insideDir(bundleDir, binary.cwd, `working directory of service "${service.id}"`);
  const args = (binary.args ?? []).map((a) => expandPlaceholders(a, values));
  return isNodeScript(file) ? { file: process.execPath, args: [file, ...args], cwd } : { file, args, cwd };
}

/** A migration or check command: a first word with a slash is relative to `cwd`, else looked up on PATH. */
export function commandLine(argv: readonly string[], cwd: string, values: PlaceholderValues): CommandLine {
  const [first, ...rest] = argv.map((a) => expandPlaceholders(a, values));
  if (first === undefined) throw new SdkError('INVALID_ARGUMENT', 'a command is empty', { hint: 'give the program and its arguments' });
  const file = first.includes('/') ? resolve(cwd, first) : first;
  return isNodeScript(file) ? { file: process.execPath, args: [file, ...rest], cwd } : { file, args: rest, cwd };
}
