import { Button, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { dateProblem } from '../../../electron/shared/date-rules';
import { clockTimeProblem } from '../../../electron/shared/clock-time';
import { shortWeekdayDateYear as mediumDate } from '../../../electron/shared/dutch-dates';
import { usePartners, useStaff } from '../people/queries';
import { scheduleKey, useSeries } from './queries';

type Meeting = MethodOutput<'schedule.overview'>['meetings'][number];

interface Values {
  seriesId: string | null;
  chairId: string | null;
  secretaryId: string | null;
  staffIds: string[];
  partnerIds: string[];
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
      chairId: meeting?.chairId ?? null,
      secretaryId: meeting?.secretaryId ?? null,
      staffIds: meeting?.attendees.staffIds ?? [],
      partnerIds: meeting?.attendees.partnerIds ?? [],
      title: meeting?.title ?? '',
      date: meeting?.date ?? '',
      startTime: meeting?.startTime ?? '14:00',
      durationMinutes: meeting?.durationMinutes ?? 60,
      location: meeting?.location ?? '',
      note: meeting?.note ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Vul de naam van het overleg in.'),
      date: (v) => dateProblem(v ?? '', 'Datum'),
      startTime: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : clockTimeProblem('Begintijd')),
      durationMinutes: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 15 && v <= 480 ? null : 'Duur: vul 15 tot 480 minuten in.',
    },
  });
  const staff = useStaff();
  const partners = usePartners();
  const chosen = new Set([...form.values.staffIds, ...form.values.partnerIds, form.values.chairId, form.values.secretaryId]);
  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active || chosen.has(s.id))
    .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  const partnerOptions = (partners.data ?? [])
    .filter((p) => p.active || chosen.has(p.id))
    .map((p) => ({ value: p.id, label: p.organisation }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: scheduleKey });
  const save = useMutation({
    mutationFn: ({ staffIds, partnerIds, ...v }: Values) =>
      invoke('meetings.save', {
        id: meeting?.id ?? null,
        ...v,
        note: v.note.trim() || null,
        attendees: { staffIds, partnerIds },
      }),
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
              if (s) {
                form.setValues({
                  title: s.name,
                  startTime: s.startTime,
                  durationMinutes: s.durationMinutes,
                  location: s.location,
                  chairId: s.chairId,
                  secretaryId: s.secretaryId,
                  staffIds: s.attendees.staffIds,
                  partnerIds: s.attendees.partnerIds,
                });
              }
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
          <DateField label="Datum" required {...form.getInputProps('date')} />
          <TimeField label="Begintijd" required {...form.getInputProps('startTime')} />
          <NumberInput
            label="Duur (minuten)"
            min={15}
            max={480}
            step={15}
            allowDecimal={false}
            clampBehavior="none"
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        <TextInput label="Locatie" {...form.getInputProps('location')} />
        <SimpleGrid cols={2}>
          <Select label="Voorzitter" clearable searchable data={staffOptions} {...form.getInputProps('chairId')} />
          <Select label="Notulist" clearable searchable data={staffOptions} {...form.getInputProps('secretaryId')} />
        </SimpleGrid>
        <MultiSelect label="Deelnemers (school)" searchable data={staffOptions} {...form.getInputProps('staffIds')} />
        <MultiSelect label="Deelnemers (externe partners)" searchable data={partnerOptions} {...form.getInputProps('partnerIds')} />
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
        {remove.isError && <ErrorAlert error={remove.error} title="Niet verwijderd" />}
        <FormFooter
          mutation={save}
          errorTitle="Niet opgeslagen"
          submit="Opslaan"
          start={
            meeting && (
              <Button variant="subtle" color="red" onClick={confirmRemove} loading={remove.isPending}>
                Overleg verwijderen
              </Button>
            )
          }
        />
      </Stack>
    </form>
  );
}
