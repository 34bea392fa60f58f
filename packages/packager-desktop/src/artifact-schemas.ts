/**
 * JSON Schemas (draft-07) of the formats this packager defines itself:
 * `runtime/launch.json`, `staging-plan.json` and `build-plan.json`. Data
 * only; `validate-artifact.ts` compiles them.
 */
import { ENV_NAME_PATTERN } from '@deployment-manager/core/pure';

const str = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;
const strings = { type: 'array', items: str } as const;
const envMap = { type: 'object', additionalProperties: str } as const;
const sha = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const channel = { enum: ['dev', 'beta', 'stable'] } as const;
const os = { enum: ['linux', 'win', 'mac'] } as const;
const app = { type: 'object', required: ['name', 'version'], additionalProperties: false, properties: { name: nonEmpty, version: nonEmpty } } as const;

/** Schema of `runtime/launch.json`. */
export const LAUNCH_FILE_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'deployment-manager.desktop.launch-1.json',
  type: 'object',
  required: ['format', 'app', 'manifest', 'runtime', 'ipc', 'entry', 'startupTimeoutMs'],
  additionalProperties: false,
  properties: {
    format: { const: 'deployment-manager.desktop.launch/1' },
    app: { type: 'object', required: ['name', 'version', 'productName'], additionalProperties: false, properties: { name: nonEmpty, version: nonEmpty, productName: nonEmpty } },
    manifest: { type: 'object', required: ['path'], additionalProperties: false, properties: { path: { const: 'bundle.json' } } },
    runtime: {
      type: 'object',
      required: ['entry', 'args'],
      additionalProperties: false,
      properties: { entry: nonEmpty, args: strings },
    },
    ipc: {
      type: 'object',
      required: ['host', 'port', 'authTokenPath', 'controlFilePath', 'healthPath', 'readyPath', 'portsPath', 'shutdownPath'],
      additionalProperties: false,
      properties: {
        host: nonEmpty,
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        authTokenPath: nonEmpty,
        controlFilePath: { const: 'runtime/control.json' },
        healthPath: { const: '/healthz' },
        readyPath: { const: '/readyz' },
        portsPath: { const: '/ports' },
        shutdownPath: { const: '/shutdown' },
      },
    },
    entry: {
      oneOf: [{ type: 'null' }, { type: 'object', required: ['service', 'portName', 'path'], additionalProperties: false, properties: { service: nonEmpty, portName: nonEmpty, path: { type: 'string', pattern: '^/' } } }],
    },
    startupTimeoutMs: { type: 'integer', minimum: 0 },
  },
};

const stagingEntry = {
  type: 'object',
  required: ['kind', 'origin', 'from', 'to', 'verify', 'executable'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['binary', 'asset', 'asset-dir', 'runtime', 'manifest', 'launch'] },
    service: nonEmpty,
    origin: { enum: ['source', 'out'] },
    from: { type: 'string' },
    to: { type: 'string', minLength: 1, not: { pattern: '(^/|^\\.\\.(/|$)|/\\.\\.(/|$)|\\\\)' } },
    sha256: sha,
    sizeBytes: { type: 'integer', minimum: 0 },
    verify: { type: 'boolean' },
    executable: { type: 'boolean' },
  },
  if: { properties: { verify: { const: true } } },
  then: { required: ['sha256'], properties: { sha256: sha } },
} as const;

/** Schema of `staging-plan.json`. */
export const STAGING_PLAN_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'deployment-manager.desktop.staging-plan-1.json',
  type: 'object',
  required: ['format', 'app', 'resourcesDir', 'platforms'],
  additionalProperties: false,
  properties: {
    format: { const: 'deployment-manager.desktop.staging-plan/1' },
    app,
    resourcesDir: { const: 'bundle' },
    platforms: {
      type: 'array',
      items: { type: 'object', required: ['platform', 'root', 'entries'], additionalProperties: false, properties: { platform: nonEmpty, root: { type: 'string', pattern: '^staging/' }, entries: { type: 'array', items: stagingEntry } } },
    },
  },
};

const step = { type: 'object', required: ['cwd', 'env', 'argv'], additionalProperties: false, properties: { cwd: str, env: envMap, argv: { type: 'array', minItems: 1, items: str } } } as const;
const serviceBuild = {
  type: 'object',
  required: ['service', 'type', 'steps', 'output', 'crossCompiles'],
  additionalProperties: false,
  properties: { service: nonEmpty, type: { enum: ['go', 'rust', 'npm', 'python', 'custom'] }, steps: { type: 'array', items: step }, output: str, crossCompiles: { type: 'boolean' } },
} as const;
const signingEnv = {
  oneOf: [
    { type: 'object', required: ['name', 'fromEnv'], additionalProperties: false, properties: { name: nonEmpty, fromEnv: { type: 'string', pattern: ENV_NAME_PATTERN } } },
    { type: 'object', required: ['name', 'value'], additionalProperties: false, properties: { name: nonEmpty, value: str } },
  ],
} as const;

/** Schema of `build-plan.json`. */
export const BUILD_PLAN_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'deployment-manager.desktop.build-plan-1.json',
  type: 'object',
  required: ['format', 'app', 'sourceRootEnv', 'electronBuilderVersion', 'install', 'platforms'],
  additionalProperties: false,
  properties: {
    format: { const: 'deployment-manager.desktop.build-plan/1' },
    app,
    sourceRootEnv: { const: 'SOURCE_ROOT' },
    electronBuilderVersion: nonEmpty,
    install: { type: 'array', minItems: 1, items: str },
    platforms: {
      type: 'array',
      items: {
        type: 'object',
        required: ['platform', 'os', 'arch', 'builds', 'packageOn', 'signingEnv', 'package', 'gpg'],
        additionalProperties: false,
        properties: {
          platform: nonEmpty,
          os,
          arch: { enum: ['x64', 'arm64', 'ia32', 'armv7l'] },
          builds: { type: 'array', items: serviceBuild },
          packageOn: os,
          signingEnv: { type: 'array', items: signingEnv },
          package: {
            type: 'array',
            items: { type: 'object', required: ['channel', 'config', 'argv'], additionalProperties: false, properties: { channel, config: { type: 'string', pattern: '^electron-builder\\.(dev|beta|stable)\\.json$' }, argv: { type: 'array', minItems: 1, items: str } } },
          },
          gpg: {
            oneOf: [{ type: 'null' }, { type: 'object', required: ['keyId'], additionalProperties: false, properties: { keyId: nonEmpty, passphraseEnv: { type: 'string', pattern: ENV_NAME_PATTERN }, homedir: str } }],
          },
        },
      },
    },
  },
};
