import type { PortRange } from './manifest-common.ts';

/** Desktop platforms a manifest ships when the profile does not say (`settings.platforms`). */
export const DEFAULT_DESKTOP_PLATFORMS: readonly string[] = ['darwin-arm64', 'darwin-x64', 'linux-x64', 'win-x64'];

/** Desktop port range when the profile does not say (`settings.port_range`). */
export const DEFAULT_PORT_RANGE: PortRange = { min: 47000, max: 47999 };

/** Ports per request block in an assembled desktop port plan. */
export const PORT_BLOCK_SIZE = 20;

/** Ports at the start of the range kept free (the IPC port takes the first one). */
export const PORT_PLAN_OFFSET = 10;

/** Container images of common resources for cloud manifests (resources not listed get `<name>:latest` and a warning). */
export const CONTAINER_IMAGES: Readonly<Record<string, string>> = {
  postgres: 'postgres:16-alpine',
  redis: 'redis:7-alpine',
  qdrant: 'qdrant/qdrant:v1.12.4',
  ollama: 'ollama/ollama:0.5.7',
  n8n: 'n8nio/n8n:1.80.0',
  minio: 'minio/minio:RELEASE.2025-01-20T14-49-07Z',
  browserless: 'ghcr.io/browserless/chromium:v2.24.0',
  searxng: 'searxng/searxng:2025.1.20',
  vault: 'hashicorp/vault:1.18',
  keycloak: 'quay.io/keycloak/keycloak:26.1',
  'node-red': 'nodered/node-red:4.0',
  'playwright-driver': 'mcr.microsoft.com/playwright:v1.50.0-noble',
};

/** Container port of a scenario service by role when service.json fixes none. */
export const DEFAULT_CONTAINER_PORTS: Readonly<Record<'ui' | 'api' | 'worker', number>> = { ui: 3000, api: 8080, worker: 8090 };

/** Names of scenario ports that are user interfaces (the rest are APIs). */
export const UI_PORT_NAMES: readonly string[] = ['ui', 'web', 'frontend', 'client', 'app'];
