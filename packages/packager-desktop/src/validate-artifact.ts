import type { Diagnostic } from '@deployment-manager/core';
import { validateElectronBuilderConfig } from './electron-builder-schema.ts';
import validateBuildPlan from './generated/build-plan.validate.js';
import validateLaunchFile from './generated/launch-file.validate.js';
import validateStagingPlan from './generated/staging-plan.validate.js';
import { LAUNCH_FILE_PATH, RUNTIME_MANIFEST_PATH } from './staging-plan.ts';
import { validateDesktopManifest } from './validate.ts';
import { desktopDiagnostic, type DesktopDiagnosticCode } from './diagnostic-codes.ts';

// This package's own artifact schemas (artifact-schemas.ts), compiled ahead of time.
const OWN_SCHEMAS: ReadonlyMap<string, typeof validateLaunchFile> = new Map([
  [LAUNCH_FILE_PATH, validateLaunchFile],
  ['staging-plan.json', validateStagingPlan],
  ['build-plan.json', validateBuildPlan],
]);

const issue = (code: DesktopDiagnosticCode, file: string, path: string, message: string): Diagnostic => desktopDiagnostic(code, message, { path, file });

/**
 * Validates one file of the desktop packager's output, offline, by its path:
 * `electron-builder.*.json` against electron-builder's `scheme.json`,
 * `runtime/bundle.json` with the bundle package's manifest validation,
 * `runtime/launch.json`, `staging-plan.json` and `build-plan.json` against
 * this package's schemas, the two `package.json` files for the fields
 * electron-builder reads. Returns errors (empty when valid); a path it has
 * no validator for returns `[]` (`build.sh` and `app/main.cjs` are checked
 * with `sh -n` and `node --check` by the tests).
 *
 * @example
 * ```ts
 * for (const a of result.artifacts) issues.push(...validateDesktopArtifact(a.path, readFileSync(join(outDir, a.path), 'utf8')));
 * ```
 */
export function validateDesktopArtifact(path: string, content: string): Diagnostic[] {
  let value: unknown;
  if (path.endsWith('.json')) {
    try {
      value = JSON.parse(content);
    } catch {
      return [issue('DESKTOP_ARTIFACT_INVALID', path, '', `${path} is not valid JSON`)];
    }
  }
  if (/^electron-builder\.[a-z]+\.json$/.test(path)) return validateElectronBuilderConfig(value, path);
  if (path === RUNTIME_MANIFEST_PATH) {
    const result = validateDesktopManifest(value);
    return result.ok ? [] : result.issues.map((d) => ({ ...d, file: path }));
  }
  const own = OWN_SCHEMAS.get(path);
  if (own !== undefined) {
    return own(value) ? [] : (own.errors ?? []).map((e) => issue('DESKTOP_ARTIFACT_INVALID', path, e.instancePath, `${path} ${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`));
  }
  if (path === 'package.json' || path === 'app/package.json') {
    const pkg = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const required = path === 'package.json' ? ['name', 'devDependencies'] : ['name', 'version', 'main', 'description', 'author'];
    return required.filter((k) => pkg[k] === undefined).map((k) => issue('DESKTOP_ARTIFACT_INVALID', path, `/${k}`, `${path} has no "${k}"`));
  }
  return [];
}
