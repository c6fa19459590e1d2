import { Badge, Box, Button, Group, Table, Text } from '@mantine/core';
import { format, getISOWeek, parseISO } from 'date-fns';
import type { MethodOutput } from '../../../electron/api/contract';
import { deadlineDate, shortWeekdayDateYear as mediumDate } from '../../../electron/shared/dutch-dates';
import { seriesColor } from './labels';

type Meeting = MethodOutput<'schedule.overview'>['meetings'][number];

/** Meetings with their intake deadlines; the coordinator's list of what is coming. */
export function MeetingsTable({ meetings, onEdit }: { meetings: Meeting[]; onEdit(m: Meeting): void }) {
  if (meetings.length === 0) return <Text c="dimmed">Geen overleggen gepland in deze periode.</Text>;
  // A deadline outside this school year shows its year ("14-07-2026"), so it cannot pass for one in this year.
  const today = format(new Date(), 'yyyy-MM-dd');
  return (
    <Table striped highlightOnHover withTableBorder aria-label="Overleggen">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>Week</Table.Th>
          <Table.Th>Datum</Table.Th>
          <Table.Th>Tijd</Table.Th>
          <Table.Th>Overleg</Table.Th>
          <Table.Th>Locatie</Table.Th>
          <Table.Th>Aanmelden t/m</Table.Th>
          <Table.Th>Opmerking</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {meetings.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td c="dimmed">{getISOWeek(parseISO(m.date))}</Table.Td>
            <Table.Td>{mediumDate(m.date)}</Table.Td>
            <Table.Td>
              {m.startTime}–{m.endTime}
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Box w={10} h={10} style={{ borderRadius: 2, background: seriesColor(m.color) }} />
                {m.title}
              </Group>
            </Table.Td>
            <Table.Td>{m.location}</Table.Td>
            <Table.Td>
              {m.intakeDeadline ? deadlineDate(m.intakeDeadline, today) : ''}
              {m.intakeDeadline && m.intakeDeadlineNote && (
                <Text size="xs" c="dimmed" lh={1.2} maw={200}>
                  {m.intakeDeadlineNote}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {m.dayOff && (
                <Badge size="sm" color="red" variant="light" mr={6}>
                  valt op: {m.dayOff}
                </Badge>
              )}
              {m.note}{' '}
              {m.movedByHand && (
                <Badge size="xs" variant="light" color="gray">
                  met de hand
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="subtle" onClick={() => onEdit(m)} aria-label={`${m.title} ${mediumDate(m.date)} wijzigen`}>
                Wijzigen
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
