import { Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleFilled } from '@tabler/icons-react';
import { useNavigate, useSearchParams } from 'react-router';
import { meetingStateLabels } from '../../../electron/features/agenda/vocabulary';
import { shortWeekdayDateYear } from '../../../electron/shared/dutch-dates';
import { useMayCall } from '../../api/session';
import { RoleGate } from '../../components/RoleGate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TemplateEditor } from './TemplateEditor';
import { stateColors } from './labels';
import { useMeetingList } from './queries';

type Scope = 'komend' | 'afgelopen';

/** Overleggen: the coming meetings (nearest first) and the past ones (newest first); a row opens the meeting. */
export function MeetingsPage() {
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get('toon') === 'afgelopen' ? 'afgelopen' : 'komend';
  const list = useMeetingList(scope);
  const navigate = useNavigate();
  const coordinator = useMayCall('agenda.saveTemplate');
  const [templates, editTemplates] = useDisclosure(false);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Overleggen</Title>
        <Group>
          <RoleGate method="agenda.saveTemplate" may={coordinator}>
            {(refused) => (
              <Button variant="default" onClick={editTemplates.open} disabled={refused}>
                Vaste agenda
              </Button>
            )}
          </RoleGate>
          <SegmentedControl
            value={scope}
            onChange={(v) => setParams(v === 'afgelopen' ? { toon: v } : {}, { replace: true })}
            data={[
              { value: 'komend', label: 'Komend' },
              { value: 'afgelopen', label: 'Afgelopen' },
            ]}
            aria-label="Welke overleggen"
          />
        </Group>
      </Group>
      <TemplateEditor opened={templates} onClose={editTemplates.close} />
      {list.isPending && <Loader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.length === 0 && (
        <Text c="dimmed">
          {scope === 'komend' ? 'Er zijn geen overleggen gepland. Plan ze in het jaarrooster.' : 'Er zijn nog geen afgelopen overleggen.'}
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Table
          highlightOnHover
          withTableBorder
          verticalSpacing="sm"
          aria-label={scope === 'komend' ? 'Komende overleggen' : 'Afgelopen overleggen'}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Datum</Table.Th>
              <Table.Th>Tijd</Table.Th>
              <Table.Th>Overleg</Table.Th>
              <Table.Th>Plaats</Table.Th>
              <Table.Th>Leerlingen</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((m) => (
              <Table.Tr
                key={m.id}
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => navigate(`/overleggen/${m.id}`)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(`/overleggen/${m.id}`);
                }}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{shortWeekdayDateYear(m.date)}</Table.Td>
                <Table.Td>{m.startTime}</Table.Td>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <IconCircleFilled size={10} color={`var(--mantine-color-${m.color ?? 'gray'}-9)`} aria-hidden />
                    <Text fw={600}>{m.title}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>{m.location}</Table.Td>
                <Table.Td>
                  {m.items === 0 ? (
                    <Text c="dimmed" size="sm">
                      Nog geen agenda
                    </Text>
                  ) : (
                    m.cases
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={stateColors[m.state]} variant={m.state === 'bezig' ? 'filled' : 'light'}>
                    {meetingStateLabels[m.state]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
