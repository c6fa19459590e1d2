import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { presences, type Presence } from '../../../electron/features/agenda/vocabulary';
import { invoke } from '../../api/client';
import { refreshMeeting, type MeetingMinutes } from './queries';

/** Short enough for the side column; the full words are in the minutes. */
const shortPresence: Record<Presence, string> = { aanwezig: 'Aanwezig', 'afwezig-met-bericht': 'Met bericht', afwezig: 'Afwezig' };

/** Who was there: one click per attendee (aanwezig, afwezig met bericht, afwezig). */
export function AttendancePanel({ meeting, editable }: { meeting: MeetingMinutes; editable: boolean }) {
  const queryClient = useQueryClient();
  const set = async (person: string, presence: Presence) => {
    await invoke('agenda.setPresence', { meetingId: meeting.meeting.id, person, presence });
    await refreshMeeting(queryClient, meeting.meeting.id);
  };
  if (meeting.attendees.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Er zijn geen deelnemers uitgenodigd. Voeg ze toe via "Gegevens wijzigen".
      </Text>
    );
  }
  return (
    <Stack gap="xs" role="list" aria-label="Aanwezigheid">
      {meeting.attendees.map((a) => (
        <Stack key={a.person} gap={2} role="listitem">
          <Text size="sm" truncate>
            {a.code ? `${a.code} — ` : ''}
            {a.name}
          </Text>
          <SegmentedControl
            size="xs"
            fullWidth
            disabled={!editable}
            aria-label={`Aanwezigheid van ${a.name}`}
            value={a.presence ?? ''}
            onChange={(v) => void set(a.person, v as Presence)}
            data={presences.map((p) => ({ value: p, label: shortPresence[p] }))}
          />
        </Stack>
      ))}
    </Stack>
  );
}
