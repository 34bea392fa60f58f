// Package correctness after build: licence and repository of every package, sherif over the
// workspace, knip (unused files, exports and dependencies; config in knip.jsonc), then publint --strict
// and attw (esm-only profile) for every public package. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args, cwd = '.') => {
  console.log(`$ ${cmd} ${args.join(' ')}  (${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit' });
};
const bin = (name) => join(process.cwd(), 'node_modules', '.bin', name);

// Every package ships the licence and points at the one repository.
const REPOSITORY = 'git+https://github.com/deployment-manager/sdk.git';
const hygiene = [];
for (const dir of readdirSync('packages')) {
  const cwd = join('packages', dir);
  if (!existsSync(join(cwd, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (!existsSync(join(cwd, 'LICENSE'))) hygiene.push(`${cwd}: no LICENSE file (copy the root LICENSE)`);
  if (pkg.license !== 'MIT') hygiene.push(`${cwd}: license is ${JSON.stringify(pkg.license)}, not "MIT"`);
  if (Array.isArray(pkg.files) && !pkg.files.includes('LICENSE')) hygiene.push(`${cwd}: "files" does not list LICENSE`);
  if (pkg.repository?.url !== REPOSITORY || pkg.repository?.directory !== cwd) hygiene.push(`${cwd}: repository must be { "url": "${REPOSITORY}", "directory": "${cwd}" }`);
}
if (hygiene.length > 0) {
  console.error(hygiene.join('\n'));
  process.exit(1);
}

try {
  run(bin('sherif'), ['--ignore-package', 'deployment-manager-monorepo']);
  run(bin('knip'), ['--no-progress']);
  for (const dir of readdirSync('packages')) {
    const cwd = join('packages', dir);
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    if (pkg.private) continue;
    run(bin('publint'), ['--strict'], cwd);
    run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--quiet'], cwd);
  }
} catch {
  process.exit(1);
}
