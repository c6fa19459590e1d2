import { Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { audienceLabels, type Audience } from '../../../electron/features/minutes/vocabulary';
import { ApiError, invoke } from '../../api/client';
import { refreshMeeting, type MeetingMinutes } from '../agenda/queries';
import { FormFooter } from '../../components/FormFooter';

/** A correction to fixed minutes: added with author and date, never written over the minutes. */
export function AddendumModal({
  meeting,
  opened,
  onClose,
  itemId,
}: {
  meeting: MeetingMinutes;
  opened: boolean;
  onClose(): void;
  itemId: string | null;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [item, setItem] = useState<string | null>(itemId);
  const [audience, setAudience] = useState<Audience>('intern');
  const [error, setError] = useState<string | null>(null);
  // Opened again with nothing typed: about the item on screen now. Typed text is never reset.
  const wasOpened = useRef(false);
  useEffect(() => {
    if (opened && !wasOpened.current && text === '') setItem(itemId);
    wasOpened.current = opened;
  }, [opened, itemId, text]);
  const save = async () => {
    try {
      await invoke('minutes.addAddendum', { meetingId: meeting.meeting.id, itemId: item, text, audience });
      setText('');
      setError(null);
      await refreshMeeting(queryClient, meeting.meeting.id);
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.text ?? err.message) : 'Er ging iets mis; je tekst staat er nog.');
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Aanvulling op de vastgestelde notulen" size="lg">
      <Stack>
        <Select
          label="Bij agendapunt"
          placeholder="De notulen als geheel"
          clearable
          data={meeting.items.filter((i) => i.number !== null).map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` }))}
          value={item}
          onChange={setItem}
        />
        <Textarea
          label="Aanvulling"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
          autosize
          minRows={4}
          data-autofocus
        />
        <SegmentedControl
          value={audience}
          onChange={(v) => setAudience(v as Audience)}
          data={(['intern', 'ouders'] as const).map((a) => ({ value: a, label: audienceLabels[a] }))}
          aria-label="Wie mag de aanvulling lezen"
        />
        <FormFooter onCancel={onClose} submit="Aanvulling toevoegen" onConfirm={() => void save()} />
      </Stack>
    </Modal>
  );
}
