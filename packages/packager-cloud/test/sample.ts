import { readFileSync } from 'node:fs';
import type { CloudManifest } from '@deployment-manager/bundle';

/** The self-contained sample manifest: five services, every secret class, env and file targets, ingress with TLS. */
export function sampleManifest(): CloudManifest {
  return JSON.parse(readFileSync(new URL('./fixtures/sample.cloud.json', import.meta.url), 'utf8')) as CloudManifest;
}

/** A copy of `m` changed by `edit` (for bad-input tests). */
export function edited(m: CloudManifest, edit: (draft: { -readonly [K in keyof CloudManifest]: unknown } & Record<string, unknown>) => void): CloudManifest {
  const copy = structuredClone(m) as unknown as { -readonly [K in keyof CloudManifest]: unknown } & Record<string, unknown>;
  edit(copy);
  return copy as unknown as CloudManifest;
}

/** A context writing into `outDir` that keeps log lines. */
export function packContext(outDir: string, logs: string[] = []): { outDir: string; log: (e: { message: string }) => void; signal: AbortSignal } {
  return { outDir, log: (e) => logs.push(e.message), signal: new AbortController().signal };
}
