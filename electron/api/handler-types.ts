import type { z } from 'zod';
import type { PublicContext, UnlockedContext } from './context';

/** What every method of a contract declares: who may call it, what goes in, what comes out. */
export interface MethodShape {
  access: 'public' | 'unlocked';
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * The contract registers itself here from above (electron/app/contract.ts augments this interface),
 * so the handler types know every method without importing the layer that assembles the domains.
 */
export interface ContractRegister {}

type Contract = ContractRegister extends { contract: infer C extends Record<string, MethodShape> } ? C : Record<string, MethodShape>;
type MethodName = keyof Contract;

export type ContextFor<M extends MethodName> = Contract[M]['access'] extends 'unlocked' ? UnlockedContext : PublicContext;

type Input<M extends MethodName> = z.output<Contract[M]['input']>;
type Output<M extends MethodName> = z.input<Contract[M]['output']>;

/** What a method's handler returns, for a domain that hands part of it to another. */
export type HandlerOutput<M extends MethodName> = Output<M>;

/** The context of a commit step: the unlocked context, and effects outside the database that go last. */
export interface CommitContext extends UnlockedContext {
  /**
   * An effect outside the database (a key file): run after the call's audit line, inside its
   * transaction, so that when the line or the effect fails nothing is committed.
   */
  lastly(effect: () => void): void;
  /**
   * Work that may start only once the call and its line are committed (an import's rows, in
   * their own transaction): never when the call is undone. It cannot undo the call, so it reports
   * its own failure (an import job says it failed) and must not throw.
   */
  afterCommit(effect: () => void): void;
}

/** The context of a prepare step: its `db` refuses writes. */
export interface PrepareContext extends UnlockedContext {
  /**
   * Undoes an effect of the slow part outside the database (a file it made) when the call does
   * not commit after all: its line could not be written, or the vault locked meanwhile.
   */
  undoUnlessCommitted(effect: () => void): void;
}

/** The writes of a prepared handler, run synchronously in one transaction with the call's audit line. */
export type Commit<O> = (ctx: CommitContext) => O;

/**
 * A handler with slow work (deriving a key, building a file). `prepare` does that work and writes
 * nothing (its `db` refuses writes); it resolves to the commit step, which the dispatcher runs in
 * one transaction with the audit line. So an await never sits between a write and its line.
 */
export interface Prepared<M extends MethodName> {
  prepare(ctx: PrepareContext, input: Input<M>): Promise<Commit<Output<M>>>;
  /** Its commit step writes nothing: after a lock meanwhile, a call that leaves no line still answers. */
  readsOnly?: true;
}

/**
 * A handler that replaces the vault file whole (a user's removal with a new key, a restore): it
 * writes into a copy that takes the vault's place at once, so it needs no transaction of the live
 * connection. It writes its own line into that copy before the swap (a removal's, a restore's), so
 * the line is there exactly when the new vault is: it gets no `noteForAudit`, and its method is not
 * `audited` in the contract (the dispatcher refuses one that is).
 */
export interface ReplacesVault<M extends MethodName> {
  replacesVault(ctx: Omit<UnlockedContext, 'noteForAudit'>, input: Input<M>): Promise<Output<M>>;
}

/**
 * An unlocked method's handler runs synchronously in the dispatcher (with its audit line, if any);
 * one that must await is `Prepared` or `ReplacesVault`: a plain async handler is a type error.
 * Public methods run before there is a vault to write to (creating, unlocking one).
 */
export type Handler<M extends MethodName> = Contract[M]['access'] extends 'unlocked'
  ? ((ctx: UnlockedContext, input: Input<M>) => Output<M>) | Prepared<M> | ReplacesVault<M>
  : (ctx: PublicContext, input: Input<M>) => Promise<Output<M>> | Output<M>;

export type Handlers = { [M in MethodName]: Handler<M> };

/** Each domain folder exports the handlers for its own methods. */
export type DomainHandlers<M extends MethodName> = { [K in M]: Handler<K> };

/**
 * A prepared handler whose slow part only reads (an export that builds a file): its commit step
 * writes nothing but the call's line.
 */
export function readsOnly<M extends MethodName>(build: (ctx: PrepareContext, input: Input<M>) => Promise<Output<M>>): Prepared<M> {
  return {
    prepare: async (ctx, input) => {
      const value = await build(ctx, input);
      return () => value;
    },
    readsOnly: true,
  };
}
