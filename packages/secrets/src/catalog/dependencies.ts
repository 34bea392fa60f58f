import type { DependencySecrets } from '../catalog-types.ts';

/**
 * Secret requirements of known dependencies, as data. An entry with no secrets
 * means "known to need none"; a dependency missing here is reported as unknown.
 */
export const DEPENDENCY_SECRETS: readonly DependencySecrets[] = [
  // Databases and stores: daemons that stay on a server.
  {
    name: 'postgres',
    aliases: ['postgresql', 'pg'],
    hosting: 'server-daemon',
    secrets: [
      { key: 'user', env: 'POSTGRES_USER', kind: 'database-user', description: 'postgres role the application connects as' },
      { key: 'password', env: 'POSTGRES_PASSWORD', kind: 'database-password', description: 'password of the postgres application role' },
    ],
  },
  {
    name: 'mysql',
    aliases: ['mariadb'],
    hosting: 'server-daemon',
    secrets: [
      { key: 'user', env: 'MYSQL_USER', kind: 'database-user', description: 'mysql user the application connects as' },
      { key: 'password', env: 'MYSQL_PASSWORD', kind: 'database-password', description: 'password of the mysql application user' },
      { key: 'root_password', env: 'MYSQL_ROOT_PASSWORD', kind: 'database-password', description: 'mysql root password' },
    ],
  },
  {
    name: 'redis',
    hosting: 'server-daemon',
    secrets: [{ key: 'password', env: 'REDIS_PASSWORD', kind: 'service-password', description: 'redis AUTH password' }],
  },
  {
    name: 'minio',
    hosting: 'server-daemon',
    secrets: [
      { key: 'access_key', env: 'MINIO_ACCESS_KEY', kind: 'access-key-id', description: 'minio access key (root user)' },
      { key: 'secret_key', env: 'MINIO_SECRET_KEY', kind: 'secret-access-key', description: 'minio secret key (root password)' },
    ],
  },
  {
    name: 'vault',
    hosting: 'server-daemon',
    secrets: [{ key: 'token', env: 'VAULT_TOKEN', kind: 'token', description: 'vault token the application authenticates with' }],
  },
  {
    name: 'keycloak',
    hosting: 'server-daemon',
    secrets: [{ key: 'admin_password', env: 'KEYCLOAK_ADMIN_PASSWORD', kind: 'service-password', description: 'keycloak admin console password' }],
  },
  {
    name: 'matrix-synapse',
    hosting: 'server-daemon',
    secrets: [
      { key: 'registration_secret', env: 'SYNAPSE_REGISTRATION_SHARED_SECRET', kind: 'token', description: 'synapse shared secret for registering users' },
      { key: 'macaroon_key', env: 'SYNAPSE_MACAROON_SECRET_KEY', kind: 'signing-key', description: 'synapse macaroon signing key' },
    ],
  },
  {
    name: 'nextcloud',
    hosting: 'server-daemon',
    secrets: [{ key: 'admin_password', env: 'NEXTCLOUD_ADMIN_PASSWORD', kind: 'service-password', description: 'nextcloud admin password' }],
  },
  {
    name: 'odoo',
    hosting: 'server-daemon',
    secrets: [{ key: 'admin_password', env: 'ODOO_ADMIN_PASSWORD', kind: 'service-password', description: 'odoo master (database manager) password' }],
  },
  {
    name: 'prometheus-grafana',
    aliases: ['grafana'],
    hosting: 'server-daemon',
    secrets: [{ key: 'admin_password', env: 'GF_SECURITY_ADMIN_PASSWORD', kind: 'service-password', description: 'grafana admin password' }],
  },
  {
    name: 'pihole',
    hosting: 'server-daemon',
    secrets: [{ key: 'web_password', env: 'PIHOLE_WEBPASSWORD', kind: 'service-password', description: 'pi-hole admin web password' }],
  },

  // Services that can run beside the application.
  {
    name: 'n8n',
    hosting: 'bundled-service',
    secrets: [
      { key: 'api_key', env: 'N8N_API_KEY', kind: 'api-key', description: 'n8n public api key the application calls workflows with' },
      { key: 'webhook_secret', env: 'N8N_WEBHOOK_SECRET', kind: 'webhook-secret', description: 'shared secret that authenticates n8n webhook calls' },
      { key: 'encryption_key', env: 'N8N_ENCRYPTION_KEY', kind: 'encryption-key', description: 'key n8n encrypts stored credentials with' },
    ],
  },
  {
    name: 'huginn',
    hosting: 'bundled-service',
    secrets: [
      { key: 'api_key', env: 'HUGINN_API_KEY', kind: 'api-key', description: 'huginn api key for agents and scenarios' },
      { key: 'webhook_secret', env: 'HUGINN_WEBHOOK_SECRET', kind: 'webhook-secret', description: 'shared secret for huginn webhook agents' },
    ],
  },
  {
    name: 'windmill',
    hosting: 'bundled-service',
    secrets: [
      { key: 'api_key', env: 'WINDMILL_TOKEN', kind: 'api-key', description: 'windmill api token' },
      { key: 'webhook_secret', env: 'WINDMILL_WEBHOOK_SECRET', kind: 'webhook-secret', description: 'shared secret for windmill webhooks' },
    ],
  },
  {
    name: 'node-red',
    hosting: 'bundled-service',
    secrets: [{ key: 'credential_secret', env: 'NODE_RED_CREDENTIAL_SECRET', kind: 'encryption-key', description: 'key node-red encrypts flow credentials with' }],
  },
  {
    name: 'qdrant',
    hosting: 'bundled-service',
    secrets: [{ key: 'api_key', env: 'QDRANT_API_KEY', kind: 'api-key', description: 'qdrant api key' }],
  },
  {
    name: 'browserless',
    hosting: 'bundled-service',
    secrets: [{ key: 'token', env: 'BROWSERLESS_TOKEN', kind: 'token', description: 'browserless access token' }],
  },
  {
    name: 'searxng',
    hosting: 'bundled-service',
    secrets: [{ key: 'secret', env: 'SEARXNG_SECRET', kind: 'signing-key', description: 'searxng server secret' }],
  },
  {
    name: 'octoprint',
    hosting: 'bundled-service',
    secrets: [{ key: 'api_key', env: 'OCTOPRINT_API_KEY', kind: 'api-key', description: 'octoprint api key' }],
  },
  {
    name: 'obs-studio',
    hosting: 'bundled-service',
    secrets: [{ key: 'websocket_password', env: 'OBS_WEBSOCKET_PASSWORD', kind: 'service-password', description: 'obs websocket password' }],
  },
  {
    name: 'litellm',
    hosting: 'bundled-service',
    secrets: [{ key: 'master_key', env: 'LITELLM_MASTER_KEY', kind: 'api-key', description: 'litellm proxy master key' }],
  },
  {
    name: 'unstructured-io',
    hosting: 'bundled-service',
    secrets: [{ key: 'api_key', env: 'UNSTRUCTURED_API_KEY', kind: 'api-key', description: 'unstructured api key', required: false }],
  },

  // Hosted APIs: the key belongs to whoever pays for the account.
  {
    name: 'openai',
    hosting: 'hosted-api',
    secrets: [
      {
        key: 'api_key',
        env: 'OPENAI_API_KEY',
        kind: 'api-key',
        description: 'openai api key',
        prompt: { label: 'OpenAI API key', description: 'create one at platform.openai.com under api keys', format: '^sk-[A-Za-z0-9_-]{20,}$', hint: 'starts with sk-' },
      },
    ],
  },
  {
    name: 'anthropic',
    hosting: 'hosted-api',
    secrets: [
      {
        key: 'api_key',
        env: 'ANTHROPIC_API_KEY',
        kind: 'api-key',
        description: 'anthropic api key',
        prompt: { label: 'Anthropic API key', description: 'create one in the anthropic console', format: '^sk-ant-[A-Za-z0-9_-]{20,}$', hint: 'starts with sk-ant-' },
      },
    ],
  },
  {
    name: 'openrouter',
    hosting: 'hosted-api',
    secrets: [
      {
        key: 'api_key',
        env: 'OPENROUTER_API_KEY',
        kind: 'api-key',
        description: 'openrouter api key',
        prompt: { label: 'OpenRouter API key', description: 'create one at openrouter.ai under keys', format: '^sk-or-[A-Za-z0-9_-]{20,}$', hint: 'starts with sk-or-' },
      },
    ],
  },
  {
    name: 'gemini',
    aliases: ['google-ai'],
    hosting: 'hosted-api',
    secrets: [{ key: 'api_key', env: 'GEMINI_API_KEY', kind: 'api-key', description: 'google gemini api key' }],
  },
  {
    name: 'claude-code',
    hosting: 'hosted-api',
    secrets: [{ key: 'api_key', id: 'anthropic.api_key', env: 'ANTHROPIC_API_KEY', kind: 'api-key', description: 'anthropic api key' }],
  },
  {
    name: 'codex',
    hosting: 'hosted-api',
    secrets: [{ key: 'api_key', id: 'openai.api_key', env: 'OPENAI_API_KEY', kind: 'api-key', description: 'openai api key' }],
  },
  {
    name: 'virustotal',
    hosting: 'hosted-api',
    secrets: [{ key: 'api_key', env: 'VIRUSTOTAL_API_KEY', kind: 'api-key', description: 'virustotal api key' }],
  },
  {
    name: 's3',
    aliases: ['aws-s3'],
    hosting: 'hosted-api',
    secrets: [
      { key: 'access_key_id', env: 'AWS_ACCESS_KEY_ID', kind: 'access-key-id', description: 'aws access key id', prompt: { label: 'AWS access key id', format: '^[A-Z0-9]{16,128}$' } },
      { key: 'secret_access_key', env: 'AWS_SECRET_ACCESS_KEY', kind: 'secret-access-key', description: 'aws secret access key', prompt: { label: 'AWS secret access key' } },
    ],
  },

  // Known to need no secret.
  { name: 'sqlite', hosting: 'embedded-library', secrets: [] },
  { name: 'ollama', hosting: 'bundled-service', secrets: [] },
  { name: 'whisper', hosting: 'bundled-service', secrets: [] },
  { name: 'comfyui', hosting: 'bundled-service', secrets: [] },
  { name: 'llamaindex', hosting: 'embedded-library', secrets: [] },
  { name: 'crewai', hosting: 'embedded-library', secrets: [] },
  { name: 'segment-anything', hosting: 'bundled-service', secrets: [] },
  { name: 'ultralytics-yolo', hosting: 'bundled-service', secrets: [] },
  { name: 'nsfw-detector', hosting: 'bundled-service', secrets: [] },
  { name: 'k6', hosting: 'embedded-library', secrets: [] },
  { name: 'simpy', hosting: 'embedded-library', secrets: [] },
  { name: 'mesa', hosting: 'embedded-library', secrets: [] },
];
