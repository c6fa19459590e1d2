import { Badge, type BadgeProps } from '@mantine/core';
import { statusColors, statusLabels } from './labels';

// Never cut to "Geaccept…" in a narrow table column: the word is the information.
const whole = {
  root: { textTransform: 'none', overflow: 'visible', flexShrink: 0 },
  label: { overflow: 'visible' },
} as const;
import type { IntakeStatus } from './queries';

/** The status of an intake as a badge with its word (colour alone says nothing to a screen reader). */
export function StatusBadge({ status, size = 'md' }: { status: IntakeStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge color={statusColors[status]} variant="light" size={size} styles={whole}>
      {statusLabels[status]}
    </Badge>
  );
}

export function LateBadge({ size = 'md' }: { size?: BadgeProps['size'] }) {
  return (
    <Badge color="red" variant="outline" size={size} styles={whole}>
      te laat
    </Badge>
  );
}
