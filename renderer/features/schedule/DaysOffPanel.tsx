import { Alert, Badge, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import type { MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { RecordList, RecordForm } from '../../components/RecordList';
import { useMayCall } from '../../api/session';
import { officialHolidayNames } from '../../../electron/features/schedule/vocabulary';
import { dateProblem } from '../../../electron/shared/date-rules';
import { dateRange } from '../../../electron/shared/dutch-dates';
import { overrideKindLabels } from './labels';
import { scheduleKey } from './queries';

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
  const ownInYear = overview.overrides.filter((o) => o.end >= overview.start && o.start <= overview.end);
  const editable = useMayCall('calendar.saveOverride');
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
      <RecordList
        editable={editable}
        noun="Vrije dag"
        label="Vrije dagen"
        intro={
          `Vakanties van regio ${overview.region} en feestdagen. Wijkt je school af (herfst-, ` +
          `voorjaars- of meivakantie), zijn er studiedagen, of is de school open op een feestdag ` +
          `zoals Goede Vrijdag? Voeg het hier toe.`
        }
        records={rows}
        rowKey={(d) => `${d.start}-${d.name}`}
        // Only the school's own entries are changed here; official holidays and public holidays are given.
        name={({ own }) => (own ? `${own.name} ${dateRange(own.start, own.end)}` : null)}
        columns={[
          { header: 'Wanneer', cell: (d) => dateRange(d.start, d.end) },
          { header: 'Wat', cell: (d) => d.name },
          {
            header: 'Bron',
            cell: (d) => (
              <Badge size="sm" variant="light" color={d.source === 'school' ? 'grape' : d.source === 'open' ? 'teal' : 'gray'}>
                {sourceLabels[d.source]}
              </Badge>
            ),
          },
        ]}
        form={(row, close) => <OverrideForm override={row?.own ?? null} onDone={close} />}
      />
    </Stack>
  );
}

function OverrideForm({ override, onDone }: { override: Override | null; onDone(): void }) {
  const form = useForm<{
    kind: Kind;
    name: string;
    start: string | null;
    end: string | null;
    replaces: Override['replaces'];
  }>({
    initialValues: {
      kind: override?.kind ?? 'study-day',
      name: override?.name ?? 'studiedag',
      start: override?.start ?? null,
      end: override?.end ?? null,
      replaces: override?.replaces ?? null,
    },
    // The contract's date rule, here too so that its message names the field by its label.
    validate: {
      start: (v) => dateProblem(v ?? '', 'Van'),
      end: (v) => (v ? dateProblem(v, 'Tot en met') : null),
    },
  });
  return (
    <RecordForm
      form={form}
      save={({ start, end, ...v }) =>
        invoke('calendar.saveOverride', {
          id: override?.id ?? null,
          ...v,
          start: start ?? '',
          end: end || (start ?? ''),
          replaces: v.kind === 'holiday' ? v.replaces : null,
        })
      }
      refresh={scheduleKey}
      onDone={onDone}
      remove={
        override
          ? {
              title: 'Vrije dag verwijderen',
              message: `${override.name} (${dateRange(override.start, override.end)}) wordt verwijderd.`,
              run: () => invoke('calendar.removeOverride', { id: override.id }),
            }
          : undefined
      }
    >
      <Select
        label="Soort"
        allowDeselect={false}
        data={Object.entries(overrideKindLabels).map(([value, label]) => ({ value, label }))}
        {...form.getInputProps('kind')}
        onChange={(v) => {
          const kind = (v ?? 'study-day') as Kind;
          form.setFieldValue('kind', kind);
          const names: Record<Kind, string> = {
            'study-day': 'studiedag',
            holiday: '',
            'no-meetings': 'geen overleggen',
            'school-day': 'school open',
          };
          if (!override) form.setFieldValue('name', names[kind]);
        }}
      />
      <TextInput label="Omschrijving" required {...form.getInputProps('name')} />
      <SimpleGrid cols={2}>
        <DateField label="Van" required {...form.getInputProps('start')} />
        <DateField label="Tot en met" description="Leeg: één dag" clearable {...form.getInputProps('end')} />
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
    </RecordForm>
  );
}
