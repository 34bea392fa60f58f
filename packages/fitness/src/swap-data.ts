import type { Tier } from '@deployment-manager/core/pure';

/** How much work a swap is for the team adopting it. */
export type SwapEffort = 'low' | 'medium' | 'high';

/** A known replacement: `from` can become `to` on `tiers`, at some effort. */
export interface SwapRule {
  /** Catalog name being replaced. */
  readonly from: string;
  /** Catalog name replacing it. */
  readonly to: string;
  /** Tiers the replacement is meant for. */
  readonly tiers: readonly Tier[];
  /** Work needed (code changes, data migration). */
  readonly effort: SwapEffort;
  /** Lower-case sentence: what changes for the app. */
  readonly note: string;
}

/** The built-in swap catalog. Users extend it through the `swapRules` option. */
export const SWAP_RULES: readonly SwapRule[] = [
  { from: 'postgres', to: 'sqlite', tiers: ['desktop', 'mobile', 'local'], effort: 'medium', note: 'embed the database in a file; port postgres-only sql (jsonb operators, listen/notify) and migrations' },
  { from: 'postgres', to: 'managed-postgres', tiers: ['saas', 'mobile', 'desktop'], effort: 'low', note: 'point the connection string at a managed instance; same sql' },
  { from: 'postgres', to: 'supabase', tiers: ['saas', 'mobile', 'desktop'], effort: 'low', note: 'hosted postgres with auth and rest; same sql' },
  { from: 'redis', to: 'in-process-cache', tiers: ['desktop', 'mobile'], effort: 'low', note: 'cache in memory inside the app; no pub/sub or queues across processes' },
  { from: 'redis', to: 'managed-redis', tiers: ['saas', 'mobile'], effort: 'low', note: 'use a managed redis-compatible endpoint' },
  { from: 'qdrant', to: 'local-vector-index', tiers: ['desktop', 'mobile'], effort: 'medium', note: 'keep vectors in sqlite-vec; re-index collections, no payload filtering dsl' },
  { from: 'qdrant', to: 'faiss', tiers: ['desktop'], effort: 'medium', note: 'in-process faiss index files; re-index, filter payloads in code' },
  { from: 'qdrant', to: 'qdrant-cloud', tiers: ['saas', 'mobile'], effort: 'low', note: 'same api on a managed cluster' },
  { from: 'ollama', to: 'packaged-model', tiers: ['desktop'], effort: 'medium', note: 'ship a small quantized model and run it in-process; smaller models, lower quality' },
  { from: 'ollama', to: 'openrouter', tiers: ['mobile', 'saas', 'desktop'], effort: 'low', note: 'call a hosted llm api; needs an api key and the internet' },
  { from: 'ollama', to: 'openai', tiers: ['mobile', 'saas', 'desktop'], effort: 'low', note: 'call the openai api; needs an api key and the internet' },
  { from: 'ollama', to: 'anthropic', tiers: ['mobile', 'saas', 'desktop'], effort: 'low', note: 'call the anthropic api; no embeddings endpoint' },
  { from: 'n8n', to: 'embedded-workflows', tiers: ['desktop', 'mobile', 'saas'], effort: 'high', note: 're-implement the workflows in code on an in-process engine' },
  { from: 'windmill', to: 'embedded-workflows', tiers: ['desktop', 'mobile'], effort: 'high', note: 're-implement the scripts and flows in code' },
  { from: 'huginn', to: 'embedded-workflows', tiers: ['desktop', 'mobile'], effort: 'high', note: 're-implement the agents in code' },
  { from: 'node-red', to: 'embedded-workflows', tiers: ['desktop', 'mobile'], effort: 'high', note: 're-implement the flows in code' },
  { from: 'browserless', to: 'playwright-driver', tiers: ['desktop', 'saas'], effort: 'medium', note: 'drive a bundled chromium from the app with playwright' },
  { from: 'minio', to: 'local-filesystem', tiers: ['desktop', 'mobile'], effort: 'low', note: 'store blobs as files in the app data directory; no s3 api' },
  { from: 'minio', to: 's3', tiers: ['saas', 'mobile'], effort: 'low', note: 'use a hosted bucket; same s3 api' },
  { from: 'vault', to: 'os-keychain', tiers: ['desktop', 'mobile'], effort: 'medium', note: 'keep secrets in the os credential store' },
  { from: 'whisper', to: 'openai', tiers: ['mobile', 'saas'], effort: 'low', note: 'use the hosted speech-to-text endpoint' },
  { from: 'claude-code', to: 'anthropic', tiers: ['mobile', 'saas'], effort: 'medium', note: 'call the api directly instead of driving the cli' },
];
