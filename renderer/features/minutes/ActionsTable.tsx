import { ActionIcon, Anchor, Badge, Button, Group, Menu, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconCheck, IconDots, IconMessageCheck, IconX } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { actionStatusLabels, closedStatuses, type ActionStatus } from '../../../electron/features/minutes/vocabulary';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../people/queries';
import { refreshMinutes, useMayCloseAction, type ActionRow } from './queries';

export const isClosed = (status: ActionStatus) => closedStatuses.includes(status);

const overdueRow: CSSProperties = { backgroundColor: 'var(--mantine-color-red-0)' };
const overdueAccent: CSSProperties = { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-6)' };

/** The actions as a table: where each came from, who does what by when, and closing it for those who may. */
export function ActionsTable({ rows, onLapse }: { rows: ActionRow[]; onLapse(action: ActionRow): void }) {
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
