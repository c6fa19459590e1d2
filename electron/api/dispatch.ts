import { z } from 'zod';
import { recordAudit, recordOrDeferAudit, type AuditNote } from '../features/audit/store';
import { hasOneOfRoles, roleRefusal } from '../features/settings/roles';
import { contract, type Envelope, type MethodName } from './contract';
import type { Backend, PublicContext, UnlockedContext } from './context';
import { AppError, errorMessages, isUserError } from './errors';
import { handlers } from './handlers';

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
 * The single entry point of both shells: check the caller's role where the contract names one,
 * validate input, check the vault is unlocked where needed, run the handler, validate (and so
 * strip) the output, and wrap it in an envelope.
 */
export async function dispatch(backend: Backend, method: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return fail('UNKNOWN_METHOD');
  const spec = contract[method];
  const session = backend.session;
  // Before the input is even looked at: what a role may not do is not validated for it either.
  // Roles are read at every call, so a change (or a removal) counts at once.
  if ('roles' in spec && spec.roles && session && !hasOneOfRoles(session.vault.db, session.user.id, spec.roles.anyOf)) {
    const refused = roleRefusal(spec.roles.anyOf, spec.roles.to);
    return { ok: false, error: { code: refused.code, message: refused.message } };
  }
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) return validationError(input.error);

  if (spec.access === 'unlocked' && !session) return fail('LOCKED');
  if ('audited' in spec && spec.audited && backend.busyWith) return fail('BUSY');

  try {
    let note: AuditNote | null = null;
    const ctx: PublicContext | UnlockedContext = session
      ? { backend, session, db: session.vault.db, noteForAudit: (given: AuditNote) => void (note = given) }
      : { backend };
    const run = handlers[method] as (ctx: PublicContext | UnlockedContext, input: unknown) => unknown;
    const audited = 'audited' in spec && spec.audited === true;
    const line = (userId: string) => ({ at: new Date().toISOString(), userId, method, note });
    let value: unknown;
    if (audited && session) {
      // The change and its audit line commit together: a failed audit insert undoes the change,
      // so a retry never does it twice. An async handler (an export that builds a file) only
      // reads before its line is written; its line is written once the file is made.
      const async: { result?: Promise<unknown>; refused?: unknown } = {};
      session.vault.db.transaction(() => {
        let result: unknown;
        try {
          result = run(ctx, input.data);
        } catch (err) {
          // A refusal the user can act on keeps what the handler meant to keep (an intake's draft
          // stays saved when submitting it is refused); it changed nothing worth a line.
          if (!isUserError(err)) throw err;
          async.refused = err;
          return;
        }
        if (result instanceof Promise) {
          async.result = result;
          return;
        }
        value = spec.output.parse(result);
        recordAudit(session.vault.db, line(session.user.id));
      });
      if (async.refused) throw async.refused;
      if (async.result) {
        value = spec.output.parse(await async.result);
        const after = backend.session;
        if (after) recordAudit(after.vault.db, line(after.user.id));
      }
    } else {
      value = spec.output.parse(await run(ctx, input.data));
      // A read that opened a student's file leaves its line too (after an import, not inside it).
      const after = backend.session;
      if (note && after) recordOrDeferAudit(backend, after.vault.db, line(after.user.id));
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
