import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconCheck, IconChecklist, IconDots, IconFilterOff, IconMessageCheck, IconX } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useMemo, useState, type CSSProperties } from 'react';
import { ActionListMenu } from '../documents/DocumentsMenu';
import { Link, useSearchParams } from 'react-router';
import { actionStatusLabels, closedStatuses, type ActionStatus } from '../../../electron/features/minutes/vocabulary';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, useStaff } from '../people/queries';
import { useSeries } from '../schedule/queries';
import { refreshMinutes, useActionList, useMayCloseAction, type ActionFilter, type ActionRow } from './queries';
import { LapseDialog } from './LapseDialog';

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

const isClosed = (status: ActionStatus) => closedStatuses.includes(status);

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
        <ActionListMenu
          filter={{
            holderStaffId: filter.mine ? null : filter.holderStaffId,
            seriesId: filter.seriesId,
            studentId: filter.studentId,
            mine: filter.mine,
            overdueOnly: filter.overdueOnly,
          }}
        />
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

const overdueRow: CSSProperties = { backgroundColor: 'var(--mantine-color-red-0)' };
const overdueAccent: CSSProperties = { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-6)' };

function ActionsTable({ rows, onLapse }: { rows: ActionRow[]; onLapse(action: ActionRow): void }) {
  const queryClient = useQueryClient();
  const setStatus = useMutation({
    mutationFn: ({ action, status }: { action: ActionRow; status: 'open' | 'gedaan' | 'teruggekoppeld' }) =>
      invoke('actions.setStatus', { id: action.id, status, note: '' }),
    onSuccess: async (_, { action, status }) => {
      await refreshMinutes(queryClient);
      notifications.show({
        color: status === 'open' ? 'cyan' : 'teal',
        message:
          status === 'open'
            ? `Actie ${action.origin} is weer open.`
            : `Actie ${action.origin} staat op ${actionStatusLabels[status].toLowerCase()}.`,
      });
    },
  });
  const busy = (action: ActionRow) => setStatus.isPending && setStatus.variables.action.id === action.id;
  const mayClose = useMayCloseAction();

  return (
    <Stack gap="sm">
      {setStatus.isError && <ErrorAlert error={setStatus.error} title="Status niet gewijzigd" />}
      <Table.ScrollContainer minWidth={980}>
        <Table withTableBorder highlightOnHover verticalSpacing="sm" fz="sm" aria-label="Acties">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={165}>Herkomst</Table.Th>
              <Table.Th w={150}>Leerling</Table.Th>
              <Table.Th>Wat</Table.Th>
              <Table.Th w={165}>Wie</Table.Th>
              <Table.Th w={115}>Deadline</Table.Th>
              <Table.Th w={130}>Status</Table.Th>
              <Table.Th w={120}>
                <VisuallyHidden>Afhandelen</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id} style={a.overdue ? overdueRow : undefined} data-overdue={a.overdue || undefined}>
                <Table.Td style={a.overdue ? overdueAccent : undefined}>
                  <Anchor component={Link} to={`/overleggen/${a.meetingId}`} size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {a.origin}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {a.studentId && a.caseName ? (
                    <>
                      <Anchor component={Link} to={`/leerlingen/${a.studentId}`} size="sm" c="inherit">
                        {a.caseName}
                      </Anchor>
                      {a.className && (
                        // The class stays whole: a long name wraps before it, not inside it.
                        <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {' '}
                          ({a.className})
                        </Text>
                      )}
                    </>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      Algemeen
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={a.what ? undefined : 'dimmed'}>
                    {a.what || 'Nog niet beschreven'}
                  </Text>
                  {a.statusNote && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {a.status === 'vervallen' ? 'Reden' : 'Notitie'}: {a.statusNote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.holderLabel ?? (
                    <Text span size="sm" c="dimmed">
                      Nog niet gekozen
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Deadline action={a} />
                </Table.Td>
                <Table.Td>
                  <StatusCell action={a} />
                </Table.Td>
                <Table.Td>
                  <RowActions
                    action={a}
                    mayClose={mayClose(a)}
                    busy={busy(a)}
                    disabled={setStatus.isPending}
                    onStatus={(status) => setStatus.mutate({ action: a, status })}
                    onLapse={() => onLapse(a)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Deadline({ action }: { action: ActionRow }) {
  const color = action.overdue ? 'red.8' : undefined;
  const weight = action.overdue ? 600 : undefined;
  if (!action.due) {
    return (
      <Text span size="sm" c="dimmed">
        Geen deadline
      </Text>
    );
  }
  if (action.due.kind === 'datum') {
    return (
      <Text span size="sm" c={color} fw={weight}>
        {formatDate(action.due.date)}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm">Volgende overleg</Text>
      <Text size="xs" c={color ?? 'dimmed'} fw={weight}>
        {action.dueOn ? formatDate(action.dueOn) : 'nog niet gepland'}
      </Text>
    </>
  );
}

// As the intake badges: the word as written ("Over tijd", not "OVER TIJD"), never cut off in a narrow column.
const whole = {
  root: { textTransform: 'none', overflow: 'visible', flexShrink: 0 },
  label: { overflow: 'visible' },
} as const;

const statusColors: Record<ActionStatus, string> = {
  concept: 'gray',
  open: 'cyan',
  gedaan: 'teal',
  teruggekoppeld: 'green',
  vervallen: 'gray',
};

function StatusCell({ action }: { action: ActionRow }) {
  if (action.status === 'concept') {
    const problems = Object.values(action.problems);
    return (
      <Tooltip
        label={problems.join('\n')}
        multiline
        w={280}
        style={{ whiteSpace: 'pre-line' }}
        events={{ hover: true, focus: true, touch: true }}
        disabled={problems.length === 0}
      >
        {/* Focusable, so keyboard users get the same explanation as the mouse. */}
        <Badge color="gray" variant="outline" styles={whole} tabIndex={0} style={{ cursor: 'help' }} aria-description={problems.join(' ')}>
          Concept
        </Badge>
      </Tooltip>
    );
  }
  if (action.overdue) {
    return (
      <Badge color="red" variant="filled" styles={whole}>
        Over tijd
      </Badge>
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={statusColors[action.status]} variant="light" styles={whole}>
        {actionStatusLabels[action.status]}
      </Badge>
      {isClosed(action.status) && action.closedAt && (
        <Text size="xs" c="dimmed" title={format(parseISO(action.closedAt), 'dd-MM-yyyy HH:mm')}>
          {action.closedBy ? `door ${action.closedBy} ` : ''}
          <span style={{ whiteSpace: 'nowrap' }}>op {format(parseISO(action.closedAt), 'dd-MM-yyyy')}</span>
        </Text>
      )}
    </Stack>
  );
}

function RowActions({
  action,
  mayClose,
  busy,
  disabled,
  onStatus,
  onLapse,
}: {
  action: ActionRow;
  /** A holder closes their own action, the keepers any: nobody else sees the buttons. */
  mayClose: boolean;
  busy: boolean;
  disabled: boolean;
  onStatus(status: 'open' | 'gedaan' | 'teruggekoppeld'): void;
  onLapse(): void;
}) {
  if (!mayClose) return null;
  if (isClosed(action.status)) {
    return (
      <Button
        size="xs"
        variant="default"
        leftSection={<IconArrowBackUp size={14} />}
        loading={busy}
        disabled={disabled && !busy}
        onClick={() => onStatus('open')}
        aria-label={`Actie ${action.origin} heropenen`}
      >
        Heropenen
      </Button>
    );
  }
  if (action.status === 'concept') {
    // The backend only closes complete actions: a concept is finished in the minutes it came from.
    return (
      <Anchor component={Link} to={`/overleggen/${action.meetingId}`} size="xs">
        Aanvullen in de notulen
      </Anchor>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        color="teal"
        leftSection={<IconCheck size={14} />}
        loading={busy}
        disabled={disabled && !busy}
        onClick={() => onStatus('gedaan')}
        aria-label={`Actie ${action.origin} gedaan`}
      >
        Gedaan
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="md" disabled={disabled} aria-label={`Meer voor actie ${action.origin}`}>
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconMessageCheck size={16} />} onClick={() => onStatus('teruggekoppeld')}>
            Teruggekoppeld
          </Menu.Item>
          <Menu.Item leftSection={<IconX size={16} />} color="red" onClick={onLapse}>
            Vervallen…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
