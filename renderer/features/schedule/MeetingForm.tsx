import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/api/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { shortWeekdayDateYear as mediumDate } from '../../../electron/shared/dutch-dates';
import { scheduleKey, useSeries } from './queries';

type Meeting = MethodOutput<'schedule.overview'>['meetings'][number];

interface Values {
  seriesId: string | null;
  title: string;
  date: string;
  startTime: string;
  durationMinutes: number;
  location: string;
  note: string;
}

/** Moves or edits one meeting, or plans one ad hoc (a FlexZAT or MDO by appointment). */
export function MeetingForm({ meeting, onDone }: { meeting: Meeting | null; onDone(): void }) {
  const queryClient = useQueryClient();
  const series = useSeries();
  const form = useForm<Values>({
    initialValues: {
      seriesId: meeting?.seriesId ?? null,
      title: meeting?.title ?? '',
      date: meeting?.date ?? '',
      startTime: meeting?.startTime ?? '14:00',
      durationMinutes: meeting?.durationMinutes ?? 60,
      location: meeting?.location ?? '',
      note: meeting?.note ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Vul de naam van het overleg in.'),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Vul een geldige datum in.'),
      startTime: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'Vul een tijd in als 14:00.'),
      durationMinutes: (v) => (typeof v === 'number' && v >= 15 && v <= 480 ? null : 'Vul een duur in van 15 tot 480 minuten.'),
    },
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: scheduleKey });
  const save = useMutation({
    mutationFn: (v: Values) => invoke('meetings.save', { id: meeting?.id ?? null, ...v, note: v.note.trim() || null }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const remove = useMutation({
    mutationFn: () => invoke('meetings.remove', { id: meeting!.id }),
    onSuccess: async () => {
      await invalidate();
      onDone();
    },
  });
  const confirmRemove = () =>
    modals.openConfirmModal({
      title: 'Overleg verwijderen',
      children: <Text>{meeting && `${meeting.title} van ${mediumDate(meeting.date)} wordt verwijderd.`}</Text>,
      labels: { confirm: 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(),
    });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {!meeting && (
          <Select
            label="Overlegvorm"
            placeholder="Los overleg"
            clearable
            data={(series.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('seriesId')}
            onChange={(id) => {
              form.setFieldValue('seriesId', id);
              const s = series.data?.find((x) => x.id === id);
              if (s) form.setValues({ title: s.name, startTime: s.startTime, durationMinutes: s.durationMinutes, location: s.location });
            }}
          />
        )}
        <TextInput
          label="Naam"
          description="Geen leerlingnamen: naam en datum komen in agenda-exports en het Word-jaarrooster."
          required
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={3}>
          <TextInput label="Datum" type="date" required {...form.getInputProps('date')} />
          <TextInput label="Begintijd" type="time" required {...form.getInputProps('startTime')} />
          <NumberInput label="Duur (minuten)" min={15} max={480} step={15} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <TextInput label="Locatie" {...form.getInputProps('location')} />
        <TextInput
          label="Opmerking"
          description="Komt in het Word-jaarrooster, niet in agenda-exports."
          placeholder="Bijvoorbeeld: verplaatst vanwege de toetsweek"
          {...form.getInputProps('note')}
        />
        {meeting?.seriesId && (
          <Text size="sm" c="dimmed">
            Een overleg dat je hier verplaatst, blijft staan als je het jaar opnieuw plant.
          </Text>
        )}
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        {remove.isError && <ErrorAlert error={remove.error} title="Niet verwijderd" />}
        <Group justify="space-between">
          {meeting ? (
            <Button variant="subtle" color="red" onClick={confirmRemove} loading={remove.isPending}>
              Overleg verwijderen
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={save.isPending}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
