import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { QUANTITY_PATTERN, cpuMillicores, dockerCpus, dockerMemory, memoryMiB, parseQuantity } from './quantity.ts';

const SUFFIXES = ['', 'm', 'k', 'M', 'G', 'T', 'Ki', 'Mi', 'Gi', 'Ti'] as const;

describe('parseQuantity', () => {
  it('reads Kubernetes quantities and refuses everything else', () => {
    expect([parseQuantity('512Mi'), parseQuantity('1G'), parseQuantity('500m'), parseQuantity('1e3'), parseQuantity('.5'), parseQuantity('2.')]).toEqual([512 * 2 ** 20, 1e9, 0.5, 1000, 0.5, 2]);
    for (const bad of ['lots', '12 parsecs', ' 1Gi', '1Gi ', '-1', '+1', '1K', '1gi', '', '1e', 'Gi', '1..2']) expect([bad, parseQuantity(bad)]).toEqual([bad, undefined]);
  });

  it('gives the cost estimate and Docker the same numbers', () => {
    expect([cpuMillicores('500m'), cpuMillicores('2'), cpuMillicores('0.1'), memoryMiB('512Mi'), memoryMiB('2Gi'), memoryMiB('1G')]).toEqual([500, 2000, 100, 512, 2048, 954]);
    expect([dockerMemory('512Mi'), dockerMemory('2Gi'), dockerMemory('1G'), dockerCpus('500m'), dockerCpus('2'), dockerCpus('x')]).toEqual(['512m', '2g', '1000000000b', '0.5', '2', undefined]);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 12 })], { numRuns: 1000 })('accepts exactly what the published pattern accepts (one grammar)', (text) => {
    expect(parseQuantity(text) !== undefined).toBe(new RegExp(QUANTITY_PATTERN).test(text));
  });

  test.prop([fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(...SUFFIXES)], { numRuns: 1000 })('an integer with a suffix is that many units', (n, suffix) => {
    const unit = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 }[suffix];
    expect(parseQuantity(`${n}${suffix}`)).toBeCloseTo(n * unit, 6);
  });
});
