import type { Diagnostic } from '@deployment-manager/core/pure';
import { asArray, asObject, asString, compiles, finding, type Segments } from './findings.ts';

/**
 * What each health and readiness kind needs: http/tcp health a `port_name`,
 * command health a command, port_open readiness a `port_name`, log_match
 * readiness a pattern that compiles. (Whether the port exists is checked with
 * the other references.) Runs on every service of `list` at `listPath`.
 */
export function checkHealth(list: unknown, listPath: Segments): Diagnostic[] {
  const out: Diagnostic[] = [];
  asArray(list).forEach((raw, i) => {
    const svc = asObject(raw);
    const id = asString(svc?.['id']) ?? `#${i}`;
    const health = asObject(svc?.['health']);
    const hp = [...listPath, i, 'health'];
    const htype = asString(health?.['type']);
    if ((htype === 'http' || htype === 'tcp') && asString(health?.['port_name']) === undefined) {
      out.push(finding('HEALTH_PORT_REQUIRED', hp, `service "${id}" has ${htype} health without port_name`, 'name the port to probe'));
    }
    if (htype === 'command' && asArray(health?.['command']).length === 0) {
      out.push(finding('HEALTH_COMMAND_REQUIRED', hp, `service "${id}" has command health without a command`, 'give the command and its arguments'));
    }
    const readiness = asObject(svc?.['readiness']);
    const rp = [...listPath, i, 'readiness'];
    const rtype = asString(readiness?.['type']);
    if (rtype === 'port_open' && asString(readiness?.['port_name']) === undefined) {
      out.push(finding('READINESS_PORT_REQUIRED', rp, `service "${id}" has port_open readiness without port_name`, 'name the port that must accept connections'));
    }
    if (rtype === 'log_match') {
      const pattern = asString(readiness?.['pattern']);
      if (pattern === undefined || pattern === '') {
        out.push(finding('READINESS_PATTERN_REQUIRED', rp, `service "${id}" has log_match readiness without a pattern`, 'give the log line pattern that means ready'));
      } else if (!compiles(pattern)) {
        out.push(finding('READINESS_PATTERN_INVALID', [...rp, 'pattern'], `readiness pattern of service "${id}" is not a valid regular expression`, 'fix the pattern'));
      }
    }
  });
  return out;
}
