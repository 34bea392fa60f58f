import type { CatalogEntryInput } from '../types.ts';

const EVERYWHERE = { os: ['linux', 'macos', 'windows', 'ios', 'android'], arch: ['x64', 'arm64'] } as const;
const DESKTOP = { os: ['linux', 'macos', 'windows'], arch: ['x64', 'arm64'] } as const;

/**
 * The built-in records of the usual replacements: embedded stores,
 * in-process libraries, hosted APIs and managed services that a swap can
 * bring in instead of a self-hosted daemon. A managed service's record names
 * its connection secret (`connection: true`): the URL or key without which
 * the app cannot reach it.
 */
export const REPLACEMENT_RECORDS: readonly CatalogEntryInput[] = [
  {
    name: 'sqlite', aliases: ['sqlite3'], description: 'SQLite embedded SQL database (a library and a file)', category: 'database', daemon: false, network: 'none',
    ramMb: 16, diskMb: 2, license: { spdx: 'blessing', class: 'permissive' }, platforms: EVERYWHERE, persistence: 'durable', version: '3.47.2',
    // SQLite has JSON functions (`json`), but not postgres' indexed binary `jsonb` operators and GIN indexes.
    provides: ['sql', 'transactions', 'json', 'full-text-search', 'embedded'],
    assumedNeeds: ['sql'],
    secrets: [],
  },
  {
    name: 'in-process-cache', aliases: ['memory-cache', 'lru-cache'], description: 'An in-process LRU cache inside the app', category: 'cache', daemon: false, network: 'none',
    ramMb: 64, diskMb: 0, platforms: EVERYWHERE, persistence: 'cache', license: { spdx: 'MIT', class: 'permissive' },
    provides: ['cache', 'key-value'],
    secrets: [],
  },
  {
    name: 'faiss', description: 'FAISS in-process vector index library', category: 'vector-store', daemon: false, network: 'none', ramMb: 512, diskMb: 50,
    license: { spdx: 'MIT', class: 'permissive' }, platforms: DESKTOP, persistence: 'durable',
    provides: ['vector-search'],
    secrets: [],
  },
  {
    name: 'local-vector-index', aliases: ['sqlite-vec'], description: 'sqlite-vec vector search inside an SQLite file', category: 'vector-store', daemon: false, network: 'none',
    ramMb: 64, diskMb: 5, license: { spdx: 'Apache-2.0 OR MIT', class: 'permissive' }, platforms: EVERYWHERE, persistence: 'durable',
    provides: ['vector-search'],
    requires: ['sqlite'],
    secrets: [],
  },
  {
    name: 'openai', description: 'OpenAI hosted API (chat, embeddings, speech, images)', category: 'llm', hosted: true,
    provides: ['llm-inference', 'embeddings', 'speech-to-text', 'image-generation'],
    assumedNeeds: ['llm-inference'],
    secrets: [
      { key: 'api_key', env: 'OPENAI_API_KEY', kind: 'api-key', connection: true, description: 'openai api key',
        prompt: { label: 'OpenAI API key', description: 'create one at platform.openai.com under api keys', format: '^sk-[A-Za-z0-9_-]{20,}$', hint: 'starts with sk-' } },
    ],
  },
  {
    name: 'anthropic', description: 'Anthropic hosted Claude API', category: 'llm', hosted: true,
    provides: ['llm-inference'],
    secrets: [
      { key: 'api_key', env: 'ANTHROPIC_API_KEY', kind: 'api-key', connection: true, description: 'anthropic api key',
        prompt: { label: 'Anthropic API key', description: 'create one in the anthropic console', format: '^sk-ant-[A-Za-z0-9_-]{20,}$', hint: 'starts with sk-ant-' } },
    ],
  },
  {
    name: 'packaged-model', aliases: ['llama-cpp', 'llamafile'], description: 'A small quantized model run in-process (llama.cpp, GGUF file shipped with the app)',
    category: 'llm', daemon: false, network: 'none', gpu: 'optional', ramMb: 3072, diskMb: 2500, license: { spdx: 'MIT', class: 'permissive' },
    platforms: EVERYWHERE, persistence: 'none',
    provides: ['llm-inference', 'embeddings'],
    secrets: [],
  },
  {
    name: 'embedded-workflows', description: 'An in-process workflow/state-machine library persisting to SQLite', category: 'workflow', daemon: false, network: 'none',
    ramMb: 64, diskMb: 10, license: { spdx: 'MIT', class: 'permissive' }, platforms: EVERYWHERE, persistence: 'durable',
    provides: ['workflow-engine'],
    requires: ['sqlite'],
    secrets: [],
  },
  {
    name: 'playwright-driver', aliases: ['playwright'], description: 'Playwright driving a bundled browser from the app process', category: 'browser', daemon: false, network: 'none',
    ramMb: 256, diskMb: 50, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: DESKTOP,
    provides: ['browser-automation', 'screenshots', 'pdf-rendering'],
    requires: ['chromium'],
    secrets: [],
  },
  {
    name: 'chromium', description: 'A bundled headless Chromium build', category: 'browser', daemon: false, network: 'none', ramMb: 1024, diskMb: 400,
    license: { spdx: 'BSD-3-Clause', class: 'permissive' }, platforms: DESKTOP,
    provides: ['headless-browser'],
    secrets: [],
  },
  {
    name: 's3', aliases: ['aws-s3'], description: 'Amazon S3 (or any hosted S3-compatible bucket)', category: 'object-storage', hosted: true, persistence: 'durable',
    provides: ['object-storage', 's3-api'],
    secrets: [
      { key: 'access_key_id', env: 'AWS_ACCESS_KEY_ID', kind: 'access-key-id', connection: true, description: 'aws access key id', prompt: { label: 'AWS access key id', format: '^[A-Z0-9]{16,128}$' } },
      { key: 'secret_access_key', env: 'AWS_SECRET_ACCESS_KEY', kind: 'secret-access-key', description: 'aws secret access key', prompt: { label: 'AWS secret access key' } },
    ],
  },
  {
    name: 'local-filesystem', aliases: ['filesystem'], description: 'Files in the app data directory', category: 'object-storage', daemon: false, network: 'none',
    ramMb: 0, diskMb: 0, license: { spdx: 'NONE', class: 'permissive' }, platforms: EVERYWHERE, persistence: 'durable',
    provides: ['object-storage'],
    secrets: [],
  },
  {
    name: 'supabase', description: 'Supabase hosted Postgres with auth and REST', category: 'database', hosted: true, persistence: 'durable', version: '15.8',
    provides: ['sql', 'jsonb', 'transactions', 'full-text-search', 'concurrent-writes', 'listen-notify', 'auth', 'rest-api'],
    assumedNeeds: ['sql', 'jsonb'],
    compatibleWith: ['postgres'],
    secrets: [
      { key: 'database_url', env: 'DATABASE_URL', kind: 'connection-string', connection: true, description: 'postgres connection url of the supabase project database',
        prompt: { label: 'Supabase database URL', description: 'the connection string under project settings, database', format: '^postgres(ql)?://', hint: 'postgresql://postgres.<project>:<password>@<host>:5432/postgres' } },
      { key: 'url', env: 'SUPABASE_URL', kind: 'connection-string', connection: true, description: 'url of the supabase project api',
        prompt: { label: 'Supabase project URL', format: '^https://', hint: 'https://<project>.supabase.co' } },
      { key: 'anon_key', env: 'SUPABASE_ANON_KEY', kind: 'api-key', description: 'supabase anon (public) api key' },
      { key: 'service_role_key', env: 'SUPABASE_SERVICE_ROLE_KEY', kind: 'api-key', description: 'supabase service role api key (server side only)' },
    ],
  },
  {
    name: 'managed-postgres', aliases: ['cloud-postgres', 'saas-postgres', 'rds-postgres'], description: 'A managed Postgres service (RDS, Cloud SQL, Neon...)',
    category: 'database', hosted: true, persistence: 'durable', version: '16.6',
    provides: ['sql', 'jsonb', 'transactions', 'full-text-search', 'concurrent-writes', 'listen-notify'],
    assumedNeeds: ['sql', 'jsonb'],
    compatibleWith: ['postgres'],
    secrets: [
      { key: 'database_url', env: 'DATABASE_URL', kind: 'connection-string', connection: true, description: 'connection url of the managed postgres database',
        prompt: { label: 'Postgres connection URL', description: 'the connection string of the managed database, with its user and password', format: '^postgres(ql)?://', hint: 'postgresql://<user>:<password>@<host>:5432/<database>' } },
    ],
  },
  {
    name: 'managed-redis', aliases: ['cloud-redis', 'saas-redis'], description: 'A managed Redis-compatible service', category: 'cache', hosted: true, persistence: 'cache', version: '7.4.2',
    provides: ['cache', 'key-value', 'pub-sub', 'queue'],
    assumedNeeds: ['cache', 'key-value'],
    compatibleWith: ['redis'],
    secrets: [
      { key: 'redis_url', env: 'REDIS_URL', kind: 'connection-string', connection: true, description: 'connection url of the managed redis endpoint',
        prompt: { label: 'Redis connection URL', format: '^rediss?://', hint: 'rediss://default:<password>@<host>:6379' } },
    ],
  },
  {
    name: 'qdrant-cloud', aliases: ['cloud-qdrant', 'saas-qdrant'], description: 'Qdrant Cloud managed vector database', category: 'vector-store', hosted: true,
    persistence: 'durable', version: '1.12.4',
    provides: ['vector-search', 'payload-filtering'],
    assumedNeeds: ['vector-search'],
    compatibleWith: ['qdrant'],
    secrets: [
      { key: 'url', env: 'QDRANT_URL', kind: 'connection-string', connection: true, description: 'url of the qdrant cloud cluster',
        prompt: { label: 'Qdrant cluster URL', format: '^https?://', hint: 'https://<cluster>.cloud.qdrant.io:6333' } },
      { key: 'api_key', env: 'QDRANT_API_KEY', kind: 'api-key', description: 'qdrant cloud api key' },
    ],
  },
  {
    name: 'os-keychain', description: 'The operating system credential store (Keychain, DPAPI, libsecret, Keystore)', category: 'secrets', daemon: false,
    network: 'none', ramMb: 0, diskMb: 0, license: { spdx: 'NONE', class: 'permissive' }, platforms: EVERYWHERE, persistence: 'durable',
    provides: ['secret-storage'],
    secrets: [],
  },
];
