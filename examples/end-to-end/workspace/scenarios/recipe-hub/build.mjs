// The build of recipe-hub's Node services, run by `npm run build` in api/ or ui/ (the
// desktop build plan runs `npm ci` then `npm run build` there, with npm_config_platform
// and npm_config_arch naming the target): esbuild bundles <service>/server.mjs and what it
// imports (sql.js for the api) into one executable file at
// <service>/bin/<platform>/recipe-hub-<service><ext>, where the manifest's build output
// pattern expects it; the ui also gets its page in ui/dist.
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const service = process.argv[2];
if (service !== 'api' && service !== 'ui') throw new Error(`usage: node build.mjs api|ui (got ${service})`);
const here = dirname(fileURLToPath(import.meta.url));
const os = { win32: 'win', darwin: 'darwin', linux: 'linux' }[process.env.npm_config_platform ?? process.platform] ?? process.platform;
const arch = process.env.npm_config_arch ?? process.arch;
const outfile = join(here, service, 'bin', `${os}-${arch}`, `recipe-hub-${service}${os === 'win' ? '.exe' : ''}`);
await build({
  entryPoints: [join(here, service, 'server.mjs')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  // The file has no extension, so Node reads it as ESM under a "type": "module" package.json
  // (a bundle staged under this repository's out/) and as CommonJS elsewhere (an installed app):
  // every module the bundle still requires is a Node builtin, so `require` is
  // process.getBuiltinModule in both.
  banner: { js: '#!/usr/bin/env node\nvar require = (id) => process.getBuiltinModule(id);' },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
if (service === 'ui') {
  mkdirSync(join(here, 'ui', 'dist'), { recursive: true });
  copyFileSync(join(here, 'ui', 'index.html'), join(here, 'ui', 'dist', 'index.html'));
}
console.log(`built ${outfile}`);
