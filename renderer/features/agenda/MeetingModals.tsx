import { Loader, Modal, Select } from '@mantine/core';
import { useMemo } from 'react';
import { schoolYearOf } from '../../../electron/features/schedule/vocabulary';
import { MeetingForm } from '../schedule/MeetingForm';
import { useScheduleOverview } from '../schedule/queries';
import type { AgendaItem, MeetingMinutes } from './queries';

/** Date, time, place and who is invited are the schedule's: its form, for this one meeting. */
export function MeetingDetailsModal({
  meeting,
  opened,
  onClose,
}: {
  meeting: MeetingMinutes['meeting'];
  opened: boolean;
  onClose(): void;
}) {
  const overview = useScheduleOverview(schoolYearOf(meeting.date));
  const scheduled = overview.data?.meetings.find((m) => m.id === meeting.id) ?? null;
  return (
    <Modal opened={opened} onClose={onClose} title="Gegevens van het overleg" size="lg">
      {overview.isPending && <Loader />}
      {scheduled && <MeetingForm meeting={scheduled} onDone={onClose} />}
    </Modal>
  );
}

/** Ctrl+K: a case by typing part of the student's name. */
export function JumpToStudent({
  items,
  opened,
  onClose,
  onPick,
  onGone,
}: {
  items: AgendaItem[];
  opened: boolean;
  onClose(): void;
  onPick(id: string): void;
  onGone(): void;
}) {
  const cases = useMemo(
    () =>
      items
        .filter((i) => i.kind === 'casus' && i.number !== null)
        .map((i) => ({ value: i.id, label: `${i.number}. ${i.title}${i.className ? ` (${i.className})` : ''}` })),
    [items],
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Naar een leerling" size="md" returnFocus={false} onExitTransitionEnd={onGone}>
      <Select
        aria-label="Leerling op de agenda"
        placeholder="Typ een naam of klas"
        data={cases}
        searchable
        selectFirstOptionOnChange
        dropdownOpened
        data-autofocus
        comboboxProps={{ withinPortal: false }}
        onChange={(v) => {
          if (v) onPick(v);
        }}
      />
    </Modal>
  );
}
