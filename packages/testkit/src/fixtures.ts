import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Absolute path of `../shared` beside the repository root (may not exist on a bare clone). */
export const sharedDir: string = join(repoRoot, '..', 'shared');

/** Absolute path of a file under `../shared`; throws when `../shared` is absent. */
export function sharedFixture(...segments: string[]): string {
  if (!existsSync(sharedDir)) throw new Error(`../shared is not beside the repository (${sharedDir}); run this suite with pnpm test:shared`);
  return join(sharedDir, ...segments);
}
