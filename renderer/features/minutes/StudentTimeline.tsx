import { Anchor, Button, Loader, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconChecklist, IconClipboardText, IconFileCheck, IconMail, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { useState } from 'react';
import { Link } from 'react-router';
import { parseIsoDate } from '../../../electron/shared/dutch-dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { StudentSectionProps } from '../people/student-sections';
import { useStudentTimeline, type TimelineEntry } from './queries';

/** The same icons as the main menu, so an entry reads as the screen it comes from. */
const kinds: Record<TimelineEntry['kind'], { icon: Icon; color: string; label: string }> = {
  aanmelding: { icon: IconClipboardText, color: 'blue', label: 'Aanmelding' },
  toestemming: { icon: IconFileCheck, color: 'grape', label: 'Toestemming' },
  overleg: { icon: IconUsersGroup, color: 'cyan', label: 'Overleg' },
  actie: { icon: IconChecklist, color: 'teal', label: 'Actie' },
  brief: { icon: IconMail, color: 'orange', label: 'Brief' },
};

/** A long history opens with its latest entries; the rest is one click away. */
const FIRST = 12;

const refPath = (ref: NonNullable<TimelineEntry['ref']>) =>
  ref.type === 'aanmelding' ? `/aanmeldingen/${ref.id}` : `/overleggen/${ref.id}`;
/** "12 nov. 2026": a calendar date, read as local so it never shifts a day. */
const dutchDate = (iso: string) => format(parseIsoDate(iso), 'd MMM yyyy', { locale: nl });

/** Tijdlijn: everything that happened around the student, newest first, each entry leading to its source. */
export function StudentTimeline({ student }: StudentSectionProps) {
  const timeline = useStudentTimeline(student.id);
  const [all, setAll] = useState(false);

  return (
    <Stack gap="sm" component="section" aria-labelledby="student-timeline-title">
      <Title order={2} id="student-timeline-title">
        Tijdlijn
      </Title>
      {timeline.isPending && <Loader aria-label="Laden" />}
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      {timeline.data && timeline.data.length === 0 && (
        <Text c="dimmed">Er staat nog niets op de tijdlijn: nog geen aanmelding, toestemming, bespreking of actie.</Text>
      )}
      {timeline.data && timeline.data.length > 0 && (
        <>
          {/* The backend sorts newest first already; the list is not re-sorted here, so entries of one day keep its order. */}
          <Timeline
            bulletSize={30}
            lineWidth={2}
            aria-label={`Tijdlijn van ${student.name}`}
            component="ol"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {(all ? timeline.data : timeline.data.slice(0, FIRST)).map((entry, index) => {
              const kind = kinds[entry.kind];
              return (
                <Timeline.Item
                  key={`${entry.date}-${entry.kind}-${index}`}
                  component="li"
                  bullet={
                    <ThemeIcon size={30} radius="xl" variant="light" color={kind.color} aria-hidden>
                      <kind.icon size={16} />
                    </ThemeIcon>
                  }
                  title={
                    entry.ref ? (
                      <Anchor component={Link} to={refPath(entry.ref)} fw={600} size="sm">
                        {entry.title}
                      </Anchor>
                    ) : (
                      <Text fw={600} size="sm" span>
                        {entry.title}
                      </Text>
                    )
                  }
                >
                  {entry.detail && (
                    <Text size="sm" c="gray.8">
                      {entry.detail}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" mt={2}>
                    {kind.label} · {dutchDate(entry.date)}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
          {!all && timeline.data.length > FIRST && (
            <Button variant="subtle" size="xs" onClick={() => setAll(true)} style={{ alignSelf: 'flex-start' }}>
              Alle {timeline.data.length} gebeurtenissen tonen
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
