import { BUILD_TEMPLATE_VARS, type DesktopBuild } from '@deployment-manager/bundle';
import { expandTemplate, joinPosix } from './paths.ts';
import type { DesktopPlatform } from './platforms.ts';

/** One command of a service build, run from `cwd` (relative to the source root). */
export interface BuildStep {
  /** Working directory, relative to the source root. */
  readonly cwd: string;
  /** Environment added for this command. */
  readonly env: Readonly<Record<string, string>>;
  /** Program and arguments. */
  readonly argv: readonly string[];
}

/** How one service is compiled for one platform. */
export interface ServiceBuild {
  /** Service id. */
  readonly service: string;
  /** Build system. */
  readonly type: DesktopBuild['type'];
  /** Commands, in order. */
  readonly steps: readonly BuildStep[];
  /** The file or directory the build leaves, relative to the source root. */
  readonly output: string;
  /** False when the build must run on the target OS itself (no cross compilation). */
  readonly crossCompiles: boolean;
}

/** Template variables for one service on one platform (`{{platform}}`, `{{goos}}`...). */
function buildVariables(platformKey: string, platform: DesktopPlatform): Record<string, string> {
  return { platform: platformKey, ext: platform.ext, goos: platform.goos, goarch: platform.goarch };
}

/** The placeholders a build pattern may use: {@link buildVariables} plus `output` (the expanded output pattern). */
export const BUILD_PLACEHOLDERS: readonly string[] = BUILD_TEMPLATE_VARS;

/**
 * A path as a command operand: one starting with `-` gets `./` in front, so
 * the command never reads it as an option (validation refuses such paths;
 * this keeps the rule where the command line is made).
 */
function operand(path: string): string {
  return path.startsWith('-') ? `./${path}` : path;
}

const NPM_PLATFORM: Readonly<Record<string, string>> = { linux: 'linux', windows: 'win32', darwin: 'darwin' };

/**
 * The commands that compile `build` for one platform. Pure: paths are
 * relative to the source root, every `{{placeholder}}` is expanded.
 */
export function buildCommands(service: string, build: DesktopBuild, platformKey: string, platform: DesktopPlatform): ServiceBuild {
  const vars = buildVariables(platformKey, platform);
  const output = expandTemplate(build.output_pattern ?? defaultOutput(build.type, service), vars);
  const all = { ...vars, output };
  const x = (s: string): string => expandTemplate(s, all);
  const args = (build.args ?? []).map(x);
  const env = Object.fromEntries(Object.entries(build.env ?? {}).map(([k, v]) => [k, x(v)]));
  const cwd = joinPosix(build.source_dir);
  const step = (argv: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): BuildStep => ({ cwd, env: { ...extraEnv, ...env }, argv });
  const result = (steps: BuildStep[], crossCompiles: boolean, out = output): ServiceBuild => ({ service, type: build.type, steps, output: joinPosix(cwd, out), crossCompiles });

  switch (build.type) {
    case 'go':
      return result([step(['go', 'build', ...args, '-o', operand(output), operand(x(build.entry_point ?? '.'))], { GOOS: platform.goos, GOARCH: platform.goarch })], true);
    case 'rust': {
      const bin = x(build.entry_point ?? service);
      const cargoOut = `target/${platform.rustTarget}/release/${bin}${platform.ext}`;
      const steps = [step(['cargo', 'build', '--release', '--target', platform.rustTarget, '--bin', bin, ...args])];
      // cargo decides where a cross build lands; copy it to where the manifest expects it.
      if (joinPosix(cargoOut) !== joinPosix(output)) steps.push(step(['cp', cargoOut, operand(output)]));
      return result(steps, true);
    }
    case 'npm':
      return result(
        [step(['npm', 'ci']), step(['npm', 'run', x(build.entry_point ?? 'build'), ...(args.length > 0 ? ['--', ...args] : [])], { npm_config_platform: NPM_PLATFORM[platform.goos] ?? platform.goos, npm_config_arch: platform.arch })],
        true,
      );
    case 'python': {
      const slash = output.lastIndexOf('/');
      const file = output.slice(slash + 1);
      const name = platform.ext !== '' && file.endsWith(platform.ext) ? file.slice(0, -platform.ext.length) : file;
      return result([step(['python3', '-m', 'PyInstaller', '--onefile', '--name', name, '--distpath', slash === -1 ? '.' : output.slice(0, slash), ...args, operand(x(build.entry_point ?? 'main.py'))])], false);
    }
    case 'custom':
      return result(args.length === 0 ? [] : [step(args)], true);
  }
}

function defaultOutput(type: DesktopBuild['type'], service: string): string {
  return type === 'npm' ? 'dist' : `bin/{{platform}}/${service}{{ext}}`;
}
