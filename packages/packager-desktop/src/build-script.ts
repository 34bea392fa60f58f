import { inlineText, shellPrint, shellQuote } from '@deployment-manager/core';
import type { BuildStep, ServiceBuild } from './build-commands.ts';
import type { BuildPlan, PlatformBuildPlan } from './build-plan.ts';
import { UPDATE_CHANNELS } from './options.ts';
import { platformOf } from './platforms.ts';
import { sourcePath } from './source-path.ts';
import type { SigningEnv } from './signing.ts';
import type { StagingEntry, StagingPlan } from './staging-plan.ts';

const PRELUDE = `set -eu
cd "$(dirname "$0")"
: "\${SOURCE_ROOT:?set SOURCE_ROOT to the scenario source directory}"
CHANNEL="\${1:-stable}"
if [ "$#" -gt 0 ]; then shift; fi
case "$CHANNEL" in ${UPDATE_CHANNELS.join('|')}) ;; *) echo "unknown channel: $CHANNEL (${UPDATE_CHANNELS.join(', ')})" >&2; exit 2 ;; esac
if [ ! -f "electron-builder.$CHANNEL.json" ]; then echo "no configuration for channel $CHANNEL" >&2; exit 2; fi

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d ' ' -f 1; else shasum -a 256 "$1" | cut -d ' ' -f 1; fi
}

# stage PLATFORM FROM TO [SHA256] [x]: copies FROM to staging/PLATFORM/TO, verifies the hash, sets +x.
stage() {
  dest="staging/$1/$3"
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest"
  cp -R "$2" "$dest"
  if [ -n "\${4:-}" ]; then
    actual="$(sha256_of "$dest")"
    if [ "$actual" != "$4" ]; then echo "checksum mismatch for $3: expected $4, got $actual" >&2; exit 1; fi
  fi
  if [ "\${5:-}" = x ]; then chmod +x "$dest"; fi
}
`;

/** A command line: env assignments (quoted, through env(1)), then the quoted words (a quoted first word is never an assignment). */
function commandLine(step: BuildStep): string {
  const env = Object.entries(step.env).map(([k, v]) => shellQuote(`${k}=${v}`));
  const words = step.argv.map(shellQuote);
  return [...(env.length > 0 ? ['env', ...env] : []), ...words].join(' ');
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function buildLines(build: ServiceBuild): string[] {
  const lines = [`  # service ${inlineText(build.service)} (${inlineText(build.type)}${build.crossCompiles ? '' : ', must run on the target OS'})`];
  if (build.steps.length === 0) return [...lines, `  ${shellPrint('no build command for ', build.service)} >&2; exit 1`];
  const out = dirOf(build.output);
  if (out !== '') lines.push(`  mkdir -p ${sourcePath(out)}`);
  for (const step of build.steps) lines.push(`  (cd ${sourcePath(step.cwd)} && ${commandLine(step)})`);
  return lines;
}

function stageLine(platform: string, entry: StagingEntry): string {
  const from = entry.origin === 'source' ? sourcePath(entry.from) : shellQuote(entry.from);
  const hash = shellQuote(entry.verify && entry.sha256 !== undefined ? entry.sha256 : '');
  return `  stage ${shellQuote(platform)} ${from} ${shellQuote(entry.to)} ${hash}${entry.executable ? ' x' : ''}`;
}

function exportLine(env: SigningEnv): string {
  return 'fromEnv' in env
    ? `    ${env.name}="\${${env.fromEnv}:?set ${env.fromEnv} (code signing)}"; export ${env.name}`
    : `    ${env.name}=${shellQuote(env.value)}; export ${env.name}`;
}

function platformFunction(p: PlatformBuildPlan, staging: readonly StagingEntry[]): string[] {
  const lines = [`build_${p.platform.replace(/[^A-Za-z0-9]/g, '_')}() {`, `  ${shellPrint('==> ', p.platform)}`];
  for (const build of p.builds) lines.push(...buildLines(build));
  lines.push(`  rm -rf ${shellQuote(`staging/${p.platform}`)}`);
  for (const entry of staging) lines.push(stageLine(p.platform, entry));
  if (p.packageOn === 'mac') lines.push('  if [ "$(uname -s)" != Darwin ]; then echo "macOS packages can only be built on macOS" >&2; exit 1; fi');
  const flags = [platformOf(p.platform)?.builderFlag ?? '', `--${p.arch}`];
  lines.push('  (');
  for (const env of p.signingEnv) lines.push(exportLine(env));
  lines.push(`    npx --no-install electron-builder --config "electron-builder.$CHANNEL.json" ${flags.join(' ')} --publish "\${PUBLISH:-never}"`);
  lines.push('  )');
  if (p.gpg !== null) {
    const g = p.gpg;
    const gpg = ['gpg', '--batch', '--yes', ...(g.homedir === undefined ? [] : ['--homedir', g.homedir]), '--local-user', g.keyId, '--armor', '--detach-sign'].map(shellQuote).join(' ');
    const pass = g.passphraseEnv === undefined ? '' : `printf '%s' "\${${g.passphraseEnv}:?set ${g.passphraseEnv} (gpg passphrase)}" | `;
    const passFlags = g.passphraseEnv === undefined ? '' : ' --pinentry-mode loopback --passphrase-fd 0';
    lines.push(`  for f in dist/"$CHANNEL"/*.AppImage dist/"$CHANNEL"/*.deb; do`, '    [ -e "$f" ] || continue', `    ${pass}${gpg}${passFlags} "$f"`, '  done');
  }
  lines.push('}');
  return lines;
}

/**
 * Renders the build plan and staging plan as one POSIX `sh` script:
 * `SOURCE_ROOT=... sh build.sh [channel] [platform...]` compiles each
 * service, stages every file (verifying pinned hashes), and runs
 * electron-builder. Every value is single-quoted; secrets are referenced by
 * variable name only. Pure.
 */
export function renderBuildScript(plan: BuildPlan, staging: StagingPlan): string {
  const stagingOf = new Map(staging.platforms.map((p) => [p.platform, p.entries]));
  const all = plan.platforms.map((p) => p.platform).join(' ');
  const lines = [
    '#!/bin/sh',
    `# Generated by @deployment-manager/packager-desktop for ${inlineText(plan.app.name)} version ${inlineText(plan.app.version)}; re-run the packager instead of editing.`,
    '# Usage: SOURCE_ROOT=/path/to/scenario sh build.sh [dev|beta|stable] [platform ...]',
    `# Platforms: ${all}. Set PUBLISH=always to let electron-builder publish (credentials from the environment).`,
    PRELUDE,
  ];
  for (const p of plan.platforms) lines.push(...platformFunction(p, stagingOf.get(p.platform) ?? []), '');
  lines.push(
    `PLATFORMS="\${*:-${all}}"`,
    plan.install.map(shellQuote).join(' '),
    'for platform in $PLATFORMS; do',
    '  case "$platform" in',
    ...plan.platforms.map((p) => `    ${p.platform}) build_${p.platform.replace(/[^A-Za-z0-9]/g, '_')} ;;`),
    '    *) echo "unknown platform: $platform" >&2; exit 2 ;;',
    '  esac',
    'done',
    '',
  );
  return lines.join('\n');
}
