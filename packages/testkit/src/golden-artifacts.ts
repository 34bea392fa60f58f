// Golden artifacts: each file's contents pinned by a file snapshot, and the list of files pinned too,
// so a packager that stops writing an artifact fails its golden test instead of leaving an unused
// snapshot behind.
import { expect } from 'vitest';

/**
 * Pins a packager's output under `dir` (a snapshot folder relative to the calling test file):
 * `dir/ARTIFACTS` lists every artifact path, one a line, sorted; `dir/<path>` holds each file.
 * `vitest -u` rewrites both; a dropped, renamed or added artifact changes `ARTIFACTS`.
 *
 * @example
 * ```ts
 * await expectGoldenArtifacts(files, `./__snapshots__/picker-wheel`);
 * ```
 */
export async function expectGoldenArtifacts(files: Readonly<Record<string, string>>, dir: string): Promise<void> {
  const paths = Object.keys(files).sort();
  await expect(`${paths.join('\n')}\n`).toMatchFileSnapshot(`${dir}/ARTIFACTS`);
  for (const path of paths) await expect(files[path]).toMatchFileSnapshot(`${dir}/${path}`);
}
