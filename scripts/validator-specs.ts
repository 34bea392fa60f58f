// Every JSON Schema the packages validate with, compiled ahead of time into
// ajv standalone code (scripts/generate-validators.ts), so no schema is
// compiled at run time and the packages bundle without reading files.

/** One precompiled validator: where its schema comes from and how ajv compiles it. */
export interface ValidatorSpec {
  /** The package folder under `packages/`. */
  readonly package: string;
  /** Output name: `packages/<package>/src/generated/<name>.validate.js` (+ `.d.ts`). */
  readonly name: string;
  /** What it validates, for the generated file's doc comment. */
  readonly title: string;
  /** Where the schema comes from (a JSON file, or a module and its export), for people. */
  readonly source: string;
  /** Loads the schema. */
  readonly schema: () => Promise<Readonly<Record<string, unknown>>>;
  /** ajv strict mode (third-party schemas use keywords strict mode rejects). */
  readonly strict: boolean;
  /** The schema uses `format`s (ajv-formats' full set is compiled in). */
  readonly formats: boolean;
  /** The licence notice of a third-party schema, named in the generated file's header. */
  readonly notice?: string;
}

const json = (pkg: string, file: string) => async (): Promise<Readonly<Record<string, unknown>>> => {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(new URL(`../packages/${pkg}/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
};

/** The validators, by package. */
export const VALIDATOR_SPECS: readonly ValidatorSpec[] = [
  ...(['desktop', 'cloud', 'mobile'] as const).map(
    (target): ValidatorSpec => ({
      package: 'bundle',
      name: `${target}-manifest`,
      title: `a ${target} manifest`,
      source: `schemas/${target}-manifest.schema.json`,
      schema: json('bundle', `schemas/${target}-manifest.schema.json`),
      strict: true,
      formats: true,
    }),
  ),
  {
    package: 'packager-cloud',
    name: 'compose-spec',
    title: 'a Compose file (the Compose Specification)',
    source: 'schemas/compose-spec.json',
    schema: json('packager-cloud', 'schemas/compose-spec.json'),
    strict: false,
    formats: false,
    notice: 'schemas/NOTICE (Apache-2.0, The Compose Specification Authors)',
  },
  {
    package: 'packager-cloud',
    name: 'chart-yaml',
    title: "a Helm 3 Chart.yaml",
    source: 'src/chart-yaml-schema.ts CHART_YAML_SCHEMA',
    schema: async () => (await import('../packages/packager-cloud/src/chart-yaml-schema.ts')).CHART_YAML_SCHEMA,
    strict: false,
    formats: false,
  },
  {
    package: 'packager-desktop',
    name: 'electron-builder',
    title: "an electron-builder configuration (app-builder-lib 26.17.0's scheme.json)",
    source: 'schemas/electron-builder-scheme.json',
    schema: json('packager-desktop', 'schemas/electron-builder-scheme.json'),
    strict: false,
    formats: false,
    notice: 'schemas/NOTICE (MIT, Copyright (c) 2015 Loopline Systems)',
  },
  ...(
    [
      ['launch-file', 'runtime/launch.json', 'LAUNCH_FILE_SCHEMA'],
      ['staging-plan', 'staging-plan.json', 'STAGING_PLAN_SCHEMA'],
      ['build-plan', 'build-plan.json', 'BUILD_PLAN_SCHEMA'],
    ] as const
  ).map(
    ([name, file, constant]): ValidatorSpec => ({
      package: 'packager-desktop',
      name,
      title: file,
      source: `src/artifact-schemas.ts ${constant}`,
      schema: async () => (await import('../packages/packager-desktop/src/artifact-schemas.ts'))[constant],
      strict: true,
      formats: false,
    }),
  ),
  ...(['capacitor-config', 'runtime-config', 'secret-plan.mobile', 'server-side-moves'] as const).map(
    (name): ValidatorSpec => ({
      package: 'packager-mobile',
      name,
      title: `${name}.json`,
      source: `schemas/${name}.schema.json`,
      schema: json('packager-mobile', `schemas/${name}.schema.json`),
      strict: false,
      formats: false,
    }),
  ),
];
