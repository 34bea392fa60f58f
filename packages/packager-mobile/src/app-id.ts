import type { Diagnostic } from '@deployment-manager/core';
import { JAVA_RESERVED_WORDS } from './java-keywords.ts';
import { mobileDiagnostic } from './diagnostic-codes.ts';

/**
 * Capacitor's app id rule (the check `cap init` and `cap add` run): Java
 * package form, at least two dot-separated segments, each starting with a
 * letter and holding only letters, digits and underscores. Capacitor tests
 * the lower-cased id; without the `u` flag `\w` is ASCII only, so this
 * pattern accepts exactly the same ids.
 */
export const CAPACITOR_APP_ID_PATTERN: RegExp = /^[a-zA-Z][\w]*(?:\.[a-zA-Z][\w]*)+$/;

/**
 * Checks an application id for Capacitor and the platforms it is built for:
 * `MOBILE_APP_ID_INVALID` when it breaks Capacitor's rule,
 * `MOBILE_APP_ID_RESERVED_WORD` when a segment is a Java reserved word and
 * Android is built (the Android project would not compile), and a
 * `MOBILE_APP_ID_IOS_UNDERSCORE` warning when iOS is built and the id has an
 * underscore (Apple bundle ids allow only letters, digits, `-` and `.`).
 *
 * @example
 * ```ts
 * checkAppId('com.example.app', ['ios', 'android'], '/app_id'); // []
 * checkAppId('com.example.new', ['android'], '/app_id')[0]?.code; // 'MOBILE_APP_ID_RESERVED_WORD'
 * ```
 */
export function checkAppId(appId: string, platforms: readonly string[], path: string): Diagnostic[] {
  if (!CAPACITOR_APP_ID_PATTERN.test(appId)) {
    return [
      mobileDiagnostic('MOBILE_APP_ID_INVALID', `app id ${JSON.stringify(appId)} is not a reverse-domain id in Java package form`, {
        path,
        hint: 'use at least two dot-separated segments, each starting with a letter and holding only letters, digits and underscores, e.g. com.example.pickerwheel',
      }),
    ];
  }
  const out: Diagnostic[] = [];
  const segments = appId.split('.');
  const reserved = segments.filter((s) => JAVA_RESERVED_WORDS.includes(s));
  if (reserved.length > 0 && platforms.includes('android')) {
    out.push(
      mobileDiagnostic('MOBILE_APP_ID_RESERVED_WORD', `app id "${appId}" has the segment${reserved.length > 1 ? 's' : ''} ${reserved.map((s) => `"${s}"`).join(', ')}, a Java reserved word, so the Android project would not compile`, {
        path,
        hint: 'rename that segment (e.g. "new" -> "newapp")',
      }),
    );
  }
  if (appId.includes('_') && platforms.includes('ios')) {
    out.push(
      mobileDiagnostic('MOBILE_APP_ID_IOS_UNDERSCORE', `app id "${appId}" has an underscore, which an iOS bundle id may not contain`, {
        path,
        hint: 'drop the underscores, or set a different bundle id in the Xcode project',
      }),
    );
  }
  return out;
}
