import type { MethodOutput } from '../../../electron/app/contract';
import { ApiError } from '../../api/client';

export type Worklist = MethodOutput<'retention.worklist'>;
export type Listed = Worklist['proposals'][number];

export const worklistKey = ['retention', 'worklist'];
export const fieldError = (error: unknown, field: string) => (error instanceof ApiError ? error.fields[field] : undefined);
