import { Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MethodName } from '../../electron/app/contract';
import { methodRoles } from '../../electron/app/method-roles';

/** What a user whose roles do not allow a method reads on hover: who can. */
export function refusalReason(method: MethodName): string {
  const rule = methodRoles[method];
  if (rule.who !== 'roles') return '';
  if (rule.anyOf.length === 1 && rule.anyOf[0] === 'coordinator') return 'Alleen de coördinator kan dit wijzigen';
  return 'Alleen de coördinator, de voorzitter of de notulist kan dit wijzigen';
}

/**
 * A control for a method the roles table refuses this user (`may` from useMayCall): shown
 * disabled, with the reason on hover and on keyboard focus, instead of a FORBIDDEN after the
 * click. `children` gets whether to disable; the control keeps its own other reasons.
 */
export function RoleGate({ method, may, children }: { method: MethodName; may: boolean; children(refused: boolean): ReactNode }) {
  if (may) return <>{children(false)}</>;
  const reason = refusalReason(method);
  return (
    <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }} withArrow>
      {/* A disabled button gets no pointer or focus events: the wrapper takes them and shows the reason. */}
      <span tabIndex={0} data-refusal={reason} style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        {children(true)}
      </span>
    </Tooltip>
  );
}
