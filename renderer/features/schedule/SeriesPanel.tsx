import { Badge, Box, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { seriesColor, weekdayOptions } from './labels';
import { useSeries } from './queries';
import { SeriesForm } from './SeriesForm';
import { EditModal } from '../../components/EditModal';

type Series = MethodOutput<'series.list'>[number];

function rhythm(s: Series): string {
  if (s.intervalWeeks === null) return `op afspraak, ${s.startTime}`;
  const day = weekdayOptions.find((w) => w.value === String(s.weekday))?.label ?? '';
  return `${s.intervalWeeks === 1 ? 'elke week' : `elke ${s.intervalWeeks} weken`} op ${day} ${s.startTime}`;
}

/** The meeting series (overlegvormen) of the school. */
export function SeriesPanel() {
  const series = useSeries();
  const [editing, setEditing] = useState<Series | 'new' | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed">IOT, ZAT, OT, FlexZAT, MDO of eigen overlegvormen, elk met een eigen ritme en vaste deelnemers.</Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          Overlegvorm toevoegen
        </Button>
      </Group>
      {series.isPending && <Loader aria-label="Laden" />}
      {series.isError && <ErrorAlert error={series.error} />}
      {series.data && series.data.length === 0 && <Text>Er zijn nog geen overlegvormen. Voeg bijvoorbeeld het IOT toe.</Text>}
      {series.data && series.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder aria-label="Overlegvormen">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Ritme</Table.Th>
              <Table.Th>Locatie</Table.Th>
              <Table.Th>Aanmelden</Table.Th>
              <Table.Th>Overleggen</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {series.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Box w={12} h={12} style={{ borderRadius: 3, background: seriesColor(s.color) }} />
                    {s.name}
                    {s.withExternalPartners && (
                      <Badge size="xs" variant="light">
                        met externen
                      </Badge>
                    )}
                    {!s.active && (
                      <Badge size="xs" color="gray" variant="light">
                        inactief
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{rhythm(s)}</Table.Td>
                <Table.Td>{s.location}</Table.Td>
                <Table.Td>{s.intakeDeadlineSchoolDays === 1 ? '1 schooldag' : `${s.intakeDeadlineSchoolDays} schooldagen`} vooraf</Table.Td>
                <Table.Td>{s.meetingCount}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing(s)} aria-label={`${s.name} wijzigen`}>
                    Wijzigen
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ add: 'Overlegvorm toevoegen', edit: 'Overlegvorm wijzigen' }}
        size="xl"
      >
        {(item) => <SeriesForm series={item} usedColors={(series.data ?? []).map((s) => s.color)} onSaved={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}
