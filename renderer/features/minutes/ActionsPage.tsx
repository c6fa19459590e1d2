import { Button, EmptyState, Group, Loader, Paper, SegmentedControl, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { IconChecklist, IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStaff } from '../people/queries';
import { useSeries } from '../schedule/queries';
import { actionListTools } from './actions-page-parts';
import { ActionsTable, isClosed } from './ActionsTable';
import { LapseDialog } from './LapseDialog';
import { useActionList, type ActionFilter, type ActionRow } from './queries';

/** The filters live in the address, so going back from a meeting or a student returns to the same list. */
function filterFrom(params: URLSearchParams): ActionFilter {
  const mine = params.get('wie') === 'mijn';
  return {
    status: params.get('status') === 'alle' ? 'alle' : 'open',
    mine,
    // The backend ignores the holder when "mine" is on; the address must not pretend otherwise.
    holderStaffId: mine ? null : params.get('houder'),
    seriesId: params.get('overleg'),
    studentId: params.get('leerling'),
    overdueOnly: params.get('overtijd') === '1',
  };
}

/**
 * Open first, the most urgent on top; closed ones after, the latest closed first. The backend
 * orders by the action's own date, which puts "volgende overleg" at its meeting's date instead.
 */
function byUrgency(a: ActionRow, b: ActionRow): number {
  const closed = Number(isClosed(a.status)) - Number(isClosed(b.status));
  if (closed !== 0) return closed;
  if (isClosed(a.status)) return (b.closedAt ?? '').localeCompare(a.closedAt ?? '');
  return (
    (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.meetingDate.localeCompare(b.meetingDate) || a.origin.localeCompare(b.origin)
  );
}

/** Acties: every agreement from the meetings that is not finished yet, with who does it and by when. */
export function ActionsPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const list = useActionList(filter);
  // Students to filter on: everyone with an action, so the chosen one keeps its name under every other filter.
  const everyone = useActionList({
    status: 'alle',
    holderStaffId: null,
    seriesId: null,
    studentId: null,
    mine: false,
    overdueOnly: false,
  });
  const staff = useStaff();
  const series = useSeries();
  const [lapsing, setLapsing] = useState<ActionRow | null>(null);

  const set = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const filtered =
    filter.mine || filter.holderStaffId !== null || filter.seriesId !== null || filter.studentId !== null || filter.overdueOnly;

  const studentOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of everyone.data ?? []) {
      if (a.studentId && a.caseName) seen.set(a.studentId, a.className ? `${a.caseName} (${a.className})` : a.caseName);
    }
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  }, [everyone.data]);
  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active || s.id === filter.holderStaffId)
    .map((s) => ({ value: s.id, label: `${s.code} — ${s.name}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const seriesOptions = (series.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  const rows = useMemo(() => [...(list.data ?? [])].sort(byUrgency), [list.data]);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Acties</Title>
        {actionListTools().map((Tool, i) => (
          <Tool
            key={i}
            filter={{
              holderStaffId: filter.mine ? null : filter.holderStaffId,
              seriesId: filter.seriesId,
              studentId: filter.studentId,
              mine: filter.mine,
              overdueOnly: filter.overdueOnly,
            }}
          />
        ))}
      </Group>
      <Paper withBorder p="md" component="section" aria-label="Filters">
        <Stack gap="sm">
          <Group gap="md" wrap="wrap">
            <SegmentedControl
              aria-label="Welke acties"
              value={filter.status}
              onChange={(v) => set('status', v === 'alle' ? 'alle' : null)}
              data={[
                { value: 'open', label: 'Open' },
                { value: 'alle', label: 'Alle' },
              ]}
            />
            <SegmentedControl
              aria-label="Van wie"
              value={filter.mine ? 'mijn' : 'iedereen'}
              onChange={(v) => set('wie', v === 'mijn' ? 'mijn' : null)}
              data={[
                { value: 'iedereen', label: 'Iedereen' },
                { value: 'mijn', label: 'Mijn acties' },
              ]}
            />
            <Switch
              label="Alleen over tijd"
              checked={filter.overdueOnly}
              onChange={(e) => set('overtijd', e.currentTarget.checked ? '1' : null)}
            />
          </Group>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Actiehouder"
              placeholder={filter.mine ? 'Jij' : 'Iedereen'}
              data={staffOptions}
              value={filter.mine ? null : filter.holderStaffId}
              onChange={(v) => set('houder', v)}
              disabled={filter.mine}
              clearable
              searchable
              nothingFoundMessage="Geen medewerker gevonden"
              w={240}
            />
            <Select
              label="Overlegvorm"
              placeholder="Alle overleggen"
              data={seriesOptions}
              value={filter.seriesId}
              onChange={(v) => set('overleg', v)}
              clearable
              w={200}
            />
            <Select
              label="Leerling"
              placeholder="Alle leerlingen"
              data={studentOptions}
              value={filter.studentId}
              onChange={(v) => set('leerling', v)}
              clearable
              searchable
              nothingFoundMessage="Geen leerling met acties gevonden"
              w={260}
            />
            {filtered && (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconFilterOff size={16} />}
                onClick={() => setParams(filter.status === 'alle' ? { status: 'alle' } : {}, { replace: true })}
              >
                Filters wissen
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      {list.isPending && <Loader aria-label="Laden" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <Summary rows={rows} status={filter.status} />
          {rows.length === 0 ? <Empty filter={filter} filtered={filtered} /> : <ActionsTable rows={rows} onLapse={setLapsing} />}
        </>
      )}
      <LapseDialog action={lapsing} onClose={() => setLapsing(null)} />
    </Stack>
  );
}

function Summary({ rows, status }: { rows: ActionRow[]; status: ActionFilter['status'] }) {
  const overdue = rows.filter((r) => r.overdue).length;
  const concepts = rows.filter((r) => r.status === 'concept').length;
  const noun = rows.length === 1 ? 'actie' : 'acties';
  const parts = [`${rows.length} ${status === 'open' ? `open ${noun}` : noun}`];
  if (overdue > 0) parts.push(`${overdue} over tijd`);
  if (concepts > 0) parts.push(`${concepts} ${concepts === 1 ? 'concept' : 'concepten'}`);
  return (
    <Text size="sm" c="dimmed" data-testid="action-count" mb={-8}>
      {parts.join(' · ')}
    </Text>
  );
}

function Empty({ filter, filtered }: { filter: ActionFilter; filtered: boolean }) {
  const [title, description] = filtered
    ? [
        'Geen acties bij deze filters',
        filter.mine && !filter.overdueOnly && filter.status === 'open'
          ? 'Er staan geen open acties op jouw naam.'
          : 'Wis een of meer filters om meer acties te zien.',
      ]
    : filter.status === 'open'
      ? ['Geen open acties', 'Alle afspraken uit de overleggen zijn afgerond. Nieuwe acties ontstaan in de notulen van een overleg.']
      : ['Nog geen acties', 'Acties ontstaan in de notulen van een overleg: wat er moet gebeuren, wie het doet en wanneer.'];
  return <EmptyState icon={<IconChecklist />} variant="light" title={title} description={description} py="xl" />;
}
