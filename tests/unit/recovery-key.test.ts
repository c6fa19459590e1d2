import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, newRecoveryKey, normalizeRecoveryKey } from '../../electron/features/vault/recovery-key';

describe('recovery key', () => {
  it('is 8 groups of 4 Crockford base32 characters', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newRecoveryKey()).not.toBe(key);
  });

  it('accepts what a person types: lower case, spaces, no dashes, O for 0 and I/L for 1', () => {
    const key = formatRecoveryKey(new Uint8Array(20).fill(0)); // all zeros → "0000-…"
    expect(key).toBe('0000-0000-0000-0000-0000-0000-0000-0000');
    expect(normalizeRecoveryKey('oooo 0000 OOOO-0000 0000 0000 0000 0000')).toBe(key);
    const ones = formatRecoveryKey(new Uint8Array([8, 66, 16, 132, 33, 8, 66, 16, 132, 33, 8, 66, 16, 132, 33, 8, 66, 16, 132, 33]));
    expect(ones).toBe('1111-1111-1111-1111-1111-1111-1111-1111');
    expect(normalizeRecoveryKey('iiii llll 1111 IIII LLLL 1111 iiii llll')).toBe(ones);
  });

  it('refuses keys of the wrong length or with foreign characters, in Dutch', () => {
    expect(() => normalizeRecoveryKey('ABCD-EFGH')).toThrow(/herstelsleutel/);
    expect(() => normalizeRecoveryKey('UUUU-0000-0000-0000-0000-0000-0000-0000')).toThrow(/herstelsleutel/);
  });
});
