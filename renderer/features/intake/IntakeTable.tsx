import { Group, Table, Text } from '@mantine/core';
import { IconCircleFilled } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { Link, useNavigate } from 'react-router';
import { meetingLabel } from '../../components/meeting-label';
import { consentColors } from './labels';
import type { IntakeRow } from './queries';
import { LateBadge, StatusBadge } from './StatusBadge';

export type IntakeColumn = 'student' | 'className' | 'referrer' | 'meeting' | 'status' | 'consent' | 'updated';

const headers: Record<IntakeColumn, string> = {
  student: 'Leerling',
  className: 'Klas',
  referrer: 'Aanmelder',
  meeting: 'Overleg',
  status: 'Status',
  consent: 'Toestemming',
  updated: 'Bijgewerkt',
};
const order: IntakeColumn[] = ['student', 'className', 'meeting', 'referrer', 'status', 'consent', 'updated'];

/**
 * Intakes as a table; each row opens the aanmeldformulier. Used by every tab of Aanmeldingen and
 * on the student page (which hides the student's own name and klas).
 */
export function IntakeTable({
  rows,
  hide = [],
  label = 'Aanmeldingen',
  empty = 'Geen aanmeldingen.',
}: {
  rows: IntakeRow[];
  hide?: IntakeColumn[];
  label?: string;
  empty?: string;
}) {
  const navigate = useNavigate();
  const columns = order.filter((c) => !hide.includes(c));
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return (
    <Table highlightOnHover striped withTableBorder aria-label={label} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c}>{headers[c]}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/aanmeldingen/${row.id}`)}>
            {columns.map((c) => (
              // Short columns keep to one line; the consent summary takes the room that is left.
              <Table.Td key={c} style={c === 'consent' ? undefined : { whiteSpace: 'nowrap' }}>
                {c === columns[0] ? (
                  // The link is what keyboard and screen-reader users follow; the row click is a convenience.
                  <Link to={`/aanmeldingen/${row.id}`} style={{ color: 'inherit' }} onClick={(e) => e.stopPropagation()}>
                    <Cell row={row} column={c} />
                  </Link>
                ) : (
                  <Cell row={row} column={c} />
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Cell({ row, column }: { row: IntakeRow; column: IntakeColumn }) {
  switch (column) {
    case 'student':
      return row.caseName;
    case 'className':
      return row.className;
    case 'referrer':
      return row.referrer ? `${row.referrer.name} (${row.referrer.code})` : '';
    case 'meeting':
      return row.meeting ? (
        meetingLabel(row.meeting)
      ) : (
        <Text span c="dimmed" size="sm">
          nog niet gekozen
        </Text>
      );
    case 'status':
      return (
        <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
          <StatusBadge status={row.status} size="sm" />
          {row.late && <LateBadge size="sm" />}
        </Group>
      );
    case 'consent': {
      const color = consentColors[row.consent.state];
      return (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconCircleFilled size={10} color={`var(--mantine-color-${color}-6)`} style={{ flexShrink: 0, marginTop: 6 }} aria-hidden />
          <Text size="sm" c={color === 'gray' ? 'dimmed' : `${color}.9`}>
            {row.consent.label}
          </Text>
        </Group>
      );
    }
    case 'updated':
      return format(parseISO(row.updatedAt), 'dd-MM-yyyy HH:mm');
  }
}
