import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { IconDownload } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useState, type ComponentType } from 'react';
import type { MethodInput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateProblem } from '../../../electron/shared/date-rules';
import { base64ToBlob, downloadFile } from '../../components/download';

type Filter = MethodInput<'audit.list'>['filter'];
const PAGE = 100;

/** A typed date, or none: the field says what is wrong and the list keeps its last good filter. */
const dayOrNull = (value: string) => (dateProblem(value, '') === null ? value : null);

interface PickedStudent {
  id: string;
  label: string;
}

/** People's type-ahead over the students: people is built on the logboek, so the app hands it in. */
export interface StudentPickerProps {
  value: PickedStudent | null;
  onChange(student: PickedStudent | null): void;
  label: string;
  required: boolean;
}

/**
 * Instellingen → Logboek, for the coordinator: who did what and when — unlocks and failed
 * attempts, changes, exports, letters, opened student files — by user, student and period, and
 * as a CSV file for the school's privacy officer.
 */
export function AuditPanel({ StudentPicker }: { StudentPicker: ComponentType<StudentPickerProps> }) {
  const users = useQuery({ queryKey: ['users'], queryFn: () => invoke('users.list', {}) });
  const [userId, setUserId] = useState<string | null>(null);
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const filter: Filter = { userId, studentId: student?.id ?? null, from: dayOrNull(from), to: dayOrNull(to) };
  const reversed = filter.from !== null && filter.to !== null && filter.from > filter.to;

  const log = useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) => invoke('audit.list', { filter, before: pageParam, limit: PAGE }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => (last.more ? (last.entries.at(-1)?.id ?? null) : null),
    enabled: !reversed,
    staleTime: 0,
  });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await invoke('audit.export', { filter });
      downloadFile(file.fileName, base64ToBlob(file.contentBase64, 'text/csv;charset=utf-8'));
      setExportError(null);
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Wat er met de gegevens is gebeurd: ontgrendelen (ook mislukte pogingen), wijzigingen, exports, brieven en geopende leerlingdossiers.
        De inhoud zelf staat niet in het logboek.
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <Select
          label="Gebruiker"
          placeholder="Iedereen"
          clearable
          w={220}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.staffCode})` }))}
          value={userId}
          onChange={setUserId}
        />
        <div style={{ width: 320 }}>
          <StudentPicker value={student} onChange={setStudent} label="Leerling" required={false} />
        </div>
        <DateField label="Van" value={from} onChange={(v) => setFrom(v ?? '')} clearable w={170} />
        <DateField
          label="Tot en met"
          value={to}
          onChange={(v) => setTo(v ?? '')}
          clearable
          w={170}
          error={reversed ? 'Tot en met: ligt vóór "Van".' : undefined}
        />
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={exporting}
          disabled={reversed}
          onClick={() => void exportCsv()}
        >
          Exporteren (CSV)
        </Button>
      </Group>
      {exportError !== null && <ErrorAlert error={exportError} />}
      {log.error && <ErrorAlert error={log.error} />}
      {log.isPending && !reversed ? (
        <Loader />
      ) : entries.length === 0 ? (
        <Alert variant="light" color="gray">
          Geen regels in het logboek voor deze keuze.
        </Alert>
      ) : (
        <Table striped highlightOnHover aria-label="Logboek">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>Tijdstip</Table.Th>
              <Table.Th>Gebruiker</Table.Th>
              <Table.Th>Gebeurtenis</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th>Leerlingen</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {format(parseISO(e.at), 'dd-MM-yyyy HH:mm')}
                </Table.Td>
                <Table.Td>{e.userName ?? 'onbekende gebruiker'}</Table.Td>
                <Table.Td>
                  {e.method === 'vault.unlockFailed' ? (
                    <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
                      {e.label}
                    </Badge>
                  ) : (
                    e.label
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {e.detail ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>{e.students.map((s) => `${s.name}${s.className ? ` (${s.className})` : ''}`).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Button variant="subtle" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Oudere regels
        </Button>
      )}
    </Stack>
  );
}
