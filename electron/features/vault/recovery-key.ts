import { randomBytes } from 'node:crypto';
import base32Encode from 'base32-encode';
import base32Decode from 'base32-decode';
import { AppError } from '../../api/errors';

/**
 * A recovery key is 160 random bits written in Crockford base32 (no I, L, O or U, so it can be
 * read aloud and typed from paper) as 8 groups of 4: "7KQ2-M9XD-…".
 */
const RECOVERY_BYTES = 20;
const GROUP = 4;

/** The key is shown (and typed) as a JS string, which cannot be wiped; its bytes here are. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(RECOVERY_BYTES);
  try {
    return formatRecoveryKey(bytes);
  } finally {
    bytes.fill(0);
  }
}

export function formatRecoveryKey(bytes: Uint8Array): string {
  const text = base32Encode(bytes, 'Crockford');
  return text.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** Accepts what a person types: any case, spaces or dashes, and O/I/L for 0/1/1. */
export function normalizeRecoveryKey(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const expectedLength = Math.ceil((RECOVERY_BYTES * 8) / 5);
  if (compact.length !== expectedLength || !/^[0-9A-HJKMNP-TV-Z]+$/.test(compact)) {
    throw new AppError('MALFORMED_RECOVERY_KEY');
  }
  const bytes = new Uint8Array(base32Decode(compact, 'Crockford'));
  try {
    return formatRecoveryKey(bytes);
  } finally {
    bytes.fill(0);
  }
}
