import { Alert, Button, Checkbox, Group, List, Radio, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { unmappedColumns, type ColumnMapping, type ImportSource } from '../../../../electron/features/people/import/fields';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Figure } from '../../../components/Figure';
import type { Analysis, Preview } from './types';
import { ProblemTable } from './ProblemTable';

type Update = Preview['updates'][number];
type Change = Update['changes'][number];

const SHOWN = 200;

const value = (text: string) => (text === '' ? '(leeg)' : text);

function ChangeLine({ change }: { change: Change }) {
  return (
    <Text size="sm" span>
      {change.field}:{' '}
      <Text span td="line-through" c="dimmed" size="sm">
        {value(change.from)}
      </Text>{' '}
      →{' '}
      <Text span fw={600} size="sm">
        {value(change.to)}
      </Text>
    </Text>
  );
}

/** Old → new per field for one student, and what happens to each of their guardians. */
function UpdateChanges({ update }: { update: Update }) {
  return (
    <List size="sm" spacing={2} listStyleType="none">
      {update.changes.map((c) => (
        <List.Item key={c.field}>
          <ChangeLine change={c} />
        </List.Item>
      ))}
      {update.guardians.map((g) => (
        <List.Item key={`${g.action}-${g.name}`}>
          {g.action === 'added' && <Text size="sm">Nieuwe ouder/verzorger: {g.name}</Text>}
          {g.action === 'kept' && (
            <Text size="sm" c="dimmed">
              {g.name} staat niet in het bestand en blijft bewaard
            </Text>
          )}
          {g.action === 'updated' && (
            <>
              <Text size="sm">Ouder/verzorger {g.name}:</Text>
              <List size="sm" withPadding listStyleType="none">
                {g.changes.map((c) => (
                  <List.Item key={c.field}>
                    <ChangeLine change={c} />
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function CheckStep({
  analysis,
  mapping,
  ignored,
  source,
  preview,
  onBack,
  onRestart,
  onStarted,
}: {
  analysis: Analysis;
  mapping: ColumnMapping;
  ignored: string[];
  source: ImportSource;
  preview: Preview;
  onBack(): void;
  onRestart(): void;
  onStarted(jobId: string): void;
}) {
  const [onErrors, setOnErrors] = useState<'skip' | 'refuse'>('skip');
  /** Leerlingnummers whose update is not taken over; every update is taken over until unticked. */
  const [declined, setDeclined] = useState<Set<string>>(new Set());
  const chosen = preview.updates.filter((u) => !declined.has(u.studentNumber));
  const start = useMutation({
    mutationFn: () =>
      invoke('import.start', {
        importId: analysis.importId,
        mapping,
        onErrors,
        source,
        updates: declined.size === 0 ? 'all' : chosen.map((u) => u.studentNumber),
      }),
    onSuccess: ({ jobId }) => onStarted(jobId),
  });
  const toggle = (studentNumber: string, take: boolean) =>
    setDeclined((d) => {
      const next = new Set(d);
      if (take) next.delete(studentNumber);
      else next.add(studentNumber);
      return next;
    });
  const what = preview.kind === 'students' ? 'leerlingen' : 'leerlingen met ouders/verzorgers';
  const hasErrors = preview.errors.length > 0;
  const nothingToDo = preview.toAdd + chosen.length === 0;
  const unmapped = unmappedColumns(analysis.headers, mapping, ignored);

  return (
    <Stack gap="md" mt="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} maw={960}>
        <Figure label={preview.kind === 'students' ? 'Nieuwe leerlingen' : 'Nieuw'} value={preview.toAdd} />
        <Figure label="Bij te werken" value={preview.toUpdate} />
        <Figure label="Ongewijzigd" value={preview.unchanged} />
        <Figure label="Regels met fouten" value={preview.errors.length} alert={hasErrors} />
      </SimpleGrid>
      {unmapped.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Niet gekoppelde kolommen">
          Niet geïmporteerd: {unmapped.map((c) => `"${c.header}"`).join(', ')}. Ga terug naar de kolommen als je ze nodig hebt.
        </Alert>
      )}
      {!hasErrors && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />}>
          Geen fouten gevonden. Er worden {preview.toAdd + chosen.length} {what} ingelezen.
        </Alert>
      )}
      {preview.updates.length > 0 && (
        <>
          <Title order={3}>Bij te werken</Title>
          <Text size="sm" c="dimmed">
            Deze leerlingen staan al in Zorgoverleg, met andere gegevens dan in het bestand. Kies per leerling of de nieuwe gegevens worden
            overgenomen; ouders/verzorgers die niet in het bestand staan, blijven bewaard.
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setDeclined(new Set())} disabled={declined.size === 0}>
              Alles overnemen
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => setDeclined(new Set(preview.updates.map((u) => u.studentNumber)))}
              disabled={chosen.length === 0}
            >
              Niets overnemen
            </Button>
            <Text size="sm" data-testid="updates-chosen">
              {chosen.length} van {preview.updates.length} bijwerken
            </Text>
          </Group>
          <Table withTableBorder striped aria-label="Bij te werken" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Overnemen</Table.Th>
                <Table.Th w={70}>Regel</Table.Th>
                <Table.Th w={220}>Leerling</Table.Th>
                <Table.Th>Oud → nieuw</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.updates.slice(0, SHOWN).map((u) => (
                <Table.Tr key={u.studentNumber}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${u.name} bijwerken`}
                      checked={!declined.has(u.studentNumber)}
                      onChange={(e) => toggle(u.studentNumber, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>{u.line}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {u.studentNumber}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" mb={4}>
                      {u.message}
                    </Text>
                    <UpdateChanges update={u} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {preview.updates.length > SHOWN && (
            <Text size="sm" c="dimmed">
              En nog {preview.updates.length - SHOWN} leerlingen; "Alles overnemen" en "Niets overnemen" gelden ook voor hen.
            </Text>
          )}
        </>
      )}
      {hasErrors && (
        <>
          <Title order={3}>Regels met fouten</Title>
          <ProblemTable problems={preview.errors} label="Regels met fouten" />
          <Radio.Group
            label="Wat wil je doen met deze regels?"
            value={onErrors}
            onChange={(v) => setOnErrors(v === 'refuse' ? 'refuse' : 'skip')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="skip" label="Regels met fouten overslaan en de rest importeren" />
              <Radio value="refuse" label="Niets importeren; ik verbeter eerst het bestand" />
            </Stack>
          </Radio.Group>
        </>
      )}
      {preview.warnings.length > 0 && (
        <>
          <Group gap="xs">
            <IconAlertTriangle size={20} color="var(--mantine-color-yellow-7)" />
            <Title order={3}>Let op</Title>
          </Group>
          <Text size="sm" c="dimmed">
            Deze regels worden wel geïmporteerd.
          </Text>
          <ProblemTable problems={preview.warnings} label="Waarschuwingen" />
        </>
      )}
      {start.isError && <ErrorAlert error={start.error} title="Niet geïmporteerd" />}
      {start.isError && onErrors === 'refuse' && (
        <Group>
          <Button variant="light" onClick={onRestart}>
            Ander bestand kiezen
          </Button>
        </Group>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Terug naar kolommen
        </Button>
        <Button loading={start.isPending} disabled={nothingToDo && onErrors === 'skip'} onClick={() => start.mutate()}>
          Importeren
        </Button>
      </Group>
    </Stack>
  );
}
