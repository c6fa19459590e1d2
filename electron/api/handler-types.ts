import type { z } from 'zod';
import type { Contract, MethodName } from './contract';
import type { PublicContext, UnlockedContext } from './context';

export type ContextFor<M extends MethodName> = Contract[M]['access'] extends 'unlocked' ? UnlockedContext : PublicContext;

export type Handler<M extends MethodName> = (
  ctx: ContextFor<M>,
  input: z.output<Contract[M]['input']>,
) => Promise<z.input<Contract[M]['output']>> | z.input<Contract[M]['output']>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** Each domain folder exports the handlers for its own methods. */
export type DomainHandlers<M extends MethodName> = { [K in M]: Handler<K> };
