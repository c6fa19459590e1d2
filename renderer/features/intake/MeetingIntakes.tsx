import { Loader, Select, Stack, Text } from '@mantine/core';
import { format } from 'date-fns';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { meetingLabel } from '../../components/meeting-label';
import { IntakeTable } from './IntakeTable';
import { meetingOptionLabel } from './labels';
import { useIntakeList, useMeetingOptions } from './queries';

/** "Per overleg": the cases handed in for one coming meeting, with their consent at a glance. */
export function MeetingIntakes() {
  const options = useMeetingOptions(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const today = format(new Date(), 'yyyy-MM-dd');
  // All intakes at once (a few hundred at most): the counts per meeting come with them.
  const all = useIntakeList({ status: null, meetingId: null, studentId: null, mine: false });
  const meetings = options.data?.meetings ?? [];
  const counts = new Map<string, number>();
  for (const row of all.data ?? []) if (row.meeting) counts.set(row.meeting.id, (counts.get(row.meeting.id) ?? 0) + 1);
  // To start with: the next meeting anyone is handed in for, the one the team is preparing.
  const meetingId = chosen ?? meetings.find((m) => counts.has(m.id))?.id ?? meetings[0]?.id ?? null;
  const meeting = meetings.find((m) => m.id === meetingId);

  if (options.isPending || all.isPending) return <Loader aria-label="Laden" />;
  if (options.isError || all.isError) return <ErrorAlert error={options.error ?? all.error} />;
  if (meetings.length === 0) return <Text c="dimmed">Het komende jaar staat er geen overleg gepland.</Text>;
  return (
    <Stack>
      <Select
        label="Overleg"
        data={meetings.map((m) => {
          const count = counts.get(m.id) ?? 0;
          return {
            value: m.id,
            label: `${meetingOptionLabel(m, today)} · ${count === 1 ? '1 aanmelding' : `${count} aanmeldingen`}`,
          };
        })}
        value={meetingId}
        onChange={setChosen}
        allowDeselect={false}
        searchable
        maw={640}
      />
      {meeting && (
        <IntakeTable
          rows={all.data.filter((r) => r.meeting?.id === meeting.id)}
          hide={['meeting']}
          label={`Aanmeldingen voor ${meetingLabel(meeting)}`}
          empty="Voor dit overleg is nog niemand aangemeld."
        />
      )}
    </Stack>
  );
}
