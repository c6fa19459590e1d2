import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/app/contract';
import { backupKindLabels } from '../../../electron/features/backup/vocabulary';
import { instantDateTime } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { forgetVaultData } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';

const overviewKey = ['backup', 'overview'] as const;
type Overview = MethodOutput<'backup.overview'>;
type RestoreSource = MethodInput<'backup.restore'>['source'];

const megabytes = (bytes: number) =>
  `${(bytes / 2 ** 20).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/** Instellingen → Back-ups: the automatic backups on this computer, a backup to a folder, and going back to one. */
export function BackupsPanel() {
  const overview = useQuery({
    queryKey: overviewKey,
    queryFn: () => invoke('backup.overview', {}),
    // While a backup runs, look again until it is done.
    refetchInterval: (query) => (query.state.data?.automatic.running ? 1000 : false),
  });
  const [restoring, setRestoring] = useState<{ source: RestoreSource; what: string } | null>(null);

  if (overview.isPending) return <Loader aria-label="Laden" />;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  const { backups, automatic, folder, mayManage } = overview.data;

  return (
    <Stack gap="lg" maw={880}>
      <Text c="dimmed">
        Zorgoverleg maakt bij elk vergrendelen en elke dag een versleutelde back-up op deze computer, met een kopie van de sleutels. Bewaard
        blijven er één per dag van de laatste 7 dagen, één per week van 4 weken en één per maand van 12 maanden. Een back-up gaat alleen
        open met een wachtwoord dat gold toen hij werd gemaakt, of met de herstelsleutel.
      </Text>
      <AutomaticStatus automatic={automatic} />
      {backups.length === 0 ? (
        <Text>Er is nog geen back-up op deze computer.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Back-ups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Gemaakt op</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th>Grootte</Table.Th>
              <Table.Th>Gecontroleerd</Table.Th>
              {mayManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.verified ? instantDateTime(b.takenAt) : b.id}</Table.Td>
                <Table.Td>{b.verified ? backupKindLabels[b.kind] : ''}</Table.Td>
                <Table.Td>{b.verified ? megabytes(b.sizeBytes) : ''}</Table.Td>
                <Table.Td>
                  {b.verified ? (
                    <Group gap={4} c="teal.8">
                      <IconCircleCheck size={18} aria-hidden />
                      <Text size="sm">Ja</Text>
                    </Group>
                  ) : (
                    <Badge color="red" variant="light">
                      Beschadigd
                    </Badge>
                  )}
                </Table.Td>
                {mayManage && (
                  <Table.Td>
                    {b.verified && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconHistory size={16} />}
                        aria-label={`Terugzetten: de back-up van ${instantDateTime(b.takenAt)}`}
                        onClick={() =>
                          setRestoring({
                            source: { from: 'list', id: b.id },
                            what: `de back-up van ${instantDateTime(b.takenAt)}`,
                          })
                        }
                      >
                        Terugzetten
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        Map op deze computer: <span style={{ fontFamily: 'monospace' }}>{folder}</span>
      </Text>
      {mayManage ? (
        <>
          <MakeBackupCard />
          <RestoreFromFileCard onChoose={(path) => setRestoring({ source: { from: 'file', path }, what: `de back-up in ${path}` })} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Alleen een coördinator maakt een back-up naar een map of zet een back-up terug.
        </Text>
      )}
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="Back-up terugzetten">
        {restoring && <ConfirmRestore source={restoring.source} what={restoring.what} onCancel={() => setRestoring(null)} />}
      </Modal>
    </Stack>
  );
}

function AutomaticStatus({ automatic }: { automatic: Overview['automatic'] }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text>
          Laatste automatische back-up:{' '}
          <Text span fw={600} data-testid="last-automatic-backup">
            {automatic.lastAt ? instantDateTime(automatic.lastAt) : 'nog geen'}
          </Text>
        </Text>
        {automatic.running && (
          <Group gap={4}>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              bezig met een back-up…
            </Text>
          </Group>
        )}
      </Group>
      {!automatic.enabled && (
        <Text size="sm" c="dimmed">
          Automatische back-ups staan in deze omgeving uit.
        </Text>
      )}
      {automatic.problem && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title="De laatste automatische back-up is mislukt">
          {automatic.problem} Bij het volgende vergrendelen probeert Zorgoverleg het opnieuw.
        </Alert>
      )}
    </Stack>
  );
}

function MakeBackupCard() {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { folder: '' },
    validate: { folder: (v) => (v.trim() ? null : 'Vul de map in, bijvoorbeeld die van je USB-stick.') },
  });
  const make = useMutation({
    mutationFn: (values: typeof form.values) => invoke('backup.create', values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: overviewKey });
    },
    onError: (err) => {
      const fields = 'fields' in err ? (err.fields as Record<string, string>) : {};
      if (fields.folder) form.setFieldError('folder', fields.folder);
    },
  });
  return (
    <Card withBorder p="lg">
      <form onSubmit={form.onSubmit((values) => make.mutate(values))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Back-up maken
          </Title>
          <Text size="sm" c="dimmed">
            Naar een USB-stick of een andere schijf, om buiten deze computer te bewaren. De back-up is versleuteld; bewaar hem toch niet in
            een gedeelde map.
          </Text>
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              label="Map"
              placeholder="Bijvoorbeeld E:\ of /media/usb-stick"
              style={{ flex: 1 }}
              styles={{ input: { fontFamily: 'monospace' } }}
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('folder')}
            />
            <Button type="submit" mt={25} leftSection={<IconDeviceFloppy size={18} />} loading={make.isPending}>
              Back-up maken
            </Button>
          </Group>
          {make.isError && !form.errors.folder && <ErrorAlert error={make.error} />}
          {make.isSuccess && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Back-up gemaakt en gecontroleerd">
              <Text size="sm">
                {make.data.fileName} ({megabytes(make.data.sizeBytes)}) staat in de map {form.values.folder}.
              </Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function RestoreFromFileCard({ onChoose }: { onChoose(path: string): void }) {
  const form = useForm({
    initialValues: { path: '' },
    validate: { path: (v) => (v.trim() ? null : 'Vul in waar de back-up staat.') },
  });
  return (
    <Card withBorder p="lg">
      <form onSubmit={form.onSubmit((values) => onChoose(values.path.trim()))} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Terugzetten uit een bestand
          </Title>
          <Text size="sm" c="dimmed">
            Een back-up van deze omgeving op een USB-stick of elders (een bestand dat eindigt op .zobackup).
          </Text>
          <Group align="flex-start" wrap="nowrap">
            <TextInput
              label="Back-upbestand"
              placeholder="Bijvoorbeeld E:\lindeboom-college-2026-03-12-140512.zobackup"
              style={{ flex: 1 }}
              styles={{ input: { fontFamily: 'monospace' } }}
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('path')}
            />
            <Button type="submit" mt={25} variant="default" leftSection={<IconHistory size={18} />}>
              Terugzetten…
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ConfirmRestore({ source, what, onCancel }: { source: RestoreSource; what: string; onCancel(): void }) {
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: () => invoke('backup.restore', { source }),
    onSuccess: async ({ takenAt, safetyCopy }) => {
      notifications.show({
        color: 'teal',
        title: 'Back-up teruggezet',
        message:
          `De gegevens van ${instantDateTime(takenAt)} staan terug. Ontgrendel met het wachtwoord ` +
          `dat toen gold, of met de herstelsleutel. Wat er daarna bij kwam, staat in de ` +
          `veiligheidskopie ${safetyCopy}.`,
        autoClose: false,
      });
      // The vault is locked now: nothing read from it may stay on screen.
      await forgetVaultData(queryClient);
    },
  });
  return (
    <Stack>
      <Text>
        De gegevens gaan terug naar {what}. Wat daarna is ingevoerd, verdwijnt uit de omgeving; het blijft bewaard in een veiligheidskopie
        die eerst wordt gemaakt. Leerlingen die intussen na hun bewaartermijn zijn verwijderd, worden in de teruggezette gegevens meteen
        opnieuw verwijderd.
      </Text>
      <Text>
        Daarna wordt de omgeving vergrendeld. Ontgrendel haar met het wachtwoord dat gold toen de back-up werd gemaakt, of met de
        herstelsleutel.
      </Text>
      <FormFooter
        mutation={restore}
        errorTitle="Niet teruggezet"
        onCancel={onCancel}
        cancelDisabled={restore.isPending}
        submit="Terugzetten"
        color="red"
        onConfirm={() => restore.mutate()}
      />
    </Stack>
  );
}
