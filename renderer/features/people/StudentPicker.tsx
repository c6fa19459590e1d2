import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useStudentSearch } from './queries';

export interface PickedStudent {
  id: string;
  label: string;
}

const optionLabel = (s: { name: string; className: string; studentNumber: string }) =>
  `${s.name}${s.className ? ` (${s.className})` : ''} · ${s.studentNumber}`;

/**
 * Type-ahead over the enrolled students: the backend searches (name, leerlingnummer, klas), so
 * the Select shows its results as they come instead of filtering them again.
 */
export function StudentPicker({
  value,
  onChange,
  label = 'Leerling',
  error,
  autoFocus,
  required = true,
}: {
  value: PickedStudent | null;
  onChange(student: PickedStudent | null): void;
  label?: string;
  error?: string;
  autoFocus?: boolean;
  /** A form's student is required; a filter's is not. */
  required?: boolean;
}) {
  const [search, setSearch] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(search, 150);
  // Once a student is chosen the box shows their label; that is no query to search for.
  const query = value && debounced === value.label ? '' : debounced;
  const results = useStudentSearch({ query, className: null, yearLevel: null, status: 'active', limit: 20 });
  const options = (results.data?.items ?? []).map((s) => ({ value: s.id, label: optionLabel(s) }));
  // The chosen student stays an option, or the Select would forget what it shows.
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.label });

  return (
    <Select
      label={label}
      placeholder="Zoek op naam, leerlingnummer of klas"
      searchable
      clearable
      required={required}
      autoFocus={autoFocus}
      data={options}
      filter={({ options: all }) => all}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id && option ? { id, label: option.label } : null)}
      nothingFoundMessage={results.isFetching ? 'Zoeken…' : 'Geen leerling gevonden'}
      error={error}
    />
  );
}
