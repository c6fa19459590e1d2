import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDeviceTv } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { MeetingPartProps } from '../agenda/meeting-parts';
import { startPresenting, usePresentationState } from './queries';

/** On the meeting page: start presenting, or join the presentation of this meeting already running (not at item 1 again). */
export function PresentButtons({ meeting, run }: MeetingPartProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const presenting = usePresentationState(false);
  const id = meeting.meeting.id;
  if (meeting.items.length === 0 || !meeting.canFix) return null;
  if (presenting.data?.meetingId === id)
    return (
      <Button
        variant="filled"
        color="teal"
        leftSection={<IconDeviceTv size={16} />}
        onClick={() => navigate(`/overleggen/${id}/presenteren`)}
      >
        Naar de presentatie
      </Button>
    );
  return (
    <Button
      variant="default"
      leftSection={<IconDeviceTv size={16} />}
      onClick={() =>
        run(async () => {
          const opened = await startPresenting(queryClient, id);
          navigate(`/overleggen/${id}/presenteren`, { state: { projectorBlocked: !opened } });
        })
      }
    >
      Presenteren
    </Button>
  );
}
