import { isEnvName, type Diagnostic, type PackagerNote } from '@deployment-manager/core';
import type { CodeSigning } from '@deployment-manager/bundle';
import type { DesktopOs } from './platforms.ts';
import { desktopDiagnostic } from './diagnostic-codes.ts';

/**
 * An environment variable the build must set for electron-builder: either a
 * copy of another variable (`fromEnv`, for passwords: the value is never
 * known here) or a literal that is not secret (a team id, a key file path).
 */
export type SigningEnv = SigningEnvReference | SigningEnvLiteral;

/** A variable set from another variable at build time (`NAME="${FROM}"`). */
export interface SigningEnvReference {
  /** Variable electron-builder reads. */
  readonly name: string;
  /** Variable the user sets (its name, never its value). */
  readonly fromEnv: string;
}

/** A variable with a non-secret literal value (a team id, a key file path). */
export interface SigningEnvLiteral {
  /** Variable electron-builder reads. */
  readonly name: string;
  /** Its value. */
  readonly value: string;
}

/** A detached GPG signature step for Linux packages (electron-builder has none). */
export interface GpgSigning {
  /** Key id passed to `--local-user`. */
  readonly keyId: string;
  /** Env var holding the passphrase, when any (its name only). */
  readonly passphraseEnv?: string;
  /** GPG home directory, when any. */
  readonly homedir?: string;
}

/** Code-signing settings translated to electron-builder terms. */
export interface SigningPlan {
  /** Whether signing is on at all. */
  readonly enabled: boolean;
  /** Keys merged into the `win` section. */
  readonly win: Readonly<Record<string, unknown>>;
  /** Keys merged into the `mac` section. */
  readonly mac: Readonly<Record<string, unknown>>;
  /** Linux detached signature step, when configured. */
  readonly gpg: GpgSigning | undefined;
  /** Variables the build script exports per OS before running electron-builder. */
  readonly env: Readonly<Record<DesktopOs, readonly SigningEnv[]>>;
  /** What electron-builder cannot express as the manifest says. */
  readonly notes: readonly PackagerNote[];
  /** Problems with the settings. */
  readonly issues: readonly Diagnostic[];
}

/**
 * Translates manifest `code_signing` into electron-builder settings, build
 * environment and notes. `base` is the JSON pointer of the settings in the
 * manifest, or `undefined` when they came from the packager options.
 */
export function planSigning(signing: CodeSigning | undefined, base: string | undefined): SigningPlan {
  const notes: PackagerNote[] = [];
  const issues: Diagnostic[] = [];
  const env: Record<DesktopOs, SigningEnv[]> = { linux: [], win: [], mac: [] };
  const at = (...segments: string[]): { path?: string } => (base === undefined ? {} : { path: [base, ...segments].join('/') });
  const validName = (name: string, field: string): boolean => {
    if (isEnvName(name)) return true;
    issues.push(
      desktopDiagnostic('DESKTOP_SIGNING_ENV_INVALID', `signing env var name "${name}" is not a valid variable name`, { path: at(...field.split('/')).path ?? '', hint: 'use letters, digits and underscores' }),
    );
    return false;
  };
  const envRef = (name: string | undefined, target: string, os: DesktopOs, field: string): void => {
    if (name !== undefined && validName(name, field)) env[os].push({ name: target, fromEnv: name });
  };

  if (signing === undefined || !signing.enabled) {
    // An explicit null identity stops electron-builder from signing with whatever identity the keychain holds.
    return { enabled: false, win: {}, mac: { identity: null, notarize: false }, gpg: undefined, env, notes, issues };
  }

  const win: Record<string, unknown> = {};
  const w = signing.windows;
  if (w !== undefined) {
    const signtool: Record<string, unknown> = {};
    if (w.certificate_source === 'file') {
      if (w.certificate_file === undefined) {
        issues.push(desktopDiagnostic('DESKTOP_SIGNING_INCOMPLETE', 'windows signing from a file names no certificate_file', { path: at('windows').path ?? '', hint: 'set certificate_file, or WIN_CSC_LINK at build time' }));
      } else signtool['certificateFile'] = w.certificate_file;
      envRef(w.certificate_password_env, 'WIN_CSC_KEY_PASSWORD', 'win', 'windows/certificate_password_env');
    } else if (w.certificate_source === 'store') {
      if (w.certificate_thumbprint === undefined) {
        issues.push(desktopDiagnostic('DESKTOP_SIGNING_INCOMPLETE', 'windows signing from the certificate store names no certificate_thumbprint', { path: at('windows').path ?? '', hint: 'set certificate_thumbprint' }));
      } else signtool['certificateSha1'] = w.certificate_thumbprint;
    } else {
      notes.push({
        kind: 'lost',
        feature: 'code_signing.windows.certificate_source',
        message: `electron-builder cannot sign with a certificate in ${w.certificate_source}; configure win.signtoolOptions.sign with a signing script of your own`,
        ...at('windows', 'certificate_source'),
      });
    }
    if (w.timestamp_server !== undefined) signtool['rfc3161TimeStampServer'] = w.timestamp_server;
    if (w.dual_sign === true) {
      signtool['signingHashAlgorithms'] = ['sha1', 'sha256'];
    } else if (w.sign_algorithm === 'sha384' || w.sign_algorithm === 'sha512') {
      signtool['signingHashAlgorithms'] = ['sha256'];
      notes.push({ kind: 'lost', feature: 'code_signing.windows.sign_algorithm', message: `electron-builder's signtool signs with sha1 or sha256 only; ${w.sign_algorithm} was replaced by sha256`, ...at('windows', 'sign_algorithm') });
    } else {
      signtool['signingHashAlgorithms'] = ['sha256'];
    }
    if (Object.keys(signtool).length > 0) win['signtoolOptions'] = signtool;
    win['forceCodeSigning'] = w.certificate_source === 'file' || w.certificate_source === 'store';
  }

  const mac: Record<string, unknown> = {};
  const m = signing.macos;
  if (m === undefined) {
    mac['identity'] = null;
    mac['notarize'] = false;
  } else {
    mac['identity'] = m.identity;
    mac['hardenedRuntime'] = m.hardened_runtime;
    mac['notarize'] = m.notarize;
    mac['forceCodeSigning'] = true;
    if (m.entitlements_file !== undefined) {
      mac['entitlements'] = m.entitlements_file;
      mac['entitlementsInherit'] = m.entitlements_file;
    }
    if (m.provisioning_profile !== undefined) mac['provisioningProfile'] = m.provisioning_profile;
    if (m.notarize) {
      env.mac.push({ name: 'APPLE_TEAM_ID', value: m.team_id });
      envRef(m.apple_id_env, 'APPLE_ID', 'mac', 'macos/apple_id_env');
      envRef(m.apple_id_password_env, 'APPLE_APP_SPECIFIC_PASSWORD', 'mac', 'macos/apple_id_password_env');
      if (m.apple_api_key_id !== undefined) env.mac.push({ name: 'APPLE_API_KEY_ID', value: m.apple_api_key_id });
      if (m.apple_api_key_file !== undefined) env.mac.push({ name: 'APPLE_API_KEY', value: m.apple_api_key_file });
      if (m.apple_api_issuer_id !== undefined) env.mac.push({ name: 'APPLE_API_ISSUER', value: m.apple_api_issuer_id });
      const hasApiKey = m.apple_api_key_id !== undefined && m.apple_api_key_file !== undefined && m.apple_api_issuer_id !== undefined;
      const hasAppleId = m.apple_id_env !== undefined && m.apple_id_password_env !== undefined;
      if (!hasApiKey && !hasAppleId) {
        issues.push(
          desktopDiagnostic('DESKTOP_SIGNING_INCOMPLETE', 'macos notarization is on but neither an App Store Connect API key nor an Apple ID is configured', { path: at('macos').path ?? '', hint: 'set apple_api_key_id, apple_api_key_file and apple_api_issuer_id (or apple_id_env and apple_id_password_env)' }),
        );
      }
    }
  }

  let gpg: GpgSigning | undefined;
  const l = signing.linux;
  if (l?.gpg_key_id !== undefined) {
    const passphraseOk = l.gpg_passphrase_env !== undefined && validName(l.gpg_passphrase_env, 'linux/gpg_passphrase_env');
    gpg = {
      keyId: l.gpg_key_id,
      ...(passphraseOk && l.gpg_passphrase_env !== undefined ? { passphraseEnv: l.gpg_passphrase_env } : {}),
      ...(l.gpg_homedir === undefined ? {} : { homedir: l.gpg_homedir }),
    };
    notes.push({ kind: 'emulated', feature: 'code_signing.linux', message: 'electron-builder does not sign Linux packages; the build script writes a detached GPG signature (.asc) beside each AppImage and deb', ...at('linux') });
  }

  return { enabled: true, win, mac, gpg, env, notes, issues };
}
