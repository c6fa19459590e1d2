import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import {
  importSourceLabels,
  importSources,
  targetFieldOptions,
  unmappedColumns,
  type ColumnMapping,
  type ImportSource,
  type TargetField,
} from '../../../../electron/features/people/import/fields';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Analysis, Preview } from './types';

const IGNORE = 'niet-importeren';

const delimiterNames: Record<string, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab', '|': 'verticale streep' };

const selectData = [
  { group: 'Overslaan', items: [{ value: IGNORE, label: 'Niet importeren' }] },
  ...[...new Set(targetFieldOptions.map((o) => o.group))].map((group) => ({
    group,
    items: targetFieldOptions.filter((o) => o.group === group).map(({ value, label }) => ({ value, label })),
  })),
];

const sourceData = importSources.map((s) => ({ value: s, label: importSourceLabels[s] }));

/**
 * Chooses which field each column fills (null: knowingly not imported); choosing a field already
 * taken moves it to this column, and the column that had it becomes undecided again.
 */
function assign(mapping: ColumnMapping, ignored: string[], column: string, target: TargetField | null): [ColumnMapping, string[]] {
  const next: ColumnMapping = {};
  for (const [col, t] of Object.entries(mapping)) if (col !== column && t !== target) next[col] = t;
  if (target) next[column] = target;
  const nextIgnored = ignored.filter((c) => c !== column);
  return [next, target ? nextIgnored : [...nextIgnored, column]];
}

export function MappingStep({
  analysis,
  mapping,
  ignored,
  source,
  onChange,
  onSourceChange,
  onBack,
  onPreviewed,
}: {
  analysis: Analysis;
  mapping: ColumnMapping;
  ignored: string[];
  source: ImportSource;
  onChange(m: ColumnMapping, ignored: string[]): void;
  onSourceChange(s: ImportSource): void;
  onBack(): void;
  onPreviewed(p: Preview): void;
}) {
  const preview = useMutation({
    mutationFn: () => invoke('import.preview', { importId: analysis.importId, mapping }),
    onSuccess: onPreviewed,
  });
  const delimiter = delimiterNames[analysis.delimiter ?? ''] ?? analysis.delimiter;
  const fileKind =
    analysis.format === 'xlsx' ? 'Excel-werkblad' : `CSV, ${analysis.encoding ?? 'onbekende codering'}, gescheiden door ${delimiter}`;
  const recognised = source === analysis.source ? 'Herkend aan de kolomnamen. ' : '';
  const unmapped = unmappedColumns(analysis.headers, mapping, ignored);

  return (
    <Stack gap="md" mt="md">
      <Group gap="sm">
        <Text>
          {analysis.rowCount} {analysis.rowCount === 1 ? 'regel' : 'regels'} gevonden ({fileKind}).
        </Text>
        {analysis.mappingRemembered && (
          <Badge variant="light" color="teal">
            Koppeling van de vorige keer ({importSourceLabels[analysis.source]})
          </Badge>
        )}
      </Group>
      <Select
        label="Bron"
        description={`${recognised}De koppeling die je nu kiest, wordt de volgende keer voor ${importSourceLabels[source]} voorgesteld.`}
        data={sourceData}
        value={source}
        onChange={(v) => v && onSourceChange(v as ImportSource)}
        allowDeselect={false}
        maw={520}
      />
      <Text size="sm" c="dimmed">
        Controleer per kolom wat erin staat. Leerlingnummer is altijd nodig; voor een bestand met alleen ouders ook de achternaam van de
        ouder.
      </Text>
      {unmapped.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Niet gekoppelde kolommen" data-testid="unmapped-columns">
          {unmapped.length === 1 ? 'De kolom ' : 'De kolommen '}
          {unmapped.map((c) => `"${c.header}"`).join(', ')} {unmapped.length === 1 ? 'wordt' : 'worden'} niet geïmporteerd. Koppel{' '}
          {unmapped.length === 1 ? 'hem' : 'ze'} hieronder aan een veld, of kies "Niet importeren" als je{' '}
          {unmapped.length === 1 ? 'hem' : 'ze'} bewust overslaat.
        </Alert>
      )}
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
            const undecided = !(column in mapping) && !ignored.includes(column);
            return (
              <Table.Tr key={column}>
                <Table.Td fw={500}>
                  <Group gap={6} wrap="nowrap">
                    {header || `(kolom ${i + 1})`}
                    {undecided && (
                      <Badge size="sm" color="yellow" variant="light">
                        Niet gekoppeld
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {examples.join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Kolom ${header || i + 1}`}
                    data={selectData}
                    value={mapping[column] ?? (undecided ? null : IGNORE)}
                    placeholder="Kies een veld of Niet importeren"
                    onChange={(v) => onChange(...assign(mapping, ignored, column, v && v !== IGNORE ? (v as TargetField) : null))}
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
