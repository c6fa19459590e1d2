import type { MethodOutput } from '../../../electron/app/contract';

export const usersKey = ['users'] as const;
export type User = MethodOutput<'users.list'>[number];
export type Removal = MethodOutput<'users.remove'> & { name: string };
