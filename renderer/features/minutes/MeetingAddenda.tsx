import { Button, Card, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { format, parseISO } from 'date-fns';
import { audienceLabels } from '../../../electron/features/minutes/vocabulary';
import type { MeetingPartProps } from '../agenda/meeting-parts';
import { AddendumModal } from './AddendumModal';

/** On the meeting page once the minutes are fixed: a correction is added as an addendum, about the item on screen. */
export function AddendumButton({ meeting, selectedId }: MeetingPartProps) {
  const [addendum, showAddendum] = useDisclosure(false);
  return (
    <>
      {meeting.meeting.minutesFixedAt && meeting.canFix && <Button onClick={showAddendum.open}>Aanvulling schrijven</Button>}
      <AddendumModal meeting={meeting} opened={addendum} onClose={showAddendum.close} itemId={selectedId} />
    </>
  );
}

/** The addenda to fixed minutes, with author, date, item and audience. */
export function MeetingAddenda({ meeting }: MeetingPartProps) {
  if (meeting.addenda.length === 0) return null;
  return (
    <Card withBorder padding="lg" mt="md">
      <Text fw={700} mb="xs">
        Aanvullingen
      </Text>
      <Stack gap="sm">
        {meeting.addenda.map((a) => (
          <Paper key={a.id} withBorder p="sm" data-addendum>
            <Text size="xs" c="dimmed">
              {a.authorName}, {format(parseISO(a.createdAt), 'dd-MM-yyyy HH:mm')}
              {a.itemId ? ` · bij ${meeting.items.find((i) => i.id === a.itemId)?.title ?? 'een agendapunt'}` : ''} ·{' '}
              {audienceLabels[a.audience]}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.text}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}
