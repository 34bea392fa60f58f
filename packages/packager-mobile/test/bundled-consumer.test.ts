import { describe, expect, it } from 'vitest';
import { packInBundledConsumer } from '@deployment-manager/testkit';
import { sampleManifest } from './sample.ts';

// An app that bundles this packager (esbuild, everything inlined) and runs
// from a folder with no node_modules: nothing may be read from beside the
// package's own files, and no schema is compiled at run time.
describe('packager-mobile in a bundled consumer', () => {
  it('packs a manifest', async () => {
    const run = await packInBundledConsumer({ packager: 'packager-mobile', factory: 'createMobilePackager', manifest: sampleManifest() });
    expect(run.siblings).not.toContain('node_modules');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.packStatus).toBe('packed');
    expect(run.artifacts.length).toBeGreaterThan(0);
  });
});
