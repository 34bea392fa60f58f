/*
 * The flags each tool documents, per subcommand, for checking the command
 * lines a plan prints and `deploy --dry-run` shows. Transcribed from the
 * tools' reference pages:
 * - docker compose (v2): https://docs.docker.com/reference/cli/docker/compose/ (global -f/--file,
 *   -p/--project-name, --project-directory), .../compose/up/ (-d/--detach, --wait, --wait-timeout,
 *   --remove-orphans, --no-deps, --scale), .../compose/build/, .../compose/push/, .../compose/config/ (-q/--quiet)
 * - helm 3: https://helm.sh/docs/helm/helm_upgrade/ (-i/--install, -f/--values, --atomic, --wait,
 *   --timeout, --create-namespace; -n/--namespace is a global flag)
 * - terraform: https://developer.hashicorp.com/terraform/cli/commands (global -chdir=DIR),
 *   init/plan/apply (-input=false), plan (-out=PATH), show, output (-raw, -json)
 * - kubectl patch: https://kubernetes.io/docs/reference/kubectl/generated/kubectl_patch/ (--type, -p/--patch; -n/--namespace global)
 * - ssh(1) / scp(1) of OpenSSH: -p/-P port, -i identity, -o option, -N, -L, -T, -q, -r, -p (scp: preserve)
 */

/** Documented flags: tool -> subcommand ('' for global flags) -> flags (`--name` or `-x`; `=` forms by their name). */
export const DOCUMENTED_FLAGS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'docker compose': {
    '': ['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file'],
    up: ['-d', '--detach', '--wait', '--wait-timeout', '--remove-orphans', '--no-deps', '--scale', '--build', '--no-build', '--force-recreate', '--no-recreate'],
    build: ['--pull', '--no-cache', '-q', '--quiet'],
    push: ['--ignore-push-failures', '-q', '--quiet'],
    config: ['-q', '--quiet', '--services'],
    down: ['--remove-orphans', '-v', '--volumes'],
    ps: ['-q', '--quiet', '-a', '--all'],
  },
  helm: {
    '': ['-n', '--namespace', '--kube-context', '--kubeconfig'],
    upgrade: ['-i', '--install', '-f', '--values', '--set', '--atomic', '--wait', '--timeout', '--create-namespace', '--version', '--cleanup-on-fail'],
    rollback: ['--wait', '--timeout', '--cleanup-on-fail'],
  },
  terraform: {
    '': ['-chdir'],
    init: ['-input', '-upgrade', '-backend'],
    plan: ['-input', '-out', '-var', '-var-file', '-destroy'],
    show: ['-json', '-no-color'],
    apply: ['-input', '-auto-approve', '-var', '-var-file'],
    output: ['-raw', '-json', '-no-color'],
  },
  kubectl: {
    '': ['-n', '--namespace', '--context'],
    patch: ['--type', '-p', '--patch'],
  },
};

/** The tool key, subcommand and flags of one argv (flags after the subcommand; `--a=b` counts as `--a`). */
export function flagsOf(argv: readonly string[]): { tool: string; sub: string; global: string[]; flags: string[] } {
  const compose = argv[0] === 'docker' && argv[1] === 'compose';
  const tool = compose ? 'docker compose' : (argv[0] ?? '');
  const rest = argv.slice(compose ? 2 : 1);
  const spec = DOCUMENTED_FLAGS[tool] ?? {};
  const name = (a: string): string => a.split('=')[0] as string;
  const global: string[] = [];
  const flags: string[] = [];
  let sub = '';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (!a.startsWith('-')) {
      if (sub === '' && a in spec) sub = a;
      continue;
    }
    (sub === '' ? global : flags).push(name(a));
  }
  return { tool, sub, global, flags };
}

/** Splits a command line of bare and single-quoted words (what `commandLine` prints) back into words. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\' && line[i + 1] === "'") {
      word += "'";
      i++;
      inWord = true;
    } else if (c === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
