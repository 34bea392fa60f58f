import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { APP_ID_PATTERN } from '@deployment-manager/bundle';
import { CAPACITOR_APP_ID_PATTERN, checkAppId } from './app-id.ts';
import { JAVA_RESERVED_WORDS } from './java-keywords.ts';

const segment = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/).filter((s) => !JAVA_RESERVED_WORDS.includes(s));
const appId = fc.array(segment, { minLength: 2, maxLength: 5 }).map((s) => s.join('.'));

describe('checkAppId', () => {
  it.each([
    ['com.example.app', []],
    ['io.ionic.starter', []],
    ['com.example', []],
    ['example', ['MOBILE_APP_ID_INVALID']],
    ['com.example-app', ['MOBILE_APP_ID_INVALID']],
    ['com.1example', ['MOBILE_APP_ID_INVALID']],
    ['com..example', ['MOBILE_APP_ID_INVALID']],
    ['com.example.', ['MOBILE_APP_ID_INVALID']],
    ['com.exämple', ['MOBILE_APP_ID_INVALID']],
    ['com.example.class', ['MOBILE_APP_ID_RESERVED_WORD']],
    ['com.my_app', ['MOBILE_APP_ID_IOS_UNDERSCORE']],
  ])('%s -> %j (ios and android)', (id, expected) => {
    expect(checkAppId(id, ['ios', 'android'], '/app_id').map((d) => d.code)).toEqual(expected);
  });

  test.prop([appId])('accepts every Java-package id of keyword-free segments without underscores on both platforms', (id) => {
    const issues = checkAppId(id, ['ios', 'android'], '/app_id');
    expect(issues.map((d) => d.code)).toEqual(id.includes('_') ? ['MOBILE_APP_ID_IOS_UNDERSCORE'] : []);
  });

  test.prop([fc.string({ maxLength: 30 })])("agrees with the manifest schema's pattern and Capacitor's lower-case check on any string", (id) => {
    const capacitor = /^[a-zA-Z][\w]*(?:\.[a-zA-Z][\w]*)+$/.test(id.toLowerCase());
    expect(CAPACITOR_APP_ID_PATTERN.test(id)).toBe(capacitor);
    expect(new RegExp(APP_ID_PATTERN).test(id)).toBe(capacitor);
    expect(checkAppId(id, [], '/app_id').length === 0).toBe(capacitor);
  });

  test.prop([appId, fc.constantFrom(...JAVA_RESERVED_WORDS.filter((w) => /^[a-z]/.test(w)))])('a reserved word in any segment position breaks only Android', (id, word) => {
    const parts = id.split('.');
    const withWord = [...parts.slice(0, 1), word, ...parts.slice(1)].join('.');
    expect(checkAppId(withWord, ['android'], '/app_id').map((d) => d.code)).toEqual(['MOBILE_APP_ID_RESERVED_WORD']);
    expect(checkAppId(withWord, ['ios'], '/app_id').filter((d) => d.severity === 'error')).toEqual([]);
  });
});
