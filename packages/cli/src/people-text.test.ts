import { describe, expect, it } from 'vitest';
import { bytesForPeople, nodeName, roundForPeople, signedForPeople } from './people-text.ts';

describe('numbers and names for people', () => {
  it.each([
    [76.66, '77'],
    [0.7875000000000001, '0.8'],
    [7.21, '7.2'],
    [100, '100'],
    [-0.04, '0'],
    [3, '3'],
  ])('roundForPeople(%s) = %s', (n, text) => expect(roundForPeople(n)).toBe(text));

  it('signs changes and names nodes as people say them', () => {
    expect(signedForPeople(3.19)).toBe('+3.2');
    expect(signedForPeople(-12.4)).toBe('-12');
    expect(signedForPeople(0.01)).toBe('0');
    expect(nodeName('resource:postgres')).toBe('postgres');
    expect(nodeName('scenario:auth-lite')).toBe('auth-lite (scenario)');
    expect(bytesForPeople(512)).toBe('512 B');
    expect(bytesForPeople(3500)).toBe('3.4 KiB');
  });
});
