import { PASSWORD_GROUPS, alphabetOf, type GeneratorSpec } from '@deployment-manager/secrets';

/*
 * Shell commands that make a per-install secret on the host from its
 * generator spec (the secrets package's `GeneratorSpec`), using only
 * coreutils, /dev/urandom and openssl, each printing the bare value (no
 * newline). The value is made on the host at
 * first deploy and never leaves it.
 */

/** A tr(1) set that means exactly these characters: every non-alphanumeric one as an octal escape. */
function trSet(alphabet: string): string | undefined {
  let out = '';
  for (const c of new Set(alphabet)) {
    const code = c.codePointAt(0) ?? 0;
    if (code > 0x7e || code < 0x20) return undefined;
    out += /[A-Za-z0-9]/.test(c) ? c : `\\${code.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** A case(1) bracket pattern matching any one character of `chars` (ASCII letters, digits and `-_.~`). */
function caseClass(chars: string): string {
  const plain = [...chars].filter((c) => c !== '-').join('');
  return `[${plain}${chars.includes('-') ? '-' : ''}]`;
}

/**
 * The shell command that prints a fresh value for a generator spec, or
 * undefined when the host cannot make it into an env file (`keypair`, a
 * multi-line PEM; an alphabet outside printable ASCII).
 *
 * @example
 * ```ts
 * generatorCommand({ type: 'hex', bytes: 32 }) // "openssl rand -hex 32 | tr -d '\\n'"
 * ```
 */
export function generatorCommand(spec: GeneratorSpec): string | undefined {
  switch (spec.type) {
    case 'random': {
      const set = trSet(alphabetOf(spec.charset));
      return set === undefined ? undefined : `LC_ALL=C tr -dc '${set}' </dev/urandom | head -c ${spec.length}`;
    }
    case 'password': {
      // Draw until every group is present, as the secrets package's generator guarantees.
      const draw = `LC_ALL=C tr -dc '${trSet(PASSWORD_GROUPS.join('')) ?? ''}' </dev/urandom | head -c ${spec.length}`;
      const checks = PASSWORD_GROUPS.map((g) => `case "$v" in *${caseClass(g)}*) ;; *) continue;; esac`).join('; ');
      return `while :; do v=$(${draw}); ${checks}; printf '%s' "$v"; break; done`;
    }
    case 'uuid':
      return "tr -d '\\n' </proc/sys/kernel/random/uuid";
    case 'hex':
      return `openssl rand -hex ${spec.bytes} | tr -d '\\n'`;
    case 'base64':
      return spec.url === true ? `openssl rand -base64 ${spec.bytes} | tr -d '\\n=' | tr '+/' '-_'` : `openssl rand -base64 ${spec.bytes} | tr -d '\\n'`;
    case 'keypair':
      return undefined;
  }
}
