import type { z } from 'zod';
import type { VaultDb } from '../../db/open';
import { recordAudit, type AuditNote } from '../features/audit/store';
import { roleRefusal, rolesOf } from '../features/settings/roles';
import { contract, type Envelope, type MethodName } from './contract';
import { methodRoles, rulePermits } from './method-roles';
import type { Backend, PublicContext, UnlockedContext } from '../api/context';
import type { Commit, PrepareContext } from '../api/handler-types';
import { AppError, errorMessages, isUserError } from '../api/errors';
import { handlers } from './handlers';
import { now } from '../shared/clock';

/** Any method's handler, as the dispatcher runs it (handler-types.ts types them per method). */
type AnyHandler =
  | ((ctx: PublicContext | UnlockedContext, input: unknown) => unknown)
  | { prepare(ctx: PrepareContext, input: unknown): Promise<Commit<unknown>>; readsOnly?: true }
  | { replacesVault(ctx: Omit<UnlockedContext, 'noteForAudit'>, input: unknown): Promise<unknown> };

const AsyncFunction = (async () => undefined).constructor;

const lockedMeanwhile =
  'De omgeving werd vergrendeld terwijl dit bezig was; er is niets gewijzigd. Ontgrendel haar en probeer het opnieuw.';

const writeMethods = new Set<PropertyKey>(['insert', 'update', 'delete', 'run', 'transaction', '$client']);

/** The database as a prepare step sees it: reads work, a write throws (writes belong in the commit step). */
function readOnly(db: VaultDb): VaultDb {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (writeMethods.has(property)) throw new Error(`a prepare step writes nothing (db.${String(property)}); its commit step does`);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function isMethod(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

function fail(code: keyof typeof errorMessages, message?: string): Envelope<never> {
  const error = new AppError(code, message);
  return { ok: false, error: { code: error.code, message: error.message } };
}

/** The first problem as the message; every problem by field (its input path) for the form to show next to it. */
function validationError(error: z.ZodError): Envelope<never> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (key && !(key in fields)) fields[key] = issue.message;
  }
  const message = error.issues[0]?.message ?? errorMessages.VALIDATION;
  return { ok: false, error: { code: 'VALIDATION', message, ...(Object.keys(fields).length ? { fields } : {}) } };
}

/**
 * The single entry point of both shells: check the caller's roles against the method's row,
 * validate input, check the vault is unlocked where needed, run the handler, validate (and so
 * strip) the output, and wrap it in an envelope.
 */
export async function dispatch(backend: Backend, method: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return fail('UNKNOWN_METHOD');
  const spec = contract[method];
  const session = backend.session;
  // Every method has its row in the roles table, applied before the input is even looked at: what
  // a role may not do is not validated for it either. Roles are read at every call, so a change
  // (or a removal) counts at once. Without a session a role-bound method answers LOCKED below.
  const rule = methodRoles[method];
  if (rule.who === 'roles' && session && !rulePermits(rule, rolesOf(session.vault.db, session.user.id))) {
    const refused = roleRefusal(rule.anyOf, rule.to);
    return { ok: false, error: { code: refused.code, message: refused.message } };
  }
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) return validationError(input.error);

  if (spec.access === 'unlocked' && !session) return fail('LOCKED');

  try {
    let note: AuditNote | null = null;
    const noteForAudit = (given: AuditNote) => void (note = given);
    const handler = handlers[method] as unknown as AnyHandler;
    const audited = 'audited' in spec && spec.audited === true;
    const line = (userId: string) => ({ at: now(), userId, method, note });
    let value: unknown;
    // No call runs while another holds a transaction open across an await: it would write into
    // that transaction and share its fate (a rollback would take a save that was acknowledged).
    if (session?.vault.sqlite.inTransaction) return fail('BUSY');
    if (session && 'prepare' in handler) {
      // The slow part first, writing nothing; then its writes and their line in one transaction.
      const undo: (() => void)[] = [];
      let committed = false;
      try {
        const commit = await handler.prepare(
          {
            backend,
            session,
            db: readOnly(session.vault.db),
            noteForAudit,
            undoUnlessCommitted: (effect) => void undo.push(effect),
          },
          input.data,
        );
        const db = session.vault.db;
        const effects: (() => void)[] = [];
        const afterwards: (() => void)[] = [];
        const commitCtx = {
          backend,
          session,
          db,
          noteForAudit,
          lastly: (effect: () => void) => void effects.push(effect),
          afterCommit: (effect: () => void) => void afterwards.push(effect),
        };
        if (backend.session !== session) {
          // Locked meanwhile. A read that leaves no line still answers (a projector's long poll says
          // so); a write, or anything that must be logged, has no vault to go to.
          if (!handler.readsOnly || audited || note) throw new AppError('LOCKED', lockedMeanwhile);
          value = spec.output.parse(commit(commitCtx));
        } else {
          if (session.vault.sqlite.inTransaction) throw new AppError('BUSY');
          // The row again, on the roles of now: a role taken away during the slow part counts before anything is written.
          if (rule.who === 'roles' && !rulePermits(rule, rolesOf(db, session.user.id))) throw roleRefusal(rule.anyOf, rule.to);
          db.transaction(() => {
            value = spec.output.parse(commit(commitCtx));
            if (audited || note) recordAudit(db, line(session.user.id));
            for (const effect of effects) effect();
          });
        }
        committed = true;
        for (const effect of afterwards) {
          try {
            effect();
          } catch (err) {
            console.error(`[api] ${method}: after the commit:`, err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
          }
        }
      } finally {
        if (!committed) {
          for (const effect of undo) {
            try {
              effect();
            } catch (err) {
              console.error(`[api] ${method}: undoing failed:`, err instanceof Error && 'code' in err ? String(err.code) : 'unknown');
            }
          }
        }
      }
    } else if (session && 'replacesVault' in handler) {
      // Its line is in the vault that takes the old one's place, written before the swap: a line
      // written here, after it, could be lost while the swap stays (and a restore has locked).
      if (audited) throw new Error(`${method}: a handler that replaces the vault writes its own line; its method is not audited`);
      value = spec.output.parse(await handler.replacesVault({ backend, session, db: session.vault.db }, input.data));
    } else if (typeof handler !== 'function') {
      throw new Error(`${method}: a prepared handler needs an unlocked vault`);
    } else if (spec.access === 'unlocked' && handler instanceof AsyncFunction) {
      // Refused before it runs: what it writes after an await would miss the transaction and the line.
      throw new Error(`${method}: an unlocked handler that awaits must be Prepared`);
    } else if (audited && session) {
      // The change and its audit line commit together: a failed audit insert undoes the change,
      // so a retry never does it twice.
      const ctx: UnlockedContext = { backend, session, db: session.vault.db, noteForAudit };
      let refused: unknown = null;
      session.vault.db.transaction(() => {
        let result: unknown;
        try {
          result = handler(ctx, input.data);
        } catch (err) {
          // A refusal the user can act on keeps what the handler meant to keep (an intake's draft
          // stays saved when submitting it is refused); it changed nothing worth a line.
          if (!isUserError(err)) throw err;
          refused = err;
          return;
        }
        // Writes after an await would miss this transaction and its line: such a handler is `Prepared`.
        if (result instanceof Promise) throw new Error(`${method}: an unlocked handler that awaits must be Prepared`);
        value = spec.output.parse(result);
        recordAudit(session.vault.db, line(session.user.id));
      });
      if (refused) throw refused;
    } else {
      const ctx: PublicContext | UnlockedContext = session ? { backend, session, db: session.vault.db, noteForAudit } : { backend };
      const result = handler(ctx, input.data);
      if (spec.access === 'unlocked' && result instanceof Promise)
        throw new Error(`${method}: an unlocked handler that awaits must be Prepared`);
      value = spec.output.parse(await result);
      // A read that opened a student's file leaves its line too (no transaction is open here: see above).
      const after = backend.session;
      if (note && after) recordAudit(after.vault.db, line(after.user.id));
    }
    backend.maybeChanged();
    return { ok: true, value };
  } catch (err) {
    if (isUserError(err)) {
      const fields = err instanceof AppError ? err.fields : undefined;
      return { ok: false, error: { code: err.code, message: err.message, ...(fields ? { fields } : {}) } };
    }
    // Never echo inputs: they may hold student details.
    console.error(`[api] ${method} failed:`, err instanceof Error ? err.stack : String(err));
    return fail('INTERNAL');
  }
}
