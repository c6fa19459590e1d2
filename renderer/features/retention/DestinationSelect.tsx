import { Select } from '@mantine/core';
import { leavingDestinationLabels, leavingDestinations, type LeavingDestination } from '../../../electron/features/retention/vocabulary';
import { invoke } from '../../api/client';

/** "Uitgestroomd naar" on the leave dialog: VSO makes the file's retention period the special-education one. */
export function DestinationSelect({
  value,
  onChange,
}: {
  value: LeavingDestination | null;
  onChange(value: LeavingDestination | null): void;
}) {
  return (
    <Select
      label="Uitgestroomd naar"
      description="Bij uitstroom naar het VSO geldt de bewaartermijn voor het speciaal onderwijs."
      placeholder="Onbekend"
      clearable
      data={leavingDestinations.map((d) => ({ value: d, label: leavingDestinationLabels[d] }))}
      value={value}
      onChange={(v) => onChange(v as LeavingDestination | null)}
    />
  );
}

export const saveDestination = (studentId: string, destination: LeavingDestination | null) =>
  invoke('retention.setDestination', { studentId, destination });
