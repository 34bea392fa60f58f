import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CodeSigning } from '@deployment-manager/bundle';
import { validateElectronBuilderConfig } from './electron-builder-schema.ts';
import { planSigning } from './signing.ts';

const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{1,8}$/);
const text = fc.stringMatching(/^[A-Za-z0-9 .:/_-]{1,20}$/);

const signingArb: fc.Arbitrary<CodeSigning> = fc.record(
  {
    enabled: fc.boolean(),
    windows: fc.record(
      {
        certificate_source: fc.constantFrom('file', 'store', 'azure_keyvault', 'aws_kms'),
        certificate_file: text,
        certificate_password_env: envName,
        certificate_thumbprint: fc.stringMatching(/^[0-9A-F]{40}$/),
        timestamp_server: fc.constant('http://timestamp.digicert.com'),
        sign_algorithm: fc.constantFrom('sha256', 'sha384', 'sha512'),
        dual_sign: fc.boolean(),
      },
      { requiredKeys: ['certificate_source'] },
    ),
    macos: fc.record(
      {
        identity: text,
        team_id: fc.stringMatching(/^[A-Z0-9]{10}$/),
        hardened_runtime: fc.boolean(),
        notarize: fc.boolean(),
        entitlements_file: text,
        provisioning_profile: text,
        apple_id_env: envName,
        apple_id_password_env: envName,
        apple_api_key_id: text,
        apple_api_key_file: text,
        apple_api_issuer_id: text,
      },
      { requiredKeys: ['identity', 'team_id', 'hardened_runtime', 'notarize'] },
    ),
    linux: fc.record({ gpg_key_id: text, gpg_passphrase_env: envName, gpg_homedir: text }, { requiredKeys: [] }),
  },
  { requiredKeys: ['enabled'] },
);

describe('planSigning', () => {
  it('maps a file certificate to signtoolOptions and its password to WIN_CSC_KEY_PASSWORD by name', () => {
    const plan = planSigning({ enabled: true, windows: { certificate_source: 'file', certificate_file: 'c.pfx', certificate_password_env: 'CERT_PW', dual_sign: true } }, '/code_signing');
    expect(plan.win).toEqual({ signtoolOptions: { certificateFile: 'c.pfx', signingHashAlgorithms: ['sha1', 'sha256'] }, forceCodeSigning: true });
    expect(plan.env.win).toEqual([{ name: 'WIN_CSC_KEY_PASSWORD', fromEnv: 'CERT_PW' }]);
  });

  it('turns signing off with an explicit null identity', () => {
    expect(planSigning(undefined, undefined).mac).toEqual({ identity: null, notarize: false });
    expect(planSigning({ enabled: false, macos: { identity: 'x', team_id: 't', hardened_runtime: true, notarize: true } }, '/code_signing').mac).toEqual({ identity: null, notarize: false });
  });

  it('reports what electron-builder cannot sign with as lost notes', () => {
    const plan = planSigning({ enabled: true, windows: { certificate_source: 'aws_kms', sign_algorithm: 'sha512' } }, '/code_signing');
    expect(plan.notes.map((n) => `${n.kind} ${n.feature} ${n.path}`)).toEqual([
      'lost code_signing.windows.certificate_source /code_signing/windows/certificate_source',
      'lost code_signing.windows.sign_algorithm /code_signing/windows/sign_algorithm',
    ]);
  });

  it('rejects env var names that could inject shell code', () => {
    const plan = planSigning({ enabled: true, linux: { gpg_key_id: 'k', gpg_passphrase_env: 'X; rm -rf ~' } }, '/code_signing');
    expect(plan.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['DESKTOP_SIGNING_ENV_INVALID /code_signing/linux/gpg_passphrase_env']);
    expect(plan.gpg).toEqual({ keyId: 'k' });
  });

  test.prop([signingArb])('any signing settings give win/mac sections electron-builder accepts', (signing) => {
    const plan = planSigning(signing, '/code_signing');
    const config = { appId: 'com.example.app', win: { target: ['nsis'], ...plan.win }, mac: { target: ['dmg'], ...plan.mac } };
    expect(validateElectronBuilderConfig(config, 'x.json')).toEqual([]);
  });

  test.prop([signingArb])('only names of password variables are carried, and only names that are valid variables', (signing) => {
    const plan = planSigning(signing, '/code_signing');
    for (const env of [...plan.env.win, ...plan.env.mac, ...plan.env.linux]) {
      if ('fromEnv' in env) expect(env.fromEnv).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      else expect(['APPLE_TEAM_ID', 'APPLE_API_KEY_ID', 'APPLE_API_KEY', 'APPLE_API_ISSUER']).toContain(env.name);
    }
  });
});
