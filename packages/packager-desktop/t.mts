import { readFileSync } from 'node:fs';
import { planDesktop, checkDesktopBundle } from './src/index.ts';
const m = JSON.parse(readFileSync('/work/shared/fixtures/vrooli/manifests/desktop-happy.json', 'utf8'));
console.log(checkDesktopBundle(m));
const p = planDesktop(m, { signing: { enabled: true, windows: { certificate_source: 'file', certificate_file: 'certs/win.pfx', certificate_password_env: 'WIN_CERT_PW', dual_sign: true }, macos: { identity: 'Developer ID Application: X', team_id: 'ABCDE12345', hardened_runtime: true, notarize: true, apple_api_key_id: 'K', apple_api_key_file: 'k.p8', apple_api_issuer_id: 'I' }, linux: { gpg_key_id: 'ABC', gpg_passphrase_env: 'GPG_PW' } }, publish: [{ provider: 'github', owner: 'o', repo: 'r' }] });
console.log(p.notes);
for (const f of p.files) if (['build.sh','electron-builder.stable.json', 'staging-plan.json'].includes(f.path)) console.log('=====', f.path, '\n' + f.content);
