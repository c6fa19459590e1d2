import {
  Autocomplete,
  CheckIcon,
  ColorSwatch,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { getISODay, parseISO } from 'date-fns';
import { dutchNumericDate } from '../../../electron/shared/date-rules';
import type { MethodOutput } from '../../../electron/app/contract';
import { seriesColors, seriesKinds, type SeriesColor } from '../../../electron/features/schedule/vocabulary';
import { invoke } from '../../api/client';
import { RecordForm } from '../../components/RecordList';
import { TimeField } from '../../components/TimeField';
import { DateField } from '../../components/DateField';
import { usePartners, useStaff } from '../people/queries';
import { colorLabels, seriesColor, weekdayOptions } from './labels';
import { scheduleKey } from './queries';

type Series = MethodOutput<'series.list'>[number];

interface Values {
  name: string;
  kind: string;
  adHoc: boolean;
  intervalWeeks: number;
  weekday: string | null;
  startTime: string;
  /** The first meeting (ISO), or what is typed while it is no date yet. */
  firstDate: string | null;
  durationMinutes: number;
  location: string;
  chairId: string | null;
  secretaryId: string | null;
  staffIds: string[];
  partnerIds: string[];
  withExternalPartners: boolean;
  intakeDeadlineSchoolDays: number;
  moveRule: 'week-after' | 'week-before';
  continueFrom: 'grid' | 'moved';
  color: SeriesColor;
  active: boolean;
}

function initialValues(series: Series | null, usedColors: string[]): Values {
  return {
    name: series?.name ?? '',
    kind: series?.kind ?? '',
    adHoc: series ? series.intervalWeeks === null : false,
    intervalWeeks: series?.intervalWeeks ?? 5,
    weekday: series?.weekday ? String(series.weekday) : '2',
    startTime: series?.startTime ?? '14:00',
    firstDate: series?.firstDate ?? null,
    durationMinutes: series?.durationMinutes ?? 90,
    location: series?.location ?? '',
    chairId: series?.chairId ?? null,
    secretaryId: series?.secretaryId ?? null,
    staffIds: series?.attendees.staffIds ?? [],
    partnerIds: series?.attendees.partnerIds ?? [],
    withExternalPartners: series?.withExternalPartners ?? false,
    intakeDeadlineSchoolDays: series?.intakeDeadlineSchoolDays ?? 5,
    moveRule: series?.moveRule ?? 'week-after',
    continueFrom: series?.continueFrom ?? 'grid',
    color: series?.color ?? seriesColors.find((c) => !usedColors.includes(c)) ?? 'teal',
    active: series?.active ?? true,
  };
}

/** A meeting series (overlegvorm): what it is, its rhythm, and who is there by default. The contract checks it. */
export function SeriesForm({ series, usedColors, onSaved }: { series: Series | null; usedColors: string[]; onSaved(): void }) {
  const staff = useStaff();
  const partners = usePartners();
  const form = useForm<Values>({ initialValues: initialValues(series, usedColors) });
  const save = ({ adHoc, staffIds, partnerIds, weekday, intervalWeeks, ...v }: Values) =>
    invoke('series.save', {
      id: series?.id ?? null,
      ...v,
      intervalWeeks: adHoc ? null : intervalWeeks,
      weekday: adHoc || !weekday ? null : Number(weekday),
      firstDate: adHoc ? null : v.firstDate,
      attendees: { staffIds, partnerIds },
    });
  const afterSave = (v: Values) => {
    const rhythmChanged =
      series !== null &&
      series.meetingCount > 0 &&
      (series.startTime !== v.startTime ||
        (series.intervalWeeks === null) !== v.adHoc ||
        series.intervalWeeks !== v.intervalWeeks ||
        String(series.weekday) !== v.weekday ||
        (series.firstDate ?? null) !== v.firstDate ||
        series.moveRule !== v.moveRule ||
        series.continueFrom !== v.continueFrom);
    if (rhythmChanged) {
      notifications.show({
        color: 'blue',
        title: 'Ritme gewijzigd',
        message: `Plan het jaar opnieuw (Jaar plannen) om de data van ${v.name} aan te passen; je ziet eerst wat er verandert.`,
        autoClose: 10_000,
      });
    } else if (!v.adHoc && v.firstDate && (series === null || (series.meetingCount === 0 && series.firstDate !== v.firstDate))) {
      notifications.show({
        color: 'blue',
        title: `${v.name} opgeslagen`,
        message:
          `Plan nu het jaar (Jaar plannen): het eerste overleg op ${dutchNumericDate(v.firstDate)} ` +
          `staat daar al ingevuld; je ziet eerst welke overleggen er komen.`,
        autoClose: 6_000,
      });
    }
  };
  const chosen = new Set([...form.values.staffIds, form.values.chairId, form.values.secretaryId]);
  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active || chosen.has(s.id))
    .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  const partnerOptions = (partners.data ?? [])
    .filter((p) => p.active || form.values.partnerIds.includes(p.id))
    .map((p) => ({ value: p.id, label: p.organisation }));

  return (
    <RecordForm
      form={form}
      save={save}
      afterSave={afterSave}
      refresh={scheduleKey}
      onDone={onSaved}
      fieldFor={{ 'attendees.staffIds': 'staffIds', 'attendees.partnerIds': 'partnerIds' }}
    >
      <SimpleGrid cols={2}>
        <TextInput label="Naam" placeholder="IOT onderbouw" required data-autofocus {...form.getInputProps('name')} />
        <Autocomplete label="Soort" required data={[...seriesKinds]} {...form.getInputProps('kind')} />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Ritme
        </Text>
        <SegmentedControl
          aria-label="Ritme"
          value={form.values.adHoc ? 'adhoc' : 'interval'}
          onChange={(v) => form.setFieldValue('adHoc', v === 'adhoc')}
          data={[
            { value: 'interval', label: 'Vast ritme' },
            { value: 'adhoc', label: 'Op afspraak' },
          ]}
        />
      </Stack>
      {!form.values.adHoc && (
        <SimpleGrid cols={4}>
          <DateField
            label="Eerste overleg"
            {...form.getInputProps('firstDate')}
            onChange={(v) => {
              form.setFieldValue('firstDate', v);
              // The first meeting sets the weekday: a date on a Wednesday means a Wednesday rhythm.
              const day = v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? getISODay(parseISO(v)) : null;
              if (day !== null && day <= 5) form.setFieldValue('weekday', String(day));
            }}
          />
          <NumberInput label="Elke … weken" min={1} max={12} clampBehavior="none" {...form.getInputProps('intervalWeeks')} />
          <Select label="Weekdag" data={weekdayOptions} allowDeselect={false} {...form.getInputProps('weekday')} />
          <TimeField label="Begintijd" {...form.getInputProps('startTime')} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={form.values.adHoc ? 3 : 2}>
        {form.values.adHoc && <TimeField label="Gebruikelijke begintijd" {...form.getInputProps('startTime')} />}
        <NumberInput label="Duur (minuten)" min={15} max={480} step={15} clampBehavior="none" {...form.getInputProps('durationMinutes')} />
        <TextInput label="Locatie" placeholder="Lokaal 1.12" {...form.getInputProps('location')} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Select label="Voorzitter" clearable searchable data={staffOptions} {...form.getInputProps('chairId')} />
        <Select label="Notulist" clearable searchable data={staffOptions} {...form.getInputProps('secretaryId')} />
      </SimpleGrid>
      <MultiSelect label="Vaste deelnemers (school)" searchable data={staffOptions} {...form.getInputProps('staffIds')} />
      <MultiSelect
        label="Vaste deelnemers (externe partners)"
        searchable
        data={partnerOptions}
        {...form.getInputProps('partnerIds')}
        onChange={(ids) => {
          form.setFieldValue('partnerIds', ids);
          if (ids.length > 0) form.setFieldValue('withExternalPartners', true);
        }}
      />
      <Switch
        label="Met externe partners"
        description="Dan is toestemming van ouders (of de leerling vanaf 16) nodig voordat een leerling besproken wordt."
        {...form.getInputProps('withExternalPartners', { type: 'checkbox' })}
      />
      <NumberInput
        label="Aanmelden uiterlijk … schooldagen vóór het overleg"
        min={0}
        max={30}
        clampBehavior="none"
        w={360}
        {...form.getInputProps('intakeDeadlineSchoolDays')}
      />
      {!form.values.adHoc && (
        <SimpleGrid cols={2}>
          <Radio.Group label="Valt een datum in een vakantie of op een vrije dag?" {...form.getInputProps('moveRule')}>
            <Stack gap={6} mt={6}>
              <Radio value="week-after" label="Een week later, zelfde weekdag" />
              <Radio value="week-before" label="Een week eerder, zelfde weekdag" />
            </Stack>
          </Radio.Group>
          <Radio.Group label="Na een verschoven overleg telt het ritme door vanaf" {...form.getInputProps('continueFrom')}>
            <Stack gap={6} mt={6}>
              <Radio value="grid" label="het oorspronkelijke schema" />
              <Radio value="moved" label="de verschoven datum" />
            </Stack>
          </Radio.Group>
        </SimpleGrid>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Kleur in het jaarrooster
        </Text>
        <Group gap="xs" role="radiogroup" aria-label="Kleur">
          {seriesColors.map((c) => (
            <ColorSwatch
              key={c}
              component="button"
              type="button"
              role="radio"
              aria-checked={form.values.color === c}
              aria-label={colorLabels[c]}
              color={seriesColor(c)}
              onClick={() => form.setFieldValue('color', c)}
              style={{ color: 'white', cursor: 'pointer' }}
            >
              {form.values.color === c && <CheckIcon size={12} />}
            </ColorSwatch>
          ))}
        </Group>
      </Stack>
      {series && <Switch label="Actief" {...form.getInputProps('active', { type: 'checkbox' })} />}
    </RecordForm>
  );
}
