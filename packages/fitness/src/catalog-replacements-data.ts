import type { CatalogEntryInput, Os } from './types.ts';

const EVERYWHERE: readonly Os[] = ['linux', 'macos', 'windows', 'ios', 'android'];
const DESKTOP: readonly Os[] = ['linux', 'macos', 'windows'];

/**
 * The built-in catalog entries for the usual replacements: embedded stores,
 * in-process libraries, hosted APIs and managed services that a swap can
 * bring in instead of a self-hosted daemon.
 */
export const REPLACEMENT_CATALOG_DATA: readonly CatalogEntryInput[] = [
  { name: 'sqlite', aliases: ['sqlite3'], description: 'SQLite embedded SQL database (a library and a file)', category: 'database',
    daemon: false, network: 'none', ramMb: 16, diskMb: 2, license: { spdx: 'blessing', class: 'permissive' },
    platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] }, persistence: 'durable',
    // SQLite has JSON functions (`json`), but not postgres' indexed binary `jsonb` operators and GIN indexes.
    provides: ['sql', 'transactions', 'json', 'full-text-search', 'embedded'], assumedNeeds: ['sql'] },
  { name: 'in-process-cache', aliases: ['memory-cache', 'lru-cache'], description: 'An in-process LRU cache inside the app', category: 'cache',
    daemon: false, network: 'none', ramMb: 64, diskMb: 0, platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] }, persistence: 'cache',
    provides: ['cache', 'key-value'], license: { spdx: 'MIT', class: 'permissive' } },
  { name: 'faiss', description: 'FAISS in-process vector index library', category: 'vector-store', daemon: false, network: 'none', ramMb: 512, diskMb: 50,
    license: { spdx: 'MIT', class: 'permissive' }, platforms: { os: DESKTOP, arch: ['x64', 'arm64'] }, persistence: 'durable', provides: ['vector-search'] },
  { name: 'local-vector-index', aliases: ['sqlite-vec'], description: 'sqlite-vec vector search inside an SQLite file', category: 'vector-store',
    daemon: false, network: 'none', ramMb: 64, diskMb: 5, license: { spdx: 'Apache-2.0 OR MIT', class: 'permissive' },
    platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] }, persistence: 'durable', provides: ['vector-search'], requires: ['sqlite'] },
  { name: 'openai', description: 'OpenAI hosted API (chat, embeddings, speech, images)', category: 'llm', hosted: true,
    provides: ['llm-inference', 'embeddings', 'speech-to-text', 'image-generation'], assumedNeeds: ['llm-inference'],
    secrets: [{ name: 'OPENAI_API_KEY', kind: 'api-key', required: true }] },
  { name: 'anthropic', description: 'Anthropic hosted Claude API', category: 'llm', hosted: true, provides: ['llm-inference'],
    secrets: [{ name: 'ANTHROPIC_API_KEY', kind: 'api-key', required: true }] },
  { name: 'packaged-model', aliases: ['llama-cpp', 'llamafile'], description: 'A small quantized model run in-process (llama.cpp, GGUF file shipped with the app)',
    category: 'llm', daemon: false, network: 'none', gpu: 'optional', ramMb: 3072, diskMb: 2500, license: { spdx: 'MIT', class: 'permissive' },
    platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] }, persistence: 'none', provides: ['llm-inference', 'embeddings'] },
  { name: 'embedded-workflows', description: 'An in-process workflow/state-machine library persisting to SQLite', category: 'workflow',
    daemon: false, network: 'none', ramMb: 64, diskMb: 10, license: { spdx: 'MIT', class: 'permissive' },
    platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] }, persistence: 'durable', provides: ['workflow-engine'], requires: ['sqlite'] },
  { name: 'playwright-driver', aliases: ['playwright'], description: 'Playwright driving a bundled browser from the app process', category: 'browser',
    daemon: false, network: 'none', ramMb: 256, diskMb: 50, license: { spdx: 'Apache-2.0', class: 'permissive' },
    platforms: { os: DESKTOP, arch: ['x64', 'arm64'] }, provides: ['browser-automation', 'screenshots', 'pdf-rendering'], requires: ['chromium'] },
  { name: 'chromium', description: 'A bundled headless Chromium build', category: 'browser', daemon: false, network: 'none', ramMb: 1024, diskMb: 400,
    license: { spdx: 'BSD-3-Clause', class: 'permissive' }, platforms: { os: DESKTOP, arch: ['x64', 'arm64'] }, provides: ['headless-browser'] },
  { name: 's3', aliases: ['aws-s3'], description: 'Amazon S3 (or any hosted S3-compatible bucket)', category: 'object-storage', hosted: true, persistence: 'durable',
    provides: ['object-storage', 's3-api'], secrets: [{ name: 'AWS_ACCESS_KEY_ID', kind: 'api-key', required: true }, { name: 'AWS_SECRET_ACCESS_KEY', kind: 'api-key', required: true }] },
  { name: 'local-filesystem', aliases: ['filesystem'], description: 'Files in the app data directory', category: 'object-storage', daemon: false, network: 'none',
    ramMb: 0, diskMb: 0, license: { spdx: 'NONE', class: 'permissive' }, platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] }, persistence: 'durable',
    provides: ['object-storage'] },
  { name: 'supabase', description: 'Supabase hosted Postgres with auth and REST', category: 'database', hosted: true, persistence: 'durable',
    provides: ['sql', 'jsonb', 'transactions', 'full-text-search', 'concurrent-writes', 'listen-notify', 'auth', 'rest-api'], assumedNeeds: ['sql', 'jsonb'],
    secrets: [{ name: 'SUPABASE_ANON_KEY', kind: 'api-key', required: true }, { name: 'SUPABASE_SERVICE_ROLE_KEY', kind: 'api-key', required: true }] },
  { name: 'managed-postgres', aliases: ['cloud-postgres', 'saas-postgres', 'rds-postgres'], description: 'A managed Postgres service (RDS, Cloud SQL, Neon...)',
    category: 'database', hosted: true, persistence: 'durable', provides: ['sql', 'jsonb', 'transactions', 'full-text-search', 'concurrent-writes', 'listen-notify'],
    assumedNeeds: ['sql', 'jsonb'], secrets: [{ name: 'DATABASE_URL', kind: 'connection-string', required: true }] },
  { name: 'managed-redis', aliases: ['cloud-redis', 'saas-redis'], description: 'A managed Redis-compatible service', category: 'cache', hosted: true, persistence: 'cache',
    provides: ['cache', 'key-value', 'pub-sub', 'queue'], assumedNeeds: ['cache', 'key-value'], secrets: [{ name: 'REDIS_URL', kind: 'connection-string', required: true }] },
  { name: 'qdrant-cloud', aliases: ['cloud-qdrant', 'saas-qdrant'], description: 'Qdrant Cloud managed vector database', category: 'vector-store', hosted: true,
    persistence: 'durable', provides: ['vector-search', 'payload-filtering'], assumedNeeds: ['vector-search'], secrets: [{ name: 'QDRANT_API_KEY', kind: 'api-key', required: true }] },
  { name: 'os-keychain', description: 'The operating system credential store (Keychain, DPAPI, libsecret, Keystore)', category: 'secrets', daemon: false,
    network: 'none', ramMb: 0, diskMb: 0, license: { spdx: 'NONE', class: 'permissive' }, platforms: { os: EVERYWHERE, arch: ['x64', 'arm64'] },
    persistence: 'durable', provides: ['secret-storage'] },
];
