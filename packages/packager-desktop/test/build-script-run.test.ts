import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTree } from '@deployment-manager/testkit';
import { createDesktopPackager } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

// Stand-ins for the real toolchain: each records its arguments and produces what the real tool would.
const FAKE_TOOLS: Record<string, string> = {
  go: `out=""; prev=""; for a in "$@"; do [ "$prev" = "-o" ] && out="$a"; prev="$a"; done; echo "go $* GOOS=$GOOS GOARCH=$GOARCH" >> "$TOOL_LOG"; printf 'go-binary' > "$out"`,
  cargo: `t=""; b=""; prev=""; for a in "$@"; do [ "$prev" = "--target" ] && t="$a"; [ "$prev" = "--bin" ] && b="$a"; prev="$a"; done; echo "cargo $*" >> "$TOOL_LOG"; mkdir -p "target/$t/release"; printf 'rust-binary' > "target/$t/release/$b"`,
  npm: `echo "npm $*" >> "$TOOL_LOG"; mkdir -p node_modules/@deployment-manager/runtime/dist; printf 'runtime' > node_modules/@deployment-manager/runtime/dist/runtime.mjs`,
  npx: `echo "npx $*" >> "$TOOL_LOG"; mkdir -p dist/stable; printf 'appimage' > dist/stable/tally-desk-2.0.0-linux-x86_64.AppImage`,
  gpg: `echo "gpg $*" >> "$TOOL_LOG"; cat > "$TOOL_LOG.passphrase"`,
};

const SOURCES: Record<string, string> = {
  'services/ui/linux-x64/ui-server': 'ui-server',
  'ui/dist/index.html': '<h1>tally</h1>',
  'resources/store/linux-x64/store-server': 'store',
  'resources/store/schema.sql': 'test',
  'resources/store/seed.sql': 'seed',
};

describe('build.sh, run with stand-in tools', () => {
  let root: string;
  let out: string;
  let src: string;
  let bin: string;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'dm-desktop-run-'));
    out = join(root, 'out');
    src = join(root, 'src');
    bin = join(root, 'bin');
    for (const [name, body] of Object.entries(FAKE_TOOLS)) {
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, name), `#!/bin/sh\nset -eu\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    }
    for (const [path, body] of Object.entries(SOURCES)) {
      mkdirSync(dirname(join(src, path)), { recursive: true });
      writeFileSync(join(src, path), body);
    }
    await createDesktopPackager({ platforms: ['linux-x64'], channels: ['stable'] }).pack(sampleManifest(), { outDir: out, log: () => undefined, signal: new AbortController().signal });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync('sh', [join(out, 'build.sh'), ...args], {
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, SOURCE_ROOT: src, TOOL_LOG: join(root, 'tools.log'), GPG_PASSPHRASE: 'pass-from-env' },
    });

  it('compiles, stages every file with verified hashes, packages and signs', () => {
    const r = run('stable', 'linux-x64');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const staged = Object.keys(listTree(join(out, 'staging/linux-x64')));
    expect(staged).toEqual([
      'bin/linux-x64/indexer',
      'bin/linux-x64/tally-api',
      'bundle.json',
      'launch.json',
      'resources/store/linux-x64/store-server',
      'resources/store/schema.sql',
      'resources/store/seed.sql',
      'runtime/runtime.mjs',
      'services/ui/linux-x64/ui-server',
      'ui/dist/index.html',
    ]);
    expect(readFileSync(join(out, 'staging/linux-x64/bin/linux-x64/tally-api'), 'utf8')).toBe('go-binary');
    expect(readFileSync(join(out, 'staging/linux-x64/bin/linux-x64/indexer'), 'utf8')).toBe('rust-binary');
    expect(readFileSync(join(out, 'staging/linux-x64/bundle.json'))).toEqual(readFileSync(join(out, 'runtime/bundle.json')));
    const log = readFileSync(join(root, 'tools.log'), 'utf8').trim().split('\n');
    expect(log).toEqual([
      'npm install --no-audit --no-fund',
      'go build -trimpath -ldflags -s -w -o bin/linux-x64/tally-api ./cmd/api GOOS=linux GOARCH=amd64',
      'cargo build --release --target x86_64-unknown-linux-gnu --bin indexer --locked',
      'npx --no-install electron-builder --config electron-builder.stable.json --linux --x64 --publish never',
      'gpg --batch --yes --local-user 0xDEADBEEF --armor --detach-sign --pinentry-mode loopback --passphrase-fd 0 dist/stable/tally-desk-2.0.0-linux-x86_64.AppImage',
    ]);
    expect(readFileSync(join(root, 'tools.log.passphrase'), 'utf8')).toBe('pass-from-env');
  });

  it('stops on a pinned asset whose bytes do not match its sha256', () => {
    writeFileSync(join(src, 'resources/store/schema.sql'), 'tampered');
    const r = run('stable', 'linux-x64');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('checksum mismatch for resources/store/schema.sql');
  });

  it('refuses an unknown channel or platform', () => {
    expect(run('nightly').status).toBe(2);
    expect(run('stable', 'solaris-sparc').status).toBe(2);
  });
});
