import { Anchor, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../electron/app/contract';
import { deadlineDate } from '../../../electron/shared/dutch-dates';
import { useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { meetingLabel } from '../../components/meeting-label';
import { missingText } from '../consent/labels';
import { StatusBadge } from './StatusBadge';
import { useConsentWorklist } from './queries';

type WorklistMeeting = MethodOutput<'intakes.consentWorklist'>[number];
type WorklistCheck = WorklistMeeting['cases'][number]['checks'][number];

/**
 * "Toestemming nodig": per coming meeting with external partners, the cases whose consent is not
 * yet complete, and per partner who still has to sign and why. A tab of the Aanmeldingen page.
 */
export function ConsentWorklist() {
  const worklist = useConsentWorklist();
  const mayRecord = useMayCall('consent.record');
  if (worklist.isPending) return <Loader aria-label="Laden" />;
  if (worklist.isError) return <ErrorAlert error={worklist.error} />;
  if (worklist.data.length === 0) {
    return (
      <Group gap="xs">
        <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text>Voor de komende overleggen is alle toestemming rond.</Text>
      </Group>
    );
  }
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Leerlingen die in een overleg met externe partners besproken worden en voor wie nog toestemming ontbreekt.
        {mayRecord
          ? ' Leg de toestemming vast op de pagina van de leerling.'
          : ' De coördinator legt de toestemming vast op de pagina van de leerling.'}
      </Text>
      {worklist.data.map((m) => (
        <MeetingCases key={m.id} meeting={m} />
      ))}
    </Stack>
  );
}

function MeetingCases({ meeting }: { meeting: WorklistMeeting }) {
  const label = meetingLabel(meeting);
  return (
    <Card withBorder padding="md" component="section" aria-label={label}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {label}
        </Title>
        {meeting.intakeDeadline && (
          <Text size="sm" c="dimmed">
            Aanmelden t/m {deadlineDate(meeting.intakeDeadline, format(new Date(), 'yyyy-MM-dd'))}
          </Text>
        )}
      </Group>
      <Table withTableBorder striped aria-label={`Toestemming nodig voor ${label}`} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Leerling</Table.Th>
            <Table.Th>Klas</Table.Th>
            <Table.Th>Aanmelding</Table.Th>
            <Table.Th>Wat ontbreekt</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meeting.cases.map((c) => (
            <Table.Tr key={c.intakeId}>
              <Table.Td>
                <Anchor component={Link} to={`/leerlingen/${c.studentId}`} size="sm">
                  {c.caseName}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.className}</Table.Td>
              <Table.Td>
                <div style={{ minWidth: 'max-content' }}>
                  <StatusBadge status={c.status} size="sm" />
                </div>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {c.checks.map((check) => (
                    <MissingLine key={check.partnerId} check={check} />
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function MissingLine({ check }: { check: WorklistCheck }) {
  return (
    <div>
      <Text size="sm" c={check.status === 'refused' ? 'red.8' : undefined}>
        <Text span size="sm" fw={600}>
          {check.partnerName}
        </Text>
        {': '}
        {check.missing.length > 0 ? `Ontbreekt: ${missingText(check)}` : 'nog niet compleet'}
      </Text>
      {check.problem && (
        <Text size="sm" c="orange.9">
          {check.problem}
        </Text>
      )}
    </div>
  );
}
