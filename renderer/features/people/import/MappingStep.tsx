import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import {
  targetFieldOptions,
  type ColumnMapping,
  type TargetField,
} from '../../../../electron/features/people/import/fields';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Analysis, Preview } from './ImportWizard';

const IGNORE = 'niet-importeren';

const delimiterNames: Record<string, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab', '|': 'verticale streep' };

const selectData = [
  { group: 'Overslaan', items: [{ value: IGNORE, label: 'Niet importeren' }] },
  ...[...new Set(targetFieldOptions.map((o) => o.group))].map((group) => ({
    group,
    items: targetFieldOptions.filter((o) => o.group === group).map(({ value, label }) => ({ value, label })),
  })),
];

/** Chooses which field each column fills; choosing a field already taken moves it to this column. */
function assign(mapping: ColumnMapping, column: string, target: TargetField | null): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [col, t] of Object.entries(mapping)) if (col !== column && t !== target) next[col] = t;
  if (target) next[column] = target;
  return next;
}

export function MappingStep({
  analysis,
  mapping,
  onChange,
  onBack,
  onPreviewed,
}: {
  analysis: Analysis;
  mapping: ColumnMapping;
  onChange(m: ColumnMapping): void;
  onBack(): void;
  onPreviewed(p: Preview): void;
}) {
  const preview = useMutation({
    mutationFn: () => invoke('import.preview', { importId: analysis.importId, mapping }),
    onSuccess: onPreviewed,
  });
  const source =
    analysis.format === 'xlsx'
      ? 'Excel-werkblad'
      : `CSV, ${analysis.encoding ?? 'onbekende codering'}, gescheiden door ${delimiterNames[analysis.delimiter ?? ''] ?? analysis.delimiter}`;

  return (
    <Stack gap="md" mt="md">
      <Group gap="sm">
        <Text>
          {analysis.rowCount} {analysis.rowCount === 1 ? 'regel' : 'regels'} gevonden ({source}).
        </Text>
        {analysis.mappingRemembered && (
          <Badge variant="light" color="teal">
            Koppeling van de vorige keer
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Controleer per kolom wat erin staat. Leerlingnummer is altijd nodig; voor een bestand met alleen ouders ook de
        achternaam van de ouder.
      </Text>
      <Table withTableBorder striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kolom in het bestand</Table.Th>
            <Table.Th>Voorbeeld</Table.Th>
            <Table.Th w={320}>Importeren als</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.headers.map((header, i) => {
            const column = String(i);
            const examples = analysis.samples.map((row) => row[i] ?? '').filter(Boolean);
            return (
              <Table.Tr key={column}>
                <Table.Td fw={500}>{header || `(kolom ${i + 1})`}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {examples.join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Kolom ${header || i + 1}`}
                    data={selectData}
                    value={mapping[column] ?? IGNORE}
                    onChange={(v) => onChange(assign(mapping, column, v && v !== IGNORE ? (v as TargetField) : null))}
                    allowDeselect={false}
                    searchable
                    maxDropdownHeight={320}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {preview.isError && <ErrorAlert error={preview.error} title="Nog niet klaar" />}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Ander bestand
        </Button>
        <Button loading={preview.isPending} onClick={() => preview.mutate()}>
          Controleren
        </Button>
      </Group>
    </Stack>
  );
}
