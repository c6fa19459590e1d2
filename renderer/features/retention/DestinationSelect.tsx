import { Select } from '@mantine/core';
import { leavingDestinationLabels, leavingDestinations, type LeavingDestination } from '../../../electron/features/retention/vocabulary';
import { invoke } from '../../api/client';
import type { LeavingField } from '../people/student-sections';

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

/** Where they went decides the retention period (VSO: longer); stored by retention once the student has left. */
export const destinationField: LeavingField<LeavingDestination | null> = {
  initial: null,
  Field: DestinationSelect,
  save: (studentId, destination) => invoke('retention.setDestination', { studentId, destination }),
};
