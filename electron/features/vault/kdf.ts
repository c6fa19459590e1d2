import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

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
  salt: z.string().min(16),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

export const defaultKdfCost: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

export function newKdfParams(cost: KdfCost = defaultKdfCost): KdfParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function deriveWrappingKey(secret: string, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
