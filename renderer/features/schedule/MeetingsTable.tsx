import { Badge, Box, Group, Text } from '@mantine/core';
import { format, getISOWeek, parseISO } from 'date-fns';
import type { MethodOutput } from '../../../electron/app/contract';
import { deadlineDate, shortWeekdayDateYear as mediumDate } from '../../../electron/shared/dutch-dates';
import { RecordTable } from '../../components/RecordList';
import { seriesColor } from './labels';

type Meeting = MethodOutput<'schedule.overview'>['meetings'][number];

/** Meetings with their intake deadlines; the coordinator's list of what is coming. */
export function MeetingsTable({ meetings, onEdit }: { meetings: Meeting[]; onEdit: ((m: Meeting) => void) | null }) {
  if (meetings.length === 0) return <Text c="dimmed">Geen overleggen gepland in deze periode.</Text>;
  // A deadline outside this school year shows its year ("14-07-2026"), so it cannot pass for one in this year.
  const today = format(new Date(), 'yyyy-MM-dd');
  return (
    <RecordTable
      label="Overleggen"
      records={meetings}
      rowKey={(m) => m.id}
      // Without the right to plan, the list only: no Wijzigen.
      name={(m) => (onEdit ? `${m.title} ${mediumDate(m.date)}` : null)}
      onEdit={(m) => onEdit?.(m)}
      columns={[
        { header: 'Week', th: { w: 60 }, td: { c: 'dimmed' }, cell: (m) => getISOWeek(parseISO(m.date)) },
        { header: 'Datum', cell: (m) => mediumDate(m.date) },
        { header: 'Tijd', cell: (m) => `${m.startTime}–${m.endTime}` },
        {
          header: 'Overleg',
          cell: (m) => (
            <Group gap={6} wrap="nowrap">
              <Box w={10} h={10} style={{ borderRadius: 2, background: seriesColor(m.color) }} />
              {m.title}
            </Group>
          ),
        },
        { header: 'Locatie', cell: (m) => m.location },
        {
          header: 'Aanmelden t/m',
          cell: (m) => (
            <>
              {m.intakeDeadline ? deadlineDate(m.intakeDeadline, today) : ''}
              {m.intakeDeadline && m.intakeDeadlineNote && (
                <Text size="xs" c="dimmed" lh={1.2} maw={200}>
                  {m.intakeDeadlineNote}
                </Text>
              )}
            </>
          ),
        },
        {
          header: 'Opmerking',
          cell: (m) => (
            <>
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
            </>
          ),
        },
      ]}
    />
  );
}
