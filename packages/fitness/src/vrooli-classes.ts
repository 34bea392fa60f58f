/**
 * The predecessor analyzer's scoring constants, as data: its tiers, its
 * resource classes (by exact normalized name), its per-tier decision table and
 * its blocker threshold. Reverse-engineered from the 36 fixture
 * deployment-report.json files (every per-dependency `tier_support` value in
 * them is reproduced by this table) and matching its published decision
 * matrix. Used only by the parity model.
 */

/** The predecessor's tiers, including its extra `server` tier. */
export const VROOLI_TIERS = ['local', 'desktop', 'server', 'mobile', 'saas', 'enterprise'] as const;

/** A predecessor tier id. */
export type VrooliTier = (typeof VROOLI_TIERS)[number];

/** A dependency scoring below this (or marked unsupported) blocks a tier. */
export const VROOLI_BLOCKER_THRESHOLD = 0.75;

/** The predecessor's resource classes. */
export type VrooliClass = 'database' | 'ai' | 'automation' | 'storage' | 'browser' | 'execution' | 'service';

/** Class and heaviness by exact normalized name; any other name is a light `service`. */
export const VROOLI_CLASSES: Readonly<Record<string, { readonly class: VrooliClass; readonly heavy: boolean }>> = {
  postgres: { class: 'database', heavy: true },
  mysql: { class: 'database', heavy: true },
  mongodb: { class: 'database', heavy: true },
  redis: { class: 'database', heavy: false },
  qdrant: { class: 'database', heavy: false },
  ollama: { class: 'ai', heavy: true },
  'claude-code': { class: 'ai', heavy: false },
  openai: { class: 'ai', heavy: false },
  anthropic: { class: 'ai', heavy: false },
  n8n: { class: 'automation', heavy: true },
  huginn: { class: 'automation', heavy: true },
  windmill: { class: 'automation', heavy: true },
  minio: { class: 'storage', heavy: false },
  s3: { class: 'storage', heavy: false },
  browserless: { class: 'browser', heavy: true },
  playwright: { class: 'browser', heavy: true },
  judge0: { class: 'execution', heavy: true },
  sandbox: { class: 'execution', heavy: true },
};

/** One row of the decision table: the first row whose condition holds decides. */
export interface VrooliRule {
  /** Classes the row applies to (absent: any). */
  readonly classes?: readonly VrooliClass[];
  /** Heaviness the row applies to (absent: any). */
  readonly heavy?: boolean;
  /** Fitness 0..1. */
  readonly score: number;
  /** Supported flag. */
  readonly supported: boolean;
  /** Reason text as the predecessor wrote it. */
  readonly reason?: string;
  /** Notes text. */
  readonly notes?: string;
  /** Alternatives; `{name}` stands for the dependency name. */
  readonly alternatives?: readonly string[];
}

/** The predecessor's decision table per tier. */
export const VROOLI_RULES: Readonly<Record<VrooliTier, readonly VrooliRule[]>> = {
  local: [{ score: 1, supported: true }],
  desktop: [{ heavy: true, score: 0.6, supported: true }, { score: 0.9, supported: true }],
  server: [{ score: 0.95, supported: true }],
  mobile: [
    { classes: ['ai'], heavy: true, score: 0, supported: false, reason: 'Resource-intensive AI not supported on mobile' },
    { classes: ['database', 'storage'], score: 0.2, supported: false, reason: 'Database should be remote for mobile deployments', alternatives: ['saas-{name}', 'cloud-{name}'] },
    { heavy: true, score: 0.1, supported: false, reason: 'Heavy operations not suitable for mobile' },
    { score: 0.4, supported: true },
  ],
  saas: [
    { classes: ['database', 'storage'], score: 0.95, supported: true },
    { classes: ['ai'], heavy: true, score: 0.3, supported: true, notes: 'Consider using managed AI API for SaaS deployment', alternatives: ['openai', 'anthropic', 'openrouter'] },
    { score: 0.85, supported: true },
  ],
  enterprise: [{ score: 0.98, supported: true }],
};
