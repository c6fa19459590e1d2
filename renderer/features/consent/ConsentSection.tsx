import { Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconFileCheck } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Fragment, useState } from 'react';
import { useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { meetingLabel } from '../../components/meeting-label';
import { useLastValue } from '../../components/useLastValue';
import { AttachmentList } from '../files/AttachmentList';
import { formatDate } from '../people/queries';
import { ConsentForm } from './ConsentForm';
import { PartnerConsentLine } from './PartnerConsentLine';
import { decisionLabels, purposeLabel, stateBadge, type ConsentOverview, type ConsentRecordRow } from './labels';
import { refreshConsent, useConsentOverview } from './queries';
import { WithdrawForm } from './WithdrawForm';

/**
 * The consent register of one student: what the coming meetings with external partners still
 * need, every record ever made (withdrawn, expired and refused ones stay visible as proof), and
 * recording or withdrawing consent in one dialog each.
 */
export function ConsentSection({ studentId }: { studentId: string }) {
  const overview = useConsentOverview(studentId);
  // Recording and withdrawing is the coordinator's; everyone else reads the register.
  const mayRecord = useMayCall('consent.record');
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentRecordRow | null>(null);
  const shownWithdrawal = useLastValue(withdrawing);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Toestemming</Title>
        {mayRecord && (
          <Button leftSection={<IconFileCheck size={18} />} onClick={() => setRecording(true)} disabled={!overview.data}>
            Toestemming vastleggen
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Toestemming geldt per doel en per partner. Onder 16 tekenen de ouders met gezag, vanaf 16 de leerling zelf; bij de jeugdarts tekent
        een leerling van 12 tot 16 mee.
      </Text>
      {overview.isPending && <Loader aria-label="Laden" />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {overview.data && (
        <>
          <UpcomingMeetings upcoming={overview.data.upcoming} />
          <Records records={overview.data.records} onWithdraw={mayRecord ? setWithdrawing : null} />
          <Modal opened={recording} onClose={() => setRecording(false)} title="Toestemming vastleggen" size="lg">
            {recording && <ConsentForm studentId={studentId} overview={overview.data} onSaved={() => setRecording(false)} />}
          </Modal>
          <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title="Toestemming intrekken">
            {shownWithdrawal && <WithdrawForm key={shownWithdrawal.id} record={shownWithdrawal} onDone={() => setWithdrawing(null)} />}
          </Modal>
        </>
      )}
    </Stack>
  );
}

function UpcomingMeetings({ upcoming }: { upcoming: ConsentOverview['upcoming'] }) {
  if (upcoming.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        De komende tien weken staat er geen overleg met externe partners gepland.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {upcoming.map((m) => (
        <Card key={m.meetingId} withBorder padding="md" component="section" aria-label={meetingLabel(m)}>
          <Text fw={600} mb="xs">
            {meetingLabel(m)}
          </Text>
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {m.checks.map((c) => (
              <PartnerConsentLine key={c.partnerId} check={c} />
            ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** `onWithdraw` null: this user only reads the register (no withdrawing, no proof uploads). */
function Records({ records, onWithdraw }: { records: ConsentRecordRow[]; onWithdraw: ((record: ConsentRecordRow) => void) | null }) {
  const queryClient = useQueryClient();
  if (records.length === 0) {
    return <Text c="dimmed">Er is nog geen toestemming vastgelegd.</Text>;
  }
  const columns = 7;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder withRowBorders={false} aria-label="Toestemmingen" verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
            <Table.Th>Ondertekenaar</Table.Th>
            <Table.Th>Besluit en wijze</Table.Th>
            <Table.Th>Doelen</Table.Th>
            <Table.Th>Partners</Table.Th>
            <Table.Th>Datum en geldig t/m</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Acties</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r, i) => {
            const badge = stateBadge(r);
            const withdrawable = r.state === 'valid';
            return (
              <Fragment key={r.id}>
                <Table.Tr
                  data-testid="consent-record"
                  style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-4)' } : undefined}
                  bg={r.state === 'valid' ? undefined : 'gray.0'}
                >
                  <Table.Td fw={600}>{r.signerName}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={r.decision === 'refused' ? 'red.8' : undefined}>
                      {decisionLabels[r.decision]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {r.method}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.purposes.map((p) => (
                      <div key={p}>{purposeLabel(p)}</div>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {r.partners.map((p) => (
                      <div key={p.id}>{p.name}</div>
                    ))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDate(r.givenOn)}</Text>
                    {r.decision === 'given' && (r.validUntil || r.untilCaseClosed) && (
                      <Text size="sm" c="dimmed">
                        {r.validUntil ? `t/m ${formatDate(r.validUntil)}` : 'tot de zaak is afgesloten'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={badge.color} variant="light" style={{ textTransform: 'none', minWidth: 'max-content' }}>
                      {badge.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {withdrawable && onWithdraw && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={`Toestemming van ${r.signerName} intrekken`}
                        onClick={() => onWithdraw(r)}
                      >
                        Intrekken
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr bg={r.state === 'valid' ? undefined : 'gray.0'}>
                  <Table.Td colSpan={columns} pt={0} pb="sm">
                    <Stack gap={6} pl="md">
                      <Text size="sm" c="dimmed">
                        Vastgelegd door {r.recordedBy} op {format(new Date(r.recordedAt), 'dd-MM-yyyy')}
                      </Text>
                      {r.informationGiven && (
                        <Text size="sm">
                          <Text span c="dimmed" size="sm">
                            Informatie gegeven:
                          </Text>{' '}
                          {r.informationGiven}
                        </Text>
                      )}
                      {r.withdrawnOn && (
                        <Text size="sm" c="orange.9">
                          Ingetrokken op {formatDate(r.withdrawnOn)}
                          {r.withdrawnBy ? ` door ${r.withdrawnBy}` : ''}
                          {r.withdrawalNote ? `: ${r.withdrawalNote}` : ''}
                        </Text>
                      )}
                      <AttachmentList
                        owner={{ consentId: r.id }}
                        items={r.proofs}
                        readOnly={!onWithdraw}
                        label="Bewijs toevoegen (scan)"
                        onChanged={() => void refreshConsent(queryClient)}
                      />
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
