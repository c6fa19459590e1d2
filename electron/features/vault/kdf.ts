import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import type { KdfCost } from '../../api/context';

/**
 * scrypt parameters stored with every wrapped key, so they can be raised later without breaking
 * existing keyrings. N = 2^17, r = 8 costs about half a second and 128 MiB on a school laptop:
 * cheap for one unlock, expensive for guessing.
 */
export const kdfParamsSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string().min(16).max(256),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export const defaultKdfCost: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

/**
 * What a cost read from a keyring may be. The keyring is a plain file: a tampered N = 2^30 would
 * ask for a terabyte, a huge p would keep a core busy for hours. Anything outside was never
 * written by Zorgoverleg and is refused as a damaged keyring before scrypt runs. The floor is
 * the cheap cost the tests use (N = 2^10; the app itself always writes the default); the ceiling
 * leaves room to raise the default some day (at most 8× today's work, 1 GiB of memory).
 */
export const kdfLimits = {
  minN: 2 ** 10,
  maxN: 2 ** 20,
  minR: 8,
  maxR: 16,
  maxP: 4,
  maxWork: 8 * defaultKdfCost.N * defaultKdfCost.r * defaultKdfCost.p,
  maxMemoryBytes: 1024 ** 3,
} as const;

export function isKdfCostWithinLimits({ N, r, p }: KdfCost): boolean {
  const l = kdfLimits;
  const powerOfTwo = Number.isInteger(N) && N > 0 && Number.isInteger(Math.log2(N));
  return (
    powerOfTwo &&
    N >= l.minN &&
    N <= l.maxN &&
    Number.isInteger(r) &&
    r >= l.minR &&
    r <= l.maxR &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= l.maxP &&
    N * r * p <= l.maxWork &&
    128 * N * r <= l.maxMemoryBytes
  );
}

export function newKdfParams(cost: KdfCost = defaultKdfCost): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/**
 * The key that wraps the data key. The caller wipes it (fill(0)) once used. The secret arrives as
 * a JS string (from IPC or HTTP JSON): V8 strings are immutable and cannot be wiped, so only the
 * UTF-8 copy made here is; the string itself goes with the garbage collector.
 */
export function deriveWrappingKey(secret: string, params: KdfParams): Promise<Buffer> {
  if (!isKdfCostWithinLimits(params)) return Promise.reject(new AppError('KEYRING_DAMAGED'));
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  };
  // The same UTF-8 bytes scrypt made of the string before, so existing keyrings still open.
  const password = Buffer.from(secret.normalize('NFC'), 'utf8');
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, Buffer.from(params.salt, 'base64'), 32, options, (err, key) => (err ? reject(err) : resolve(key)));
  }).finally(() => password.fill(0));
}
