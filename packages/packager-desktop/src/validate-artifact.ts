import { Ajv, type ValidateFunction } from 'ajv';
import { createDiagnostic, type Diagnostic } from '@deployment-manager/core';
import { BUILD_PLAN_SCHEMA, LAUNCH_FILE_SCHEMA, STAGING_PLAN_SCHEMA } from './artifact-schemas.ts';
import { validateElectronBuilderConfig } from './electron-builder-schema.ts';
import { LAUNCH_FILE_PATH, RUNTIME_MANIFEST_PATH } from './staging-plan.ts';
import { validateDesktopManifest } from './validate.ts';

let compiled: Map<string, ValidateFunction> | undefined;

function ownSchemas(): Map<string, ValidateFunction> {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    compiled = new Map([
      [LAUNCH_FILE_PATH, ajv.compile(LAUNCH_FILE_SCHEMA)],
      ['staging-plan.json', ajv.compile(STAGING_PLAN_SCHEMA)],
      ['build-plan.json', ajv.compile(BUILD_PLAN_SCHEMA)],
    ]);
  }
  return compiled;
}

const issue = (code: string, file: string, path: string, message: string): Diagnostic => createDiagnostic({ code, severity: 'error', file, path, message });

/**
 * Validates one file of the desktop packager's output, offline, by its path:
 * `electron-builder.*.json` against `app-builder-lib`'s `scheme.json`,
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
  const own = ownSchemas().get(path);
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
