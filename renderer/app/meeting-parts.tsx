import { registerMeetingPart } from '../features/agenda/meeting-parts';
import { DocumentsMenu, ExtractMenu } from '../features/documents/DocumentsMenu';
import { ItemMinutes } from '../features/minutes/ItemMinutes';
import { AddendumButton, MeetingAddenda } from '../features/minutes/MeetingAddenda';
import { ShortcutsOverlay } from '../features/minutes/ShortcutsOverlay';
import { PresentButtons } from '../features/presentation/PresentButtons';

/**
 * The meeting page's parts from the domains built on agenda and minutes, registered as the page's
 * chunk loads (router.tsx). The header's buttons show in the order registered here: addendum, presentation, Word.
 */
export function registerMeetingParts(): void {
  registerMeetingPart('minutes', {
    Buttons: AddendumButton,
    ItemBody: ItemMinutes,
    Below: MeetingAddenda,
    Shortcuts: ShortcutsOverlay,
  });
  registerMeetingPart('presentation', { Buttons: PresentButtons });
  registerMeetingPart('documents', {
    Buttons: ({ meeting, beforeExport }) => (
      <DocumentsMenu
        meetingId={meeting.meeting.id}
        hasAgenda={meeting.items.length > 0}
        keeper={meeting.canFix}
        beforeExport={beforeExport}
      />
    ),
    // A case of a student who is still on it: the dossier's and the parents' part of the minutes.
    ItemTools: {
      when: (meeting, item) => meeting.canFix && item.kind === 'casus' && Boolean(item.studentId) && item.change !== 'vervallen',
      Tools: ({ item, beforeExport }) => <ExtractMenu itemId={item.id} beforeExport={beforeExport} />,
    },
  });
}
