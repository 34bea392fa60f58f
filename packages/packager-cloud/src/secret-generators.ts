import { PASSWORD_GROUPS, alphabetOf, entropyBits, type GeneratorSpec } from '@deployment-manager/secrets';
import { shellQuote } from '@deployment-manager/core';

/**
 * A `tr` set naming exactly the characters of `alphabet`: letters and digits
 * as themselves, everything else as an octal escape, so no character is read
 * as a range, class or quote. Undefined when a character is not printable
 * ASCII (`tr` works on bytes).
 */
function trSet(alphabet: string): string | undefined {
  let out = '';
  for (const ch of new Set(alphabet)) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) return undefined;
    out += /[A-Za-z0-9]/.test(ch) ? ch : `\\${code.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** True when the install scripts can reproduce `spec` exactly. */
export function isScriptable(spec: GeneratorSpec): boolean {
  return spec.type !== 'random' || trSet(alphabetOf(spec.charset)) !== undefined;
}

/** Shell functions the generator commands use (POSIX sh, `openssl`, `/dev/urandom`). */
export const SHELL_GENERATOR_FUNCTIONS: string = [
  '# uniform random characters from a tr set: rand_chars SET LENGTH',
  'rand_chars() { tr -dc "$1" </dev/urandom | head -c "$2"; }',
  '# letters, digits and -_.~ with at least one of each group: rand_password LENGTH',
  'rand_password() {',
  `  while :; do v=$(rand_chars ${shellQuote(trSet(PASSWORD_GROUPS.join('')) ?? '')} "$1")`,
  '    case $v in *[A-Z]*) ;; *) continue ;; esac',
  '    case $v in *[a-z]*) ;; *) continue ;; esac',
  '    case $v in *[0-9]*) ;; *) continue ;; esac',
  '    case $v in *[-_.~]*) break ;; esac',
  '  done',
  "  printf '%s' \"$v\"",
  '}',
].join('\n');

/**
 * A shell command printing one value of `spec` on stdout, with no trailing
 * newline except for PEM keys. Only `isScriptable` specs.
 */
export function shellGenerator(spec: GeneratorSpec): string {
  switch (spec.type) {
    case 'random':
      return `rand_chars ${shellQuote(trSet(alphabetOf(spec.charset)) ?? '')} ${spec.length}`;
    case 'password':
      return `rand_password ${spec.length}`;
    case 'uuid':
      return `printf '%s' "$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen | tr 'A-Z' 'a-z')"`;
    case 'hex':
      return `printf '%s' "$(openssl rand -hex ${spec.bytes})"`;
    case 'base64':
      return spec.url === true
        ? `printf '%s' "$(openssl rand -base64 ${spec.bytes} | tr -d '\\n=' | tr '+/' '-_')"`
        : `printf '%s' "$(openssl rand -base64 ${spec.bytes} | tr -d '\\n')"`;
    case 'keypair':
      return spec.algorithm === 'ed25519' ? 'openssl genpkey -algorithm ed25519' : 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072';
  }
}

/** A one-line, value-free description of a generator. */
export function describeGenerator(spec: GeneratorSpec): string {
  switch (spec.type) {
    case 'random':
      return `random, ${spec.length} characters of ${typeof spec.charset === 'string' ? spec.charset : 'a custom alphabet'}`;
    case 'password':
      return `password, ${spec.length} characters`;
    case 'uuid':
      return 'uuid v4';
    case 'hex':
      return `${spec.bytes} random bytes, hex`;
    case 'base64':
      return `${spec.bytes} random bytes, base64${spec.url === true ? 'url' : ''}`;
    case 'keypair':
      return `${spec.algorithm} private key (PEM)`;
  }
}

/** A Sprig expression for a generator in a Helm template, and whether it reproduces the spec exactly. */
export interface HelmGenerator {
  /** Template expression yielding the raw value. */
  readonly expr: string;
  /** False when the chart approximates the spec (same or more entropy, other alphabet or key size). */
  readonly exact: boolean;
}

/**
 * The Sprig function call (Helm 3) making a value of `spec`. Specs Sprig
 * has no function for become `randAlphaNum` with at least the same entropy.
 */
export function helmGenerator(spec: GeneratorSpec): HelmGenerator {
  const alnum = (): HelmGenerator => ({ expr: `randAlphaNum ${Math.ceil(entropyBits(spec) / Math.log2(62))}`, exact: false });
  switch (spec.type) {
    case 'random': {
      const named = typeof spec.charset === 'string' ? spec.charset : undefined;
      if (named === 'alnum') return { expr: `randAlphaNum ${spec.length}`, exact: true };
      if (named === 'alpha') return { expr: `randAlpha ${spec.length}`, exact: true };
      if (named === 'numeric') return { expr: `randNumeric ${spec.length}`, exact: true };
      if (named === 'lower' || named === 'upper') return { expr: `randAlpha ${spec.length} | ${named}`, exact: true };
      return alnum();
    }
    case 'uuid':
      return { expr: 'uuidv4', exact: true };
    case 'base64':
      return spec.url === true ? alnum() : { expr: `randBytes ${spec.bytes}`, exact: true };
    case 'keypair':
      return spec.algorithm === 'ed25519' ? { expr: 'genPrivateKey "ed25519"', exact: true } : { expr: 'genPrivateKey "rsa"', exact: false };
    case 'password':
    case 'hex':
      return alnum();
  }
}
