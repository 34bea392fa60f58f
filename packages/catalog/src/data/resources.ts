import type { CatalogEntryInput } from '../types.ts';

// Facts, not scores: each record says what the dependency needs, provides,
// keeps and reads. Sources: each project's own documentation and its official
// container image's documentation (licence, default ports, supported
// platforms, data directory, the environment its image reads); RAM/disk are
// typical single-node footprints, rounded. A record without `secrets` has
// secrets nobody has stated yet (the secrets planner reports them unknown).

/**
 * The built-in records of infrastructure resources: every resource that
 * appears in the Vrooli fixtures (scenario declarations and runtime.json
 * files), and a few more that real scenarios name. Replacements live in
 * {@link REPLACEMENT_RECORDS}.
 */
export const RESOURCE_RECORDS: readonly CatalogEntryInput[] = [
  {
    name: 'postgres', aliases: ['postgresql', 'pg'], description: 'PostgreSQL relational database server', category: 'database', ramMb: 512, diskMb: 300, license: { spdx: 'PostgreSQL', class: 'permissive' }, persistence: 'durable', hosting: 'server-daemon',    version: '16.6',
    container: { image: 'postgres', tag: '16.6-alpine', dataDir: '/var/lib/postgresql/data', env: { PGDATA: '/var/lib/postgresql/data/pgdata' } },
    health: { type: 'command', command: ['pg_isready', '-q', '-h', '127.0.0.1'] },

    provides: ['sql', 'jsonb', 'transactions', 'full-text-search', 'concurrent-writes', 'listen-notify'],
    assumedNeeds: ['sql', 'jsonb'],
    ports: [{ name: 'sql', port: 5432, protocol: 'tcp' }],
    secrets: [
      { key: 'user', env: 'POSTGRES_USER', kind: 'database-user', description: 'postgres role the application connects as' },
      { key: 'password', env: 'POSTGRES_PASSWORD', kind: 'database-password', description: 'password of the postgres application role' },
    ],
    swaps: [
      { to: 'sqlite', tiers: ['desktop', 'mobile', 'local'], effort: 'medium', note: 'embed the database in a file; port postgres-only sql (jsonb operators, listen/notify) and migrations' },
      { to: 'managed-postgres', tiers: ['saas', 'mobile', 'desktop'], effort: 'low', note: 'point the connection string at a managed instance; same sql' },
      { to: 'supabase', tiers: ['saas', 'mobile', 'desktop'], effort: 'low', note: 'hosted postgres with auth and rest; same sql' },
    ],
  },
  {
    name: 'redis', description: 'Redis in-memory key-value store', category: 'cache', ramMb: 256, diskMb: 50, license: { spdx: 'AGPL-3.0-only OR RSALv2 OR SSPL-1.0', class: 'network-copyleft' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] }, persistence: 'cache', hosting: 'server-daemon',    version: '7.4.2',
    // The official image reads no password variable: its server gets the password on the command line, through a shell.
    container: { image: 'redis', tag: '7.4.2-alpine', dataDir: '/data', command: ['sh', '-c', 'exec redis-server --appendonly yes --requirepass "$REDIS_PASSWORD"'] },
    health: { type: 'command', command: ['redis-cli', 'ping'] },

    provides: ['cache', 'key-value', 'pub-sub', 'queue'],
    assumedNeeds: ['cache', 'key-value'],
    ports: [{ name: 'redis', port: 6379, protocol: 'tcp' }],
    secrets: [
      { key: 'password', env: 'REDIS_PASSWORD', kind: 'service-password', description: 'redis AUTH password' },
    ],
    swaps: [
      { to: 'in-process-cache', tiers: ['desktop', 'mobile'], effort: 'low', note: 'cache in memory inside the app; no pub/sub or queues across processes' },
      { to: 'managed-redis', tiers: ['saas', 'mobile'], effort: 'low', note: 'use a managed redis-compatible endpoint' },
    ],
  },
  {
    name: 'qdrant', description: 'Qdrant vector database server', category: 'vector-store', ramMb: 512, diskMb: 200, license: { spdx: 'Apache-2.0', class: 'permissive' }, persistence: 'durable', hosting: 'bundled-service',    version: '1.12.4',
    container: { image: 'qdrant/qdrant', tag: 'v1.12.4', dataDir: '/qdrant/storage' },
    health: { type: 'tcp', port: 'http' },

    provides: ['vector-search', 'payload-filtering'],
    assumedNeeds: ['vector-search'],
    ports: [{ name: 'http', port: 6333, protocol: 'http' }, { name: 'grpc', port: 6334, protocol: 'grpc' }],
    secrets: [
      { key: 'api_key', env: 'QDRANT_API_KEY', serviceEnv: 'QDRANT__SERVICE__API_KEY', kind: 'api-key', description: 'qdrant api key' },
    ],
    swaps: [
      { to: 'local-vector-index', tiers: ['desktop', 'mobile'], effort: 'medium', note: 'keep vectors in sqlite-vec; re-index collections, no payload filtering dsl' },
      { to: 'faiss', tiers: ['desktop'], effort: 'medium', note: 'in-process faiss index files; re-index, filter payloads in code' },
      { to: 'qdrant-cloud', tiers: ['saas', 'mobile'], effort: 'low', note: 'same api on a managed cluster' },
    ],
  },
  {
    name: 'ollama', description: 'Ollama local LLM inference server', category: 'llm', gpu: 'optional', ramMb: 8192, diskMb: 5000, license: { spdx: 'MIT', class: 'permissive' }, persistence: 'cache', hosting: 'bundled-service',    version: '0.5.7',
    container: { image: 'ollama/ollama', tag: '0.5.7', dataDir: '/root/.ollama' },
    health: { type: 'tcp', port: 'http' },

    provides: ['llm-inference', 'embeddings'],
    assumedNeeds: ['llm-inference'],
    ports: [{ name: 'http', port: 11434, protocol: 'http' }],
    secrets: [],
    swaps: [
      { to: 'packaged-model', tiers: ['desktop'], effort: 'medium', note: 'ship a small quantized model and run it in-process; smaller models, lower quality' },
      { to: 'openrouter', tiers: ['mobile', 'saas', 'desktop'], effort: 'low', note: 'call a hosted llm api; needs an api key and the internet' },
      { to: 'openai', tiers: ['mobile', 'saas', 'desktop'], effort: 'low', note: 'call the openai api; needs an api key and the internet' },
      { to: 'anthropic', tiers: ['mobile', 'saas', 'desktop'], effort: 'low', note: 'call the anthropic api; no embeddings endpoint' },
    ],
  },
  {
    name: 'n8n', description: 'n8n workflow automation server', category: 'workflow', ramMb: 1024, diskMb: 800, license: { spdx: 'Sustainable-Use-License', class: 'source-available' }, persistence: 'durable', hosting: 'bundled-service',    version: '1.80.0',
    container: { image: 'n8nio/n8n', tag: '1.80.0', dataDir: '/home/node/.n8n' },
    health: { type: 'http', port: 'http', path: '/healthz' },

    provides: ['workflow-engine', 'webhooks', 'integrations'],
    assumedNeeds: ['workflow-engine'],
    ports: [{ name: 'http', port: 5678, protocol: 'http' }],
    secrets: [
      { key: 'api_key', env: 'N8N_API_KEY', readBy: 'dependents', kind: 'api-key', description: 'n8n public api key the application calls workflows with (created in n8n, not read by it from the environment)' },
      { key: 'webhook_secret', env: 'N8N_WEBHOOK_SECRET', readBy: 'dependents', kind: 'webhook-secret', description: 'shared secret that authenticates n8n webhook calls' },
      { key: 'encryption_key', env: 'N8N_ENCRYPTION_KEY', readBy: 'service', kind: 'encryption-key', description: 'key n8n encrypts stored credentials with' },
    ],
    swaps: [
      { to: 'embedded-workflows', tiers: ['desktop', 'mobile', 'saas'], effort: 'high', note: 're-implement the workflows in code on an in-process engine' },
    ],
  },
  {
    name: 'minio', description: 'MinIO S3-compatible object storage server', category: 'object-storage', ramMb: 512, diskMb: 200, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, persistence: 'durable', hosting: 'server-daemon',    version: '2025.1.20',
    container: { image: 'minio/minio', tag: 'RELEASE.2025-01-20T14-49-07Z', dataDir: '/data', args: ['server', '/data', '--console-address', ':9001'] },
    health: { type: 'http', port: 'api', path: '/minio/health/live' },

    provides: ['object-storage', 's3-api'],
    assumedNeeds: ['object-storage'],
    ports: [{ name: 'api', port: 9000, protocol: 'http' }, { name: 'console', port: 9001, protocol: 'http' }],
    secrets: [
      { key: 'access_key', env: 'MINIO_ACCESS_KEY', serviceEnv: 'MINIO_ROOT_USER', kind: 'access-key-id', description: 'minio access key (root user)' },
      { key: 'secret_key', env: 'MINIO_SECRET_KEY', serviceEnv: 'MINIO_ROOT_PASSWORD', kind: 'secret-access-key', description: 'minio secret key (root password)' },
    ],
    swaps: [
      { to: 'local-filesystem', tiers: ['desktop', 'mobile'], effort: 'low', note: 'store blobs as files in the app data directory; no s3 api' },
      { to: 's3', tiers: ['saas', 'mobile'], effort: 'low', note: 'use a hosted bucket; same s3 api' },
    ],
  },
  {
    name: 'browserless', description: 'Browserless headless Chrome service', category: 'browser', ramMb: 2048, diskMb: 1500, license: { spdx: 'SSPL-1.0', class: 'source-available' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, hosting: 'bundled-service',    version: '2.24.0',
    container: { image: 'ghcr.io/browserless/chromium', tag: 'v2.24.0' },
    health: { type: 'tcp', port: 'http' },

    provides: ['browser-automation', 'headless-browser', 'screenshots', 'pdf-rendering'],
    assumedNeeds: ['browser-automation'],
    ports: [{ name: 'http', port: 3000, protocol: 'http' }],
    secrets: [
      { key: 'token', env: 'BROWSERLESS_TOKEN', kind: 'token', description: 'browserless access token' },
    ],
    swaps: [
      { to: 'playwright-driver', tiers: ['desktop', 'saas'], effort: 'medium', note: 'drive a bundled chromium from the app with playwright' },
    ],
  },
  {
    name: 'claude-code', description: 'Claude Code agentic coding CLI (calls the Anthropic API)', category: 'ai-agent', daemon: false, network: 'internet', offline: false, ramMb: 512, diskMb: 200, license: { spdx: 'LicenseRef-Anthropic-Commercial', class: 'proprietary' }, hosting: 'hosted-api',
    provides: ['ai-coding-agent', 'llm-inference'],
    assumedNeeds: ['ai-coding-agent'],
    secrets: [
      { key: 'api_key', id: 'anthropic.api_key', env: 'ANTHROPIC_API_KEY', kind: 'api-key', description: 'anthropic api key' },
    ],
    swaps: [
      { to: 'anthropic', tiers: ['mobile', 'saas'], effort: 'medium', note: 'call the api directly instead of driving the cli' },
    ],
  },
  {
    name: 'codex', description: 'OpenAI Codex agentic coding CLI (calls the OpenAI API)', category: 'ai-agent', daemon: false, network: 'internet', offline: false, ramMb: 512, diskMb: 100, license: { spdx: 'Apache-2.0', class: 'permissive' }, hosting: 'hosted-api',
    provides: ['ai-coding-agent', 'llm-inference'],
    assumedNeeds: ['ai-coding-agent'],
    secrets: [
      { key: 'api_key', id: 'openai.api_key', env: 'OPENAI_API_KEY', kind: 'api-key', description: 'openai api key' },
    ],
  },
  {
    name: 'opencode', description: 'opencode agentic coding CLI (calls hosted model providers)', category: 'ai-agent', daemon: false, network: 'internet', offline: false, ramMb: 256, diskMb: 100, license: { spdx: 'MIT', class: 'permissive' },
    provides: ['ai-coding-agent'],
  },
  {
    name: 'comfyui', description: 'ComfyUI node-based image generation server', category: 'image-generation', gpu: 'required', ramMb: 8192, diskMb: 10000, license: { spdx: 'GPL-3.0-only', class: 'strong-copyleft' }, persistence: 'cache', hosting: 'bundled-service',
    provides: ['image-generation'],
    ports: [{ name: 'http', port: 8188, protocol: 'http' }],
    secrets: [],
  },
  {
    name: 'crewai', description: 'CrewAI multi-agent orchestration framework', category: 'ai-agent', daemon: false, ramMb: 512, diskMb: 300, license: { spdx: 'MIT', class: 'permissive' }, hosting: 'embedded-library',
    provides: ['agent-orchestration'],
    secrets: [],
  },
  {
    name: 'esphome', description: 'ESPHome firmware builder and dashboard for microcontrollers', category: 'iot', ramMb: 256, diskMb: 1000, license: { spdx: 'GPL-3.0-only', class: 'strong-copyleft' }, persistence: 'durable',
    provides: ['iot-firmware'],
    ports: [{ name: 'dashboard', port: 6052, protocol: 'http' }],
  },
  {
    name: 'freecad', description: 'FreeCAD parametric 3D CAD modeller', category: 'cad', daemon: false, network: 'none', ramMb: 2048, diskMb: 1500, license: { spdx: 'LGPL-2.0-or-later', class: 'weak-copyleft' },
    provides: ['cad-modeling'],
  },
  {
    name: 'gazebo', description: 'Gazebo robotics simulator', category: 'simulation', gpu: 'optional', ramMb: 4096, diskMb: 3000, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] },
    provides: ['robotics-simulation'],
  },
  {
    name: 'gridlabd', description: 'GridLAB-D power distribution simulator', category: 'simulation', daemon: false, network: 'none', ramMb: 1024, diskMb: 500, license: { spdx: 'BSD-3-Clause', class: 'permissive' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] },
    provides: ['power-grid-simulation'],
  },
  {
    name: 'huginn', description: 'Huginn agent-based automation server', category: 'workflow', ramMb: 1024, diskMb: 1000, license: { spdx: 'MIT', class: 'permissive' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'bundled-service',
    provides: ['workflow-engine', 'web-agents'],
    assumedNeeds: ['workflow-engine'],
    ports: [{ name: 'http', port: 3000, protocol: 'http' }],
    secrets: [
      { key: 'api_key', env: 'HUGINN_API_KEY', kind: 'api-key', description: 'huginn api key for agents and scenarios' },
      { key: 'webhook_secret', env: 'HUGINN_WEBHOOK_SECRET', kind: 'webhook-secret', description: 'shared secret for huginn webhook agents' },
    ],
    swaps: [
      { to: 'embedded-workflows', tiers: ['desktop', 'mobile'], effort: 'high', note: 're-implement the agents in code' },
    ],
  },
  {
    name: 'k6', description: 'Grafana k6 load-testing tool', category: 'testing', daemon: false, ramMb: 256, diskMb: 100, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, hosting: 'embedded-library',
    provides: ['load-testing'],
    secrets: [],
  },
  {
    name: 'keycloak', description: 'Keycloak identity and access management server', category: 'identity', ramMb: 1024, diskMb: 500, license: { spdx: 'Apache-2.0', class: 'permissive' }, persistence: 'durable', hosting: 'server-daemon',    version: '26.1.0',
    container: { image: 'quay.io/keycloak/keycloak', tag: '26.1.0', dataDir: '/opt/keycloak/data', args: ['start-dev'], env: { KC_BOOTSTRAP_ADMIN_USERNAME: 'admin' } },
    health: { type: 'tcp', port: 'http' },

    provides: ['identity-provider', 'oidc', 'saml'],
    assumedNeeds: ['oidc'],
    ports: [{ name: 'http', port: 8080, protocol: 'http' }],
    secrets: [
      { key: 'admin_password', env: 'KEYCLOAK_ADMIN_PASSWORD', serviceEnv: 'KC_BOOTSTRAP_ADMIN_PASSWORD', readBy: 'service', kind: 'service-password', description: 'keycloak admin console password' },
    ],
  },
  {
    name: 'llamaindex', description: 'LlamaIndex retrieval-augmented generation framework', category: 'ai-framework', daemon: false, ramMb: 512, diskMb: 300, license: { spdx: 'MIT', class: 'permissive' }, hosting: 'embedded-library',
    provides: ['rag-framework'],
    secrets: [],
  },
  {
    name: 'matrix-synapse', description: 'Synapse Matrix homeserver', category: 'messaging', ramMb: 1024, diskMb: 500, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'server-daemon',
    provides: ['chat-messaging', 'federation'],
    ports: [{ name: 'http', port: 8008, protocol: 'http' }],
    secrets: [
      { key: 'registration_secret', env: 'SYNAPSE_REGISTRATION_SHARED_SECRET', kind: 'token', description: 'synapse shared secret for registering users' },
      { key: 'macaroon_key', env: 'SYNAPSE_MACAROON_SECRET_KEY', kind: 'signing-key', description: 'synapse macaroon signing key' },
    ],
  },
  {
    name: 'mesa', description: 'Mesa agent-based modelling library (Python)', category: 'simulation', daemon: false, network: 'none', ramMb: 256, diskMb: 50, license: { spdx: 'Apache-2.0', class: 'permissive' }, hosting: 'embedded-library',
    provides: ['agent-based-simulation'],
    secrets: [],
  },
  {
    name: 'nextcloud', description: 'Nextcloud file sync and collaboration server', category: 'object-storage', ramMb: 1024, diskMb: 1000, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'server-daemon',
    provides: ['file-sync', 'webdav', 'collaboration'],
    ports: [{ name: 'http', port: 80, protocol: 'http' }],
    secrets: [
      { key: 'admin_password', env: 'NEXTCLOUD_ADMIN_PASSWORD', kind: 'service-password', description: 'nextcloud admin password' },
    ],
  },
  {
    name: 'node-red', description: 'Node-RED flow-based automation server', category: 'workflow', ramMb: 256, diskMb: 200, license: { spdx: 'Apache-2.0', class: 'permissive' }, persistence: 'durable', hosting: 'bundled-service',    version: '4.0.8',
    container: { image: 'nodered/node-red', tag: '4.0.8', dataDir: '/data' },
    health: { type: 'http', port: 'http', path: '/' },

    provides: ['workflow-engine', 'flow-automation', 'iot-integration'],
    assumedNeeds: ['workflow-engine'],
    ports: [{ name: 'http', port: 1880, protocol: 'http' }],
    secrets: [
      { key: 'credential_secret', env: 'NODE_RED_CREDENTIAL_SECRET', kind: 'encryption-key', description: 'key node-red encrypts flow credentials with' },
    ],
    swaps: [
      { to: 'embedded-workflows', tiers: ['desktop', 'mobile'], effort: 'high', note: 're-implement the flows in code' },
    ],
  },
  {
    name: 'nsfw-detector', description: 'NSFW image classification API', category: 'vision', gpu: 'optional', ramMb: 1024, diskMb: 500, license: { spdx: 'MIT', class: 'permissive' }, hosting: 'bundled-service',
    provides: ['content-moderation', 'image-classification'],
    secrets: [],
  },
  {
    name: 'obs-studio', description: 'OBS Studio screen recording and streaming', category: 'media', daemon: false, network: 'none', gpu: 'optional', ramMb: 1024, diskMb: 500, license: { spdx: 'GPL-2.0-or-later', class: 'strong-copyleft' }, hosting: 'bundled-service',
    provides: ['screen-recording', 'video-streaming'],
    secrets: [
      { key: 'websocket_password', env: 'OBS_WEBSOCKET_PASSWORD', kind: 'service-password', description: 'obs websocket password' },
    ],
  },
  {
    name: 'octoprint', description: 'OctoPrint 3D printer controller', category: 'iot', ramMb: 256, diskMb: 300, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'bundled-service',
    provides: ['3d-printer-control'],
    ports: [{ name: 'http', port: 5000, protocol: 'http' }],
    secrets: [
      { key: 'api_key', env: 'OCTOPRINT_API_KEY', kind: 'api-key', description: 'octoprint api key' },
    ],
  },
  {
    name: 'odoo', description: 'Odoo ERP server (community edition)', category: 'erp', ramMb: 2048, diskMb: 2000, license: { spdx: 'LGPL-3.0-only', class: 'weak-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'server-daemon',
    provides: ['erp', 'crm', 'invoicing'],
    ports: [{ name: 'http', port: 8069, protocol: 'http' }],
    secrets: [
      { key: 'admin_password', env: 'ODOO_ADMIN_PASSWORD', kind: 'service-password', description: 'odoo master (database manager) password' },
    ],
  },
  {
    name: 'open-data-cube', description: 'Open Data Cube geospatial data platform', category: 'geospatial', ramMb: 2048, diskMb: 5000, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] }, persistence: 'durable',
    provides: ['geospatial-analysis'],
  },
  {
    name: 'openrouter', description: 'OpenRouter hosted LLM API (many models behind one key)', category: 'llm', hosted: true, hosting: 'hosted-api',
    provides: ['llm-inference'],
    secrets: [
      { key: 'api_key', env: 'OPENROUTER_API_KEY', kind: 'api-key', connection: true, description: 'openrouter api key', prompt: { label: 'OpenRouter API key', description: 'create one at openrouter.ai under keys', format: '^sk-or-[A-Za-z0-9_-]{20,}$', hint: 'starts with sk-or-' } },
    ],
  },
  {
    name: 'pihole', description: 'Pi-hole network DNS sinkhole', category: 'network', ramMb: 256, diskMb: 200, license: { spdx: 'EUPL-1.2', class: 'weak-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'server-daemon',
    provides: ['dns', 'ad-blocking'],
    ports: [{ name: 'dns', port: 53, protocol: 'udp' }, { name: 'http', port: 80, protocol: 'http' }],
    secrets: [
      { key: 'web_password', env: 'PIHOLE_WEBPASSWORD', kind: 'service-password', description: 'pi-hole admin web password' },
    ],
  },
  {
    name: 'prometheus-grafana', description: 'Prometheus metrics with Grafana dashboards', category: 'observability', ramMb: 1024, diskMb: 1000, license: { spdx: 'Apache-2.0 AND AGPL-3.0-only', class: 'network-copyleft' }, persistence: 'durable', aliases: ['grafana'], hosting: 'server-daemon',
    provides: ['metrics', 'dashboards', 'alerting'],
    ports: [{ name: 'prometheus', port: 9090, protocol: 'http' }, { name: 'grafana', port: 3000, protocol: 'http' }],
    secrets: [
      { key: 'admin_password', env: 'GF_SECURITY_ADMIN_PASSWORD', kind: 'service-password', description: 'grafana admin password' },
    ],
  },
  {
    name: 'ros2', description: 'ROS 2 robotics middleware', category: 'robotics', ramMb: 1024, diskMb: 3000, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: { os: ['linux', 'windows'], arch: ['x64', 'arm64'] },
    provides: ['robotics-middleware'],
  },
  {
    name: 'searxng', description: 'SearXNG metasearch engine', category: 'search', network: 'internet', offline: false, ramMb: 256, diskMb: 200, license: { spdx: 'AGPL-3.0-or-later', class: 'network-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, hosting: 'bundled-service',    container: { image: 'searxng/searxng', tag: '2025.1.20-0b7ed7e1e' },
    health: { type: 'tcp', port: 'http' },

    provides: ['web-search'],
    ports: [{ name: 'http', port: 8080, protocol: 'http' }],
    secrets: [
      { key: 'secret', env: 'SEARXNG_SECRET', kind: 'signing-key', description: 'searxng server secret' },
    ],
  },
  {
    name: 'segment-anything', description: 'Segment Anything image segmentation service', category: 'vision', gpu: 'optional', ramMb: 4096, diskMb: 2500, license: { spdx: 'Apache-2.0', class: 'permissive' }, hosting: 'bundled-service',
    provides: ['image-segmentation'],
    secrets: [],
  },
  {
    name: 'simpy', description: 'SimPy discrete-event simulation library', category: 'simulation', daemon: false, network: 'none', ramMb: 64, diskMb: 5, license: { spdx: 'MIT', class: 'permissive' }, hosting: 'embedded-library',
    provides: ['discrete-event-simulation'],
    secrets: [],
  },
  {
    name: 'ultralytics-yolo', description: 'Ultralytics YOLO object detection', category: 'vision', gpu: 'optional', ramMb: 2048, diskMb: 500, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, hosting: 'bundled-service',
    provides: ['object-detection', 'image-classification'],
    secrets: [],
  },
  {
    name: 'unstructured-io', description: 'Unstructured document parsing API', category: 'documents', ramMb: 2048, diskMb: 3000, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] }, hosting: 'bundled-service',
    provides: ['document-parsing', 'ocr'],
    ports: [{ name: 'http', port: 8000, protocol: 'http' }],
    secrets: [
      { key: 'api_key', env: 'UNSTRUCTURED_API_KEY', kind: 'api-key', description: 'unstructured api key', required: false },
    ],
  },
  {
    name: 'vault', description: 'HashiCorp Vault secret store server', category: 'secrets', ramMb: 256, diskMb: 200, license: { spdx: 'BUSL-1.1', class: 'source-available' }, persistence: 'durable', hosting: 'server-daemon',    version: '1.18.3',
    container: { image: 'hashicorp/vault', tag: '1.18.3' },
    health: { type: 'tcp', port: 'http' },

    provides: ['secret-storage', 'encryption-as-a-service'],
    assumedNeeds: ['secret-storage'],
    ports: [{ name: 'http', port: 8200, protocol: 'http' }],
    secrets: [
      { key: 'token', env: 'VAULT_TOKEN', kind: 'token', description: 'vault token the application authenticates with' },
    ],
    swaps: [
      { to: 'os-keychain', tiers: ['desktop', 'mobile'], effort: 'medium', note: 'keep secrets in the os credential store' },
    ],
  },
  {
    name: 'virustotal', description: 'VirusTotal hosted malware scanning API', category: 'security', hosted: true, hosting: 'hosted-api',
    provides: ['malware-scanning'],
    secrets: [
      { key: 'api_key', env: 'VIRUSTOTAL_API_KEY', kind: 'api-key', connection: true, description: 'virustotal api key' },
    ],
  },
  {
    name: 'whisper', description: 'Whisper speech-to-text server', category: 'speech', gpu: 'optional', ramMb: 2048, diskMb: 1500, license: { spdx: 'MIT', class: 'permissive' }, hosting: 'bundled-service',
    provides: ['speech-to-text'],
    secrets: [],
    swaps: [
      { to: 'openai', tiers: ['mobile', 'saas'], effort: 'low', note: 'use the hosted speech-to-text endpoint' },
    ],
  },
  {
    name: 'zigbee2mqtt', description: 'Zigbee2MQTT Zigbee-to-MQTT bridge', category: 'iot', ramMb: 256, diskMb: 200, license: { spdx: 'GPL-3.0-only', class: 'strong-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable',
    provides: ['zigbee-bridge'],
    ports: [{ name: 'frontend', port: 8080, protocol: 'http' }],
  },
  {
    name: 'agent-s2', description: 'Agent S2 computer-use agent (drives a desktop GUI)', category: 'ai-agent', network: 'internet', offline: false, ramMb: 2048, diskMb: 2000, license: { spdx: 'Apache-2.0', class: 'permissive' },
    provides: ['computer-use-agent', 'gui-automation'],
  },
  {
    name: 'airbyte', description: 'Airbyte data integration platform', category: 'etl', ramMb: 8192, diskMb: 10000, license: { spdx: 'Elastic-2.0', class: 'source-available' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable',
    provides: ['data-integration', 'etl'],
    ports: [{ name: 'http', port: 8000, protocol: 'http' }],
  },
  {
    name: 'apache-airflow', description: 'Apache Airflow workflow scheduler', category: 'workflow', ramMb: 2048, diskMb: 1500, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: { os: ['linux', 'macos'], arch: ['x64', 'arm64'] }, persistence: 'durable',
    provides: ['workflow-engine', 'scheduling', 'etl'],
    assumedNeeds: ['workflow-engine'],
    ports: [{ name: 'http', port: 8080, protocol: 'http' }],
  },
  {
    name: 'judge0', description: 'Judge0 sandboxed code execution server', category: 'code-execution', ramMb: 2048, diskMb: 5000, license: { spdx: 'GPL-3.0-only', class: 'strong-copyleft' }, platforms: { os: ['linux'], arch: ['x64'] },
    provides: ['code-execution', 'sandbox'],
    ports: [{ name: 'http', port: 2358, protocol: 'http' }],
    secrets: [
      { key: 'authn_token', env: 'JUDGE0_AUTHN_TOKEN', kind: 'token', description: 'judge0 judge0 authn token', required: false },
    ],
  },
  {
    name: 'windmill', description: 'Windmill script and workflow platform', category: 'workflow', ramMb: 2048, diskMb: 1000, license: { spdx: 'AGPL-3.0-only', class: 'network-copyleft' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable', hosting: 'bundled-service',
    provides: ['workflow-engine', 'script-runner'],
    assumedNeeds: ['workflow-engine'],
    requires: ['postgres'],
    ports: [{ name: 'http', port: 8000, protocol: 'http' }],
    secrets: [
      { key: 'api_key', env: 'WINDMILL_TOKEN', kind: 'api-key', description: 'windmill api token' },
      { key: 'webhook_secret', env: 'WINDMILL_WEBHOOK_SECRET', kind: 'webhook-secret', description: 'shared secret for windmill webhooks' },
    ],
    swaps: [
      { to: 'embedded-workflows', tiers: ['desktop', 'mobile'], effort: 'high', note: 're-implement the scripts and flows in code' },
    ],
  },
  {
    name: 'litellm', description: 'LiteLLM proxy in front of LLM providers', category: 'llm', network: 'internet', offline: false, ramMb: 512, diskMb: 300, license: { spdx: 'MIT', class: 'permissive' }, hosting: 'bundled-service',
    provides: ['llm-gateway'],
    ports: [{ name: 'http', port: 4000, protocol: 'http' }],
    secrets: [
      { key: 'master_key', env: 'LITELLM_MASTER_KEY', kind: 'api-key', description: 'litellm proxy master key' },
    ],
  },
  {
    name: 'mosquitto', description: 'Eclipse Mosquitto MQTT broker', category: 'messaging', ramMb: 32, diskMb: 10, license: { spdx: 'EPL-2.0', class: 'weak-copyleft' },
    provides: ['mqtt-broker'],
    ports: [{ name: 'mqtt', port: 1883, protocol: 'tcp' }],
  },
  {
    name: 'home-assistant', description: 'Home Assistant home automation server', category: 'iot', ramMb: 1024, diskMb: 1000, license: { spdx: 'Apache-2.0', class: 'permissive' }, platforms: { os: ['linux'], arch: ['x64', 'arm64'] }, persistence: 'durable',
    provides: ['home-automation', 'iot-integration'],
    ports: [{ name: 'http', port: 8123, protocol: 'http' }],
  },
  {
    name: 'mysql', aliases: ['mariadb'], description: 'MySQL relational database server', category: 'database', ramMb: 512, diskMb: 500, license: { spdx: 'GPL-2.0-only', class: 'strong-copyleft' }, persistence: 'durable', hosting: 'server-daemon',
    version: '8.4.3',
    container: { image: 'mysql', tag: '8.4.3', dataDir: '/var/lib/mysql' },
    health: { type: 'tcp', port: 'mysql' },
    provides: ['sql', 'transactions', 'full-text-search', 'concurrent-writes'],
    assumedNeeds: ['sql'],
    ports: [{ name: 'mysql', port: 3306, protocol: 'tcp' }],
    secrets: [
      { key: 'user', env: 'MYSQL_USER', kind: 'database-user', description: 'mysql user the application connects as' },
      { key: 'password', env: 'MYSQL_PASSWORD', kind: 'database-password', description: 'password of the mysql application user' },
      { key: 'root_password', env: 'MYSQL_ROOT_PASSWORD', readBy: 'service', kind: 'database-password', description: 'mysql root password' },
    ],
    swaps: [
      { to: 'sqlite', tiers: ['desktop', 'mobile', 'local'], effort: 'medium', note: 'embed the database in a file; port mysql-only sql and migrations' },
      { to: 'managed-postgres', tiers: ['saas'], effort: 'high', note: 'move to a managed postgres; port the schema and mysql-only sql' },
    ],
  },
  {
    name: 'gemini', aliases: ['google-ai'], description: 'Google Gemini hosted API', category: 'llm', hosted: true,
    provides: ['llm-inference', 'embeddings'],
    assumedNeeds: ['llm-inference'],
    secrets: [
      { key: 'api_key', env: 'GEMINI_API_KEY', kind: 'api-key', connection: true, description: 'google gemini api key' },
    ],
  },
];
