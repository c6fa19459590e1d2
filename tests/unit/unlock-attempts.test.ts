import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitBeforeAttempt, waitWithInFlight } from '../../electron/features/vault/attempts';

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

  it('counts an attempt still being checked as a failure until it is answered', () => {
    // A clean count lets three through at once, no more.
    expect([0, 1, 2, 3].map((inFlight) => waitWithInFlight(0, inFlight, 0, 50_000))).toEqual([0, 0, 0, 1000]);
    // After the wait has passed, one is checked; while it runs, the next waits as if it failed just now.
    expect(waitWithInFlight(3, 0, 0, 50_000)).toBe(0);
    expect(waitWithInFlight(3, 1, 0, 50_000)).toBe(2000);
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.nat(1e9), fc.nat(1e6), (failures, inFlight, last, later) => {
        const wait = waitWithInFlight(failures, inFlight, last, last + later);
        if (inFlight === 0) return wait === waitBeforeAttempt(failures, last, last + later);
        // Never more attempts in the air than the free ones left, and never a free one after them.
        return failures + inFlight < 3 ? wait === 0 : wait >= 1000;
      }),
    );
  });
});
