import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitBeforeAttempt } from '../../electron/features/vault/attempts';

describe('the wait before the next unlock attempt', () => {
  it('is free for the first three failures, then doubles from one second to at most thirty', () => {
    expect([0, 1, 2].map((n) => waitBeforeAttempt(n, 0, 0))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7, 8, 9, 20].map((n) => waitBeforeAttempt(n, 0, 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('counts from the last failure and never goes below zero', () => {
    expect(waitBeforeAttempt(5, 10_000, 12_500)).toBe(1500);
    expect(waitBeforeAttempt(5, 10_000, 20_000)).toBe(0);
    fc.assert(
      fc.property(fc.nat(100), fc.nat(1e9), fc.nat(1e6), (failures, last, later) => {
        const wait = waitBeforeAttempt(failures, last, last + later);
        return wait >= 0 && wait <= 30_000 && (failures < 3 || wait === Math.max(0, Math.min(30_000, 1000 * 2 ** (failures - 3)) - later));
      }),
    );
  });
});
