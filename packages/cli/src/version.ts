import packageJson from '../package.json' with { type: 'json' };

/** The CLI's version, from its package.json (inlined by the build, so a bundle carries it). */
export function cliVersion(): string {
  return packageJson.version;
}
