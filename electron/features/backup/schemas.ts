import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { backupKinds } from './vocabulary';

/** Zod schemas of the backup domain's contract methods (joined into electron/app/contract.ts). */

/**
 * A path as typed or pasted: Windows' "Als pad kopiëren" adds quotes, which are dropped. Only a
 * full path: a relative one would depend on where the app happened to start.
 */
const typedPath = (what: string, example: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/^"(.*)"$/, '$1').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `Vul ${what} in.` })
        .max(4096, { error: 'Dit pad is te lang.' })
        .refine((v) => isAbsolute(v), { error: `Geef de volledige plek op, bijvoorbeeld ${example}.` }),
    );

export const backupFolderSchema = typedPath('de map voor de back-up', 'E:\\ of /media/usb-stick');
export const backupPathSchema = typedPath('de plek van de back-up', 'E:\\lindeboom-college-2026-03-12-140512.zobackup');

const backupEntry = z.object({
  id: z.string(),
  takenAt: z.string(),
  kind: z.enum(backupKinds),
  sizeBytes: z.number(),
  verified: z.boolean(),
});

const madeBackup = z.object({ fileName: z.string(), path: z.string(), takenAt: z.string(), sizeBytes: z.number() });

export const backupMethods = {
  'backup.overview': {
    input: z.object({}),
    output: z.object({
      /** Where the automatic backups of this environment are. */
      folder: z.string(),
      backups: z.array(backupEntry),
      automatic: z.object({
        enabled: z.boolean(),
        running: z.boolean(),
        lastAt: z.string().nullable(),
        problem: z.string().nullable(),
      }),
      /** Making and restoring backups is for coordinators. */
      mayManage: z.boolean(),
    }),
  },
  'backup.create': { input: z.object({ folder: backupFolderSchema }), output: madeBackup },
  'backup.restore': {
    input: z.object({
      source: z.discriminatedUnion('from', [
        z.object({ from: z.literal('list'), id: z.string().min(1).max(200) }),
        z.object({ from: z.literal('file'), path: backupPathSchema }),
      ]),
    }),
    output: z.object({ takenAt: z.string(), safetyCopy: z.string() }),
  },
  'backup.onThisComputer': {
    input: z.object({}),
    output: z.array(z.object({ path: z.string(), label: z.string(), takenAt: z.string(), kind: z.enum(backupKinds) })),
  },
  'backup.inspect': {
    input: z.object({ path: backupPathSchema }),
    output: z.object({
      label: z.string(),
      takenAt: z.string(),
      kind: z.enum(backupKinds),
      users: z.array(z.object({ id: z.string(), name: z.string(), staffCode: z.string() })),
    }),
  },
  'backup.open': {
    output: z.object({ environmentId: z.string(), repaired: z.boolean() }),
  },
} as const;
