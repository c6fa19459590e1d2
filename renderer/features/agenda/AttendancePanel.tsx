import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { presences, type Presence } from '../../../electron/features/agenda/vocabulary';
import { invoke } from '../../api/client';
import { refreshMeeting, type MeetingMinutes } from './queries';

/** Short enough for the side column; the full words are in the minutes. */
const shortPresence: Record<Presence, string> = {
  aanwezig: 'Aanwezig',
  'afwezig-met-bericht': 'Met bericht',
  afwezig: 'Afwezig',
};

/** Who was there: one click per attendee (aanwezig, afwezig met bericht, afwezig), and the family at their child's case. */
export function AttendancePanel({ meeting, editable }: { meeting: MeetingMinutes; editable: boolean }) {
  const queryClient = useQueryClient();
  const set = async (person: string, presence: Presence) => {
    await invoke('agenda.setPresence', { meetingId: meeting.meeting.id, person, presence });
    await refreshMeeting(queryClient, meeting.meeting.id);
  };
  const [opened, setOpened] = useState<string[]>([]);
  // Parents and the student come for their own case: shown where expected (a guest, presence
  // recorded) or where the secretary opens the case; a long IOT agenda stays short.
  const cases = meeting.items.filter((i) => i.kind === 'casus' && i.family.length > 0);
  const expected = (i: (typeof cases)[number]) =>
    opened.includes(i.id) ||
    i.family.some((m) => m.presence !== null) ||
    i.guests.some((g) => g.kind === 'ouders' || g.kind === 'leerling');
  const shown = cases.filter(expected);
  const closed = cases.filter((i) => !expected(i));
  const families = (
    <>
      {shown.map((item) => (
        <Stack key={item.id} gap="xs" role="list" aria-label={`Ouders en leerling bij ${item.caseName ?? item.title}`}>
          <Text size="xs" fw={600} c="dimmed">
            Ouders en leerling — {item.caseName ?? item.title}
          </Text>
          {item.family.map((m) => (
            <PresenceRow
              key={m.person}
              shown={`${m.name} (${m.relation})`}
              name={m.name}
              presence={m.presence}
              disabled={!editable}
              onChange={(p) => void set(m.person, p)}
            />
          ))}
        </Stack>
      ))}
      {editable && closed.length > 0 && (
        <Select
          size="xs"
          label="Ouders of leerling aanwezig bij"
          placeholder="Kies de leerling"
          data={closed.map((i) => ({ value: i.id, label: i.caseName ?? i.title }))}
          value={null}
          onChange={(v) => v && setOpened((o) => [...o, v])}
        />
      )}
    </>
  );
  if (meeting.attendees.length === 0) {
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Er zijn geen deelnemers uitgenodigd. Voeg ze toe via "Gegevens wijzigen".
        </Text>
        {families}
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Stack gap="xs" role="list" aria-label="Aanwezigheid">
        {meeting.attendees.map((a) => (
          <PresenceRow
            key={a.person}
            shown={`${a.code ? `${a.code} — ` : ''}${a.name}`}
            name={a.name}
            presence={a.presence}
            disabled={!editable}
            onChange={(p) => void set(a.person, p)}
          />
        ))}
      </Stack>
      {families}
    </Stack>
  );
}

/** One person and their three buttons; the whole name wrapped: a cut "Jeugdarts GGD Hollands Mid…" would not say who. */
function PresenceRow(props: {
  shown: string;
  name: string;
  presence: Presence | null;
  disabled: boolean;
  onChange: (presence: Presence) => void;
}) {
  return (
    <Stack gap={2} role="listitem">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {props.shown}
      </Text>
      <SegmentedControl
        size="xs"
        fullWidth
        disabled={props.disabled}
        aria-label={`Aanwezigheid van ${props.name}`}
        value={props.presence ?? ''}
        onChange={(v) => props.onChange(v as Presence)}
        data={presences.map((p) => ({ value: p, label: shortPresence[p] }))}
      />
    </Stack>
  );
}
