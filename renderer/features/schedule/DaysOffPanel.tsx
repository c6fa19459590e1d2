import { Alert, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { officialHolidayNames } from '../../../electron/features/schedule/vocabulary';
import { dateRange } from '../../../electron/shared/dutch-dates';
import { overrideKindLabels } from './labels';
import { scheduleKey } from './queries';
import { EditModal } from '../../components/EditModal';

type Overview = MethodOutput<'schedule.overview'>;
type Override = Overview['overrides'][number];
type Kind = Override['kind'];

const sourceLabels = { official: 'officieel', public: 'feestdag', school: 'eigen', open: 'schooldag' } as const;

interface Row {
  start: string;
  end: string;
  name: string;
  source: keyof typeof sourceLabels;
  own: Override | undefined;
}

/** Holidays, public holidays and the school's own days without meetings, and where each comes from. */
export function DaysOffPanel({ overview }: { overview: Overview }) {
  const [editing, setEditing] = useState<Override | 'new' | null>(null);
  const ownInYear = overview.overrides.filter((o) => o.end >= overview.start && o.start <= overview.end);
  // Days off, plus the public holidays this school works on (they are no longer days off).
  const rows: Row[] = [
    ...overview.daysOff.map((d) => ({
      ...d,
      own: d.source === 'school' ? ownInYear.find((o) => o.start === d.start && o.end === d.end && o.name === d.name) : undefined,
    })),
    ...ownInYear.filter((o) => o.kind === 'school-day').map((o) => ({ ...o, source: 'open' as const, own: o })),
  ].sort((a, b) => a.start.localeCompare(b.start));

  return (
    <Stack gap="md">
      {!overview.hasOfficialHolidays && (
        <Alert variant="light" color="orange" icon={<IconInfoCircle />} title={`Nog geen officiële vakanties voor ${overview.schoolYear}`}>
          Voeg de vakanties van dit schooljaar zelf toe; feestdagen worden wel meegenomen.
        </Alert>
      )}
      <Group justify="space-between">
        <Text c="dimmed">
          Vakanties van regio {overview.region} en feestdagen. Wijkt je school af (herfst-, voorjaars- of meivakantie),
          zijn er studiedagen, of is de school open op een feestdag zoals Goede Vrijdag? Voeg het hier toe.
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          Vrije dag toevoegen
        </Button>
      </Group>
      <Table striped withTableBorder aria-label="Vrije dagen">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Wanneer</Table.Th>
            <Table.Th>Wat</Table.Th>
            <Table.Th>Bron</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ own, ...d }) => {
            return (
              <Table.Tr key={`${d.start}-${d.name}`}>
                <Table.Td>{dateRange(d.start, d.end)}</Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={d.source === 'school' ? 'grape' : d.source === 'open' ? 'teal' : 'gray'}>
                    {sourceLabels[d.source]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {own && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(own)} aria-label={`${own.name} ${dateRange(own.start, own.end)} wijzigen`}>
                      Wijzigen
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <EditModal editing={editing} onClose={() => setEditing(null)} titles={{ add: 'Vrije dag toevoegen', edit: 'Vrije dag wijzigen' }}>
        {(override) => <OverrideForm override={override} onDone={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}

function OverrideForm({ override, onDone }: { override: Override | null; onDone(): void }) {
  const queryClient = useQueryClient();
  const form = useForm<{ kind: Kind; name: string; start: string; end: string; replaces: Override['replaces'] }>({
    initialValues: {
      kind: override?.kind ?? 'study-day',
      name: override?.name ?? 'studiedag',
      start: override?.start ?? '',
      end: override?.end ?? '',
      replaces: override?.replaces ?? null,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Vul een omschrijving in.'),
      start: (v) => (v ? null : 'Vul een geldige datum in.'),
    },
  });
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: scheduleKey });
    onDone();
  };
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      invoke('calendar.saveOverride', { id: override?.id ?? null, ...v, end: v.end || v.start, replaces: v.kind === 'holiday' ? v.replaces : null }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => invoke('calendar.removeOverride', { id: override!.id }), onSuccess: done });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Select
          label="Soort"
          allowDeselect={false}
          data={Object.entries(overrideKindLabels).map(([value, label]) => ({ value, label }))}
          {...form.getInputProps('kind')}
          onChange={(v) => {
            const kind = (v ?? 'study-day') as Kind;
            form.setFieldValue('kind', kind);
            const names: Record<Kind, string> = { 'study-day': 'studiedag', holiday: '', 'no-meetings': 'geen overleggen', 'school-day': 'school open' };
            if (!override) form.setFieldValue('name', names[kind]);
          }}
        />
        <TextInput label="Omschrijving" required {...form.getInputProps('name')} />
        <SimpleGrid cols={2}>
          <TextInput label="Van" type="date" required {...form.getInputProps('start')} />
          <TextInput label="Tot en met" type="date" description="Leeg: één dag" {...form.getInputProps('end')} />
        </SimpleGrid>
        {form.values.kind === 'holiday' && (
          <Select
            label="Vervangt de officiële vakantie"
            placeholder="Niets: een extra vakantie"
            clearable
            data={[...officialHolidayNames]}
            {...form.getInputProps('replaces')}
            onChange={(v) => form.setFieldValue('replaces', officialHolidayNames.find((n) => n === v) ?? null)}
          />
        )}
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        {remove.isError && <ErrorAlert error={remove.error} title="Niet verwijderd" />}
        <Group justify="space-between">
          {override ? (
            <Button variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Verwijderen
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
