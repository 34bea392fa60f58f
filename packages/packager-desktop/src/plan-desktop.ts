import { createHash } from 'node:crypto';
import { isEnvName, jsonPointer, type Diagnostic, type PackagerNote } from '@deployment-manager/core';
import { BUILD_PLACEHOLDERS } from './build-commands.ts';
import { createBuildPlan, type BuildPlan } from './build-plan.ts';
import { renderBuildScript } from './build-script.ts';
import { createAppPackageJson, createProjectPackageJson } from './electron-app.ts';
import { createElectronBuilderConfig, electronBuilderConfigPath, type ElectronBuilderConfig } from './electron-builder-config.ts';
import { validateElectronBuilderConfig } from './electron-builder-schema.ts';
import { canonicalJson, prettyJson } from '@deployment-manager/bundle';
import { createLaunchFile, type LaunchFile } from './launch-file.ts';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { desktopNotes } from './notes.ts';
import { resolveDesktopOptions, type DesktopPackagerOptions, type ResolvedDesktopOptions, type UpdateChannel } from './options.ts';
import { templateNames } from './paths.ts';
import { KNOWN_OS_TARGETS, platformOf, type DesktopOs } from './platforms.ts';
import { SHELL_MAIN_SOURCE } from './shell-main.ts';
import { planSigning } from './signing.ts';
import { LAUNCH_FILE_PATH, RUNTIME_MANIFEST_PATH, planStaging, type StagingPlan } from './staging-plan.ts';
import { desktopDiagnostic, type DesktopDiagnosticCode } from './diagnostic-codes.ts';

/** One file the desktop packager writes, with its content. */
export interface DesktopFile {
  /** POSIX path relative to the output directory. */
  readonly path: string;
  /** IANA media type. */
  readonly mediaType: string;
  /** Exact text written (UTF-8). */
  readonly content: string;
}

/** Everything the desktop packager would write for a manifest, computed without writing. */
export interface DesktopPlan {
  /** Options with defaults applied. */
  readonly options: ResolvedDesktopOptions;
  /** electron-builder configuration per channel. */
  readonly configs: Readonly<Partial<Record<UpdateChannel, ElectronBuilderConfig>>>;
  /** The staging plan. */
  readonly staging: StagingPlan;
  /** The build plan. */
  readonly build: BuildPlan;
  /** The shell's launch contract. */
  readonly launch: LaunchFile;
  /** Every file, sorted by path. */
  readonly files: readonly DesktopFile[];
  /** What the target cannot express. */
  readonly notes: readonly PackagerNote[];
  /** Desktop-specific problems (errors block packing). */
  readonly issues: readonly Diagnostic[];
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function optionIssues(options: ResolvedDesktopOptions): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const option = (code: DesktopDiagnosticCode, message: string, hint: string): void => {
    issues.push(desktopDiagnostic(code, message, { hint }));
  };
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9-]*)+$/.test(options.appId)) {
    option('DESKTOP_APP_ID_INVALID', `app id "${options.appId}" is not a reverse-DNS identifier`, 'use letters, digits, dashes and dots, e.g. com.example.my-app');
  }
  if (options.channels.length === 0) option('DESKTOP_NO_CHANNEL', 'no update channel is selected', 'pick at least one of dev, beta, stable');
  if (!options.platforms.some((p) => platformOf(p) !== undefined)) option('DESKTOP_NO_PLATFORM', 'no platform is selected', 'package at least one platform, e.g. linux-x64');
  for (const os of Object.keys(options.targets) as DesktopOs[]) {
    for (const target of options.targets[os]) {
      if (!KNOWN_OS_TARGETS[os].includes(target)) option('DESKTOP_TARGET_UNKNOWN', `"${target}" is not an electron-builder target for ${os}`, `use one of ${KNOWN_OS_TARGETS[os].join(', ')}`);
    }
  }
  return issues;
}

function buildIssues(manifest: DesktopManifest): Diagnostic[] {
  const issues: Diagnostic[] = [];
  for (const [i, service] of manifest.services.entries()) {
    const build = service.build;
    if (build === undefined) continue;
    const at = (...rest: (string | number)[]): string => jsonPointer(['services', i, 'build', ...rest]);
    const texts: [string, string][] = [
      ...(build.output_pattern === undefined ? [] : [[at('output_pattern'), build.output_pattern] as [string, string]]),
      ...(build.entry_point === undefined ? [] : [[at('entry_point'), build.entry_point] as [string, string]]),
      ...(build.args ?? []).map((a, j): [string, string] => [at('args', j), a]),
      ...Object.entries(build.env ?? {}).map(([k, v]): [string, string] => [at('env', k), v]),
    ];
    for (const [path, text] of texts) {
      for (const name of templateNames(text)) {
        if (!BUILD_PLACEHOLDERS.includes(name)) {
          issues.push(desktopDiagnostic('DESKTOP_BUILD_PLACEHOLDER_UNKNOWN', `build placeholder "{{${name}}}" of service "${service.id}" is unknown`, { path, hint: `use ${BUILD_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` }));
        }
      }
    }
    for (const name of Object.keys(build.env ?? {})) {
      if (!isEnvName(name)) issues.push(desktopDiagnostic('DESKTOP_BUILD_ENV_INVALID', `build env var name "${name}" of service "${service.id}" is not a valid variable name`, { path: at('env', name), hint: 'use letters, digits and underscores' }));
    }
    if (build.type === 'custom' && (build.args ?? []).length === 0) {
      issues.push(desktopDiagnostic('DESKTOP_BUILD_COMMAND_MISSING', `custom build of service "${service.id}" has no command`, { path: at('args'), hint: 'put the command and its arguments in build.args' }));
    }
    if (build.type === 'python') {
      issues.push(desktopDiagnostic('DESKTOP_BUILD_NATIVE_ONLY', `python build of service "${service.id}" cannot cross-compile; each platform must be built on its own OS`, { path: at('type'), hint: 'run build.sh for each platform on a machine of that OS' }));
    }
  }
  return issues;
}

/**
 * Plans every artifact of the desktop packager for a (validated) manifest:
 * electron-builder configurations per channel, validated against
 * electron-builder's `scheme.json`; the canonical `bundle.json` and the
 * shell's `launch.json`; the staging plan; the build plan and `build.sh`;
 * the Electron shell (`app/`). Pure apart from reading the schema file once.
 *
 * @example
 * ```ts
 * const plan = planDesktop(manifest, { platforms: ['linux-x64'] });
 * for (const f of plan.files) console.log(f.path);
 * ```
 */
export function planDesktop(manifest: DesktopManifest, packagerOptions: DesktopPackagerOptions = {}): DesktopPlan {
  const options = resolveDesktopOptions(manifest, packagerOptions);
  const signing = planSigning(options.signing, packagerOptions.signing === undefined ? '/code_signing' : undefined);
  const launch = createLaunchFile(manifest, options);
  const manifestText = canonicalJson(manifest);
  const launchText = prettyJson(launch);
  const staged = planStaging(manifest, options, { manifest: sha256(manifestText), launch: sha256(launchText) });
  const build = createBuildPlan(manifest, options, staged.builds, signing);

  const issues: Diagnostic[] = [...optionIssues(options), ...buildIssues(manifest), ...staged.issues, ...signing.issues];
  if (launch.entry === null) {
    issues.push(desktopDiagnostic('DESKTOP_NO_UI_ENTRY', 'no ui-bundle service requests a port, so the shell has no page to open', { path: '/services', hint: 'give the UI service a requested port named "http"' }));
  }

  const configs: Partial<Record<UpdateChannel, ElectronBuilderConfig>> = {};
  const files: DesktopFile[] = [];
  for (const channel of options.channels) {
    const config = createElectronBuilderConfig(manifest, options, signing, channel);
    configs[channel] = config;
    const path = electronBuilderConfigPath(channel);
    issues.push(...validateElectronBuilderConfig(config, path));
    files.push({ path, mediaType: 'application/json', content: prettyJson(config) });
  }
  files.push(
    { path: 'package.json', mediaType: 'application/json', content: prettyJson(createProjectPackageJson(manifest)) },
    { path: 'app/package.json', mediaType: 'application/json', content: prettyJson(createAppPackageJson(manifest, options)) },
    { path: 'app/main.cjs', mediaType: 'text/javascript', content: SHELL_MAIN_SOURCE },
    { path: RUNTIME_MANIFEST_PATH, mediaType: 'application/json', content: manifestText },
    { path: LAUNCH_FILE_PATH, mediaType: 'application/json', content: launchText },
    { path: 'staging-plan.json', mediaType: 'application/json', content: prettyJson(staged.plan) },
    { path: 'build-plan.json', mediaType: 'application/json', content: prettyJson(build) },
    { path: 'build.sh', mediaType: 'text/x-shellscript', content: renderBuildScript(build, staged.plan) },
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const notes = [...desktopNotes(manifest, options), ...signing.notes];
  return { options, configs, staging: staged.plan, build, launch, files, notes, issues };
}
