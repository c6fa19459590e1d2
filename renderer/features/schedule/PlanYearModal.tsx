import { Alert, Badge, List, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { addDays, format, getISODay, parseISO } from 'date-fns';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { Figure } from '../../components/Figure';
import { dateProblem } from '../../../electron/shared/date-rules';
import { shortWeekdayDateYear as mediumDate } from '../../../electron/shared/dutch-dates';
import { scheduleKey, useSeries } from './queries';

type Overview = MethodOutput<'schedule.overview'>;
type Preview = MethodOutput<'schedule.previewYear'>;
type Change = Preview['add'][number];

/** The first school day of the year on the series' weekday: after the summer holiday, not on a day off. */
function suggestFirstDate(overview: Overview, weekday: number): string {
  const closed = (d: string) => overview.daysOff.some((o) => o.start <= d && d <= o.end);
  let day = parseISO(overview.start);
  for (let i = 0; i < 120; i++, day = addDays(day, 1)) {
    const iso = format(day, 'yyyy-MM-dd');
    if (getISODay(day) === weekday && !closed(iso)) return iso;
  }
  return overview.start;
}

/** Generates a series' meetings for a school year: preview first, then save. */
export function PlanYearModal({ overview, onDone }: { overview: Overview; onDone(): void }) {
  const queryClient = useQueryClient();
  const series = useSeries();
  const plannable = (series.data ?? []).filter((s) => s.active && s.intervalWeeks !== null);
  const [seriesId, setSeriesId] = useState<string | null>(null);
  const [firstDate, setFirstDate] = useState('');
  const chosen = plannable.find((s) => s.id === seriesId) ?? null;
  const input = { seriesId: seriesId ?? '', schoolYear: overview.schoolYear, firstDate };
  const preview = useQuery({
    queryKey: [...scheduleKey, 'preview', input],
    queryFn: () => invoke('schedule.previewYear', input),
    enabled: !!seriesId && dateProblem(firstDate, 'Eerste overleg') === null,
    staleTime: 0,
  });
  const apply = useMutation({
    mutationFn: () => invoke('schedule.applyYear', input),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: scheduleKey });
      notifications.show({
        color: 'teal',
        title: `${chosen?.name ?? 'Overleg'} gepland`,
        message: `${r.added} toegevoegd, ${r.moved} verplaatst, ${r.removed} verwijderd${r.kept ? `, ${r.kept} ongewijzigd gelaten` : ''}.`,
      });
      onDone();
    },
  });
  const p = preview.data;
  const changes = p ? p.add.length + p.move.length + p.remove.length : 0;

  return (
    <Stack>
      <SimpleGrid cols={2}>
        <Select
          label="Overlegvorm"
          placeholder={plannable.length ? 'Kies…' : 'Eerst een overlegvorm met vast ritme toevoegen'}
          data={plannable.map((s) => ({ value: s.id, label: s.name }))}
          value={seriesId}
          onChange={(id) => {
            setSeriesId(id);
            const s = plannable.find((x) => x.id === id);
            // The series' own first meeting when it lies in this school year; otherwise the first fitting school day.
            if (s?.firstDate && s.firstDate >= overview.start && s.firstDate <= overview.end) setFirstDate(s.firstDate);
            else if (s?.weekday) setFirstDate(suggestFirstDate(overview, s.weekday));
          }}
          allowDeselect={false}
          data-autofocus
        />
        <DateField
          label="Eerste overleg"
          value={firstDate}
          onChange={(v) => setFirstDate(v ?? '')}
          minDate={overview.start}
          maxDate={overview.end}
        />
      </SimpleGrid>
      {preview.isFetching && <Loader size="sm" aria-label="Voorbeeld berekenen" />}
      {preview.isError && <ErrorAlert error={preview.error} />}
      {p && (
        <Stack gap="sm">
          <SimpleGrid cols={4}>
            <Figure label="Nieuw" value={p.add.length} />
            <Figure label="Verplaatst" value={p.move.length} />
            <Figure label="Verwijderd" value={p.remove.length} alert={p.remove.length > 0} />
            <Figure label="Ongewijzigd" value={p.unchanged + p.kept.length} />
          </SimpleGrid>
          {p.collisions.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="Tegelijk met een ander overleg">
              <List size="sm">
                {p.collisions.map((c, i) => (
                  <List.Item key={i}>
                    {mediumDate(c.date)}: {c.a} en {c.b} (bij beide: {c.sharedPeople.join(', ')})
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {p.kept.length > 0 && (
            <Alert color="blue" variant="light" title="Deze overleggen blijven zoals ze zijn">
              <List size="sm">
                {p.kept.map((c) => (
                  <List.Item key={c.meetingId}>
                    {mediumDate(c.from!.date)}: {c.keptBecause}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <ChangeTable title="Wat er verandert" add={p.add} move={p.move} remove={p.remove} />
          {p.dropped.length > 0 && (
            <Text size="sm" c="dimmed">
              Vervalt: {p.dropped.map((d) => `${mediumDate(d.plannedDate)} (${d.note.replace(/^vervalt: /, '')})`).join('; ')}.
            </Text>
          )}
        </Stack>
      )}
      <FormFooter
        mutation={apply}
        errorTitle="Niet opgeslagen"
        onCancel={onDone}
        submit={p && p.remove.length + p.move.length > 0 ? 'Wijzigingen doorvoeren' : 'Opslaan'}
        disabled={!p || changes === 0}
        onConfirm={() => apply.mutate()}
      />
    </Stack>
  );
}

function ChangeTable({ title, add, move, remove }: { title: string; add: Change[]; move: Change[]; remove: Change[] }) {
  const rows = [
    ...add.map((c) => ({ c, what: 'nieuw', color: 'teal' })),
    ...move.map((c) => ({ c, what: 'verplaatst', color: 'orange' })),
    ...remove.map((c) => ({ c, what: 'verwijderd', color: 'red' })),
  ].sort((a, b) => (a.c.to ?? a.c.from)!.date.localeCompare((b.c.to ?? b.c.from)!.date));
  if (rows.length === 0) return <Text>Er verandert niets: het rooster is al zo gepland.</Text>;
  return (
    <>
      <Title order={4}>{title}</Title>
      <Table withTableBorder striped verticalSpacing={4} aria-label="Voorbeeld">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>Datum</Table.Th>
            <Table.Th>Tijd</Table.Th>
            <Table.Th>Opmerking</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ c, what, color }, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Badge size="sm" variant="light" color={color}>
                  {what}
                </Badge>
              </Table.Td>
              <Table.Td>
                {c.from && c.to ? `${mediumDate(c.from.date)} → ${mediumDate(c.to.date)}` : mediumDate((c.to ?? c.from)!.date)}
              </Table.Td>
              <Table.Td>{(c.to ?? c.from)!.startTime}</Table.Td>
              <Table.Td>{c.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
