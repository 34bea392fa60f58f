import type { CloudManifest, DesktopManifest, MobileManifest } from '../src/index.ts';

/** A small valid desktop manifest: ui -> api -> db, one generated and one prompted secret. */
export function desktopManifest(): DesktopManifest {
  const health = (port: string) => ({ type: 'http' as const, path: '/health', port_name: port, interval_ms: 500, timeout_ms: 2000, retries: 3 });
  return {
    schema_version: 'v0.1',
    target: 'desktop',
    app: { name: 'notes', version: '1.0.0', scenario: 'notes' },
    ipc: { mode: 'loopback-http', host: '127.0.0.1', port: 47900, auth_token_path: 'runtime/auth-token' },
    telemetry: { file: 'telemetry/deployment-telemetry.jsonl' },
    ports: { default_range: { min: 47000, max: 47999 }, reserved: [47500] },
    swaps: [{ original: 'postgres', replacement: 'sqlite', reason: 'bundle-safe storage' }],
    secrets: [
      { id: 'jwt_secret', class: 'per_install_generated', generator: { type: 'random', length: 32, charset: 'alnum' }, target: { type: 'env', name: 'JWT_SECRET' } },
      { id: 'api_key', class: 'user_prompt', format: '^[A-Za-z0-9_-]{20,}$', prompt: { label: 'API key' }, target: { type: 'env', name: 'API_KEY' } },
    ],
    services: [
      {
        id: 'ui',
        type: 'ui-bundle',
        binaries: { 'linux-x64': { path: 'ui/linux-x64/ui' }, 'win-x64': { path: 'ui\\win-x64\\ui.exe' } },
        env: { API_URL: 'http://127.0.0.1:${api.http}' },
        ports: { requested: [{ name: 'http', range: { min: 47010, max: 47020 } }] },
        health: health('http'),
        readiness: { type: 'dependencies_ready', timeout_ms: 30000 },
        dependencies: ['api'],
      },
      {
        id: 'api',
        type: 'api-binary',
        binaries: { 'linux-x64': { path: 'api/linux-x64/api', args: ['--port', '${api.http}'] }, 'win-x64': { path: 'api/win-x64/api.exe' } },
        env: { DATABASE_URL: 'file:${data}/notes.db', DB_PORT: '${db.sql}' },
        secrets: ['jwt_secret', 'api_key'],
        data_dirs: ['data/notes'],
        ports: { requested: [{ name: 'http', range: { min: 47030, max: 47040 } }] },
        health: health('http'),
        readiness: { type: 'health_success' },
        dependencies: ['db'],
        migrations: [{ version: '2025-01-01', command: ['./api', 'migrate', '--dsn', 'file:${data}/notes.db'], run_on: 'first_install' }],
        critical: true,
      },
      {
        id: 'db',
        type: 'resource',
        binaries: { 'linux-x64': { path: 'resources/db/linux-x64/db' }, 'win-x64': { path: 'resources/db/win-x64/db.exe' } },
        ports: { requested: [{ name: 'sql', range: { min: 47050, max: 47060 } }] },
        assets: [{ path: 'resources/db/seed.sql', sha256: 'a'.repeat(64), size_bytes: 10 }],
        health: { type: 'tcp', port_name: 'sql' },
        readiness: { type: 'port_open', port_name: 'sql' },
      },
    ],
  };
}

/** A small valid cloud manifest. */
export function cloudManifest(): CloudManifest {
  return {
    schema_version: 'v0.1',
    target: 'cloud',
    tier: 'saas',
    app: { name: 'notes', version: '1.0.0' },
    secrets: [{ id: 'db_password', class: 'per_install_generated', generator: { type: 'password', length: 24 }, target: { type: 'env', name: 'POSTGRES_PASSWORD' } }],
    services: [
      {
        id: 'api',
        kind: 'app',
        build: { context: 'api' },
        env: { DATABASE_URL: 'postgres://postgres:5432/notes', PORT: '${api.http}', DB_PORT: '${postgres.sql}' },
        secrets: ['db_password'],
        ports: [{ name: 'http', container_port: 8080 }],
        health: { type: 'http', path: '/health', port_name: 'http' },
        dependencies: ['postgres'],
        replicas: 2,
      },
      {
        id: 'postgres',
        kind: 'resource',
        image: 'postgres:16-alpine',
        secrets: ['db_password'],
        ports: [{ name: 'sql', container_port: 5432 }],
        health: { type: 'tcp', port_name: 'sql' },
        volumes: [{ name: 'data', mount_path: '/var/lib/postgresql/data', size: '1Gi', persistent: true }],
      },
    ],
    ingress: { host: 'notes.example.com', tls: true, routes: [{ path: '/', service: 'api', port_name: 'http' }] },
  };
}

/** A small valid mobile manifest. */
export function mobileManifest(): MobileManifest {
  return {
    schema_version: 'v0.1',
    target: 'mobile',
    app: { name: 'notes', version: '1.0.0' },
    app_id: 'com.example.notes',
    platforms: ['ios', 'android'],
    web: { dir: 'ui/dist' },
    remote_services: [{ id: 'api', url: 'https://api.example.com', health_path: '/health', required: true, provides: 'scenario:notes' }],
    embedded: [{ id: 'sqlite', kind: 'plugin', package: '@capacitor-community/sqlite', provides: 'resource:postgres' }],
    secrets: [{ id: 'api_key', class: 'user_prompt', prompt: { label: 'API key' }, target: { type: 'secure_storage', name: 'api_key' } }],
    config: { API_BASE_URL: '${api.url}' },
  };
}
