import { Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconCheck, IconLink, IconLock, IconMessageCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { fieldErrors } from './checks';
import { refreshIntakes, type IntakeDetail } from './queries';
import { StudentPicker, type PickedStudent } from '../people/StudentPicker';

type Decision = { kind: 'accept' } | { kind: 'status'; status: 'besproken' | 'afgesloten' };

const done: Record<string, string> = {
  accept: 'Aanmelding geaccepteerd',
  besproken: 'Aanmelding staat op besproken',
  afgesloten: 'Aanmelding afgesloten',
};

/** The coordinator's part: accept or send back, mark discussed or close, link an anonymous case. */
export function DecisionPanel({ intake }: { intake: IntakeDetail }) {
  const queryClient = useQueryClient();
  const [returning, returnModal] = useDisclosure(false);
  const [linking, linkModal] = useDisclosure(false);
  const decide = useMutation({
    mutationFn: (d: Decision) =>
      d.kind === 'accept'
        ? invoke('intakes.decide', { id: intake.id, decision: 'accept', reason: '' })
        : invoke('intakes.setStatus', { id: intake.id, status: d.status }),
    onSuccess: async (_, d) => {
      await refreshIntakes(queryClient);
      notifications.show({ color: 'teal', message: done[d.kind === 'accept' ? 'accept' : d.status] });
    },
  });
  const s = intake.status;
  if (s === 'concept' || s === 'afgesloten') return null;

  const confirmClose = () =>
    modals.openConfirmModal({
      title: 'Aanmelding afsluiten',
      children: <Text>De aanmelding van {intake.caseName} wordt afgesloten. Dit kan niet ongedaan worden gemaakt.</Text>,
      labels: { confirm: 'Afsluiten', cancel: 'Annuleren' },
      onConfirm: () => decide.mutate({ kind: 'status', status: 'afgesloten' }),
    });
  const busy = decide.isPending;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="intake-decide-title" bg="gray.0">
      <Stack gap="sm">
        <Title order={2} size="h4" id="intake-decide-title">
          Beoordelen
        </Title>
        <Text size="sm" c="dimmed">
          {s === 'ingediend' && 'Controleer de aanmelding: zet haar op de agenda, of stuur haar terug met wat er moet worden aangevuld.'}
          {s === 'geaccepteerd' && 'De aanmelding staat op de agenda van het overleg.'}
          {s === 'teruggestuurd' && 'De aanmelder vult de aanmelding aan en dient haar opnieuw in.'}
          {s === 'besproken' && 'De leerling is besproken; sluit de aanmelding af als er niets meer mee hoeft.'}
        </Text>
        <Group gap="sm">
          {s === 'ingediend' && (
            <Button leftSection={<IconCheck size={18} />} loading={busy} onClick={() => decide.mutate({ kind: 'accept' })}>
              Accepteren
            </Button>
          )}
          {s === 'geaccepteerd' && (
            <Button
              leftSection={<IconMessageCheck size={18} />}
              loading={busy}
              onClick={() => decide.mutate({ kind: 'status', status: 'besproken' })}
            >
              Besproken
            </Button>
          )}
          {(s === 'ingediend' || s === 'geaccepteerd') && (
            <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={18} />} onClick={returnModal.open}>
              Terugsturen
            </Button>
          )}
          <Button variant="default" leftSection={<IconLock size={18} />} disabled={busy} onClick={confirmClose}>
            Afsluiten
          </Button>
          {!intake.studentId && (
            <Button variant="default" leftSection={<IconLink size={18} />} onClick={linkModal.open}>
              Koppelen aan leerling
            </Button>
          )}
        </Group>
        {decide.isError && <ErrorAlert error={decide.error} title="Niet gelukt" />}
      </Stack>
      <Modal opened={returning} onClose={returnModal.close} title="Aanmelding terugsturen" size="lg">
        {returning && <ReturnForm intake={intake} onDone={returnModal.close} />}
      </Modal>
      <Modal opened={linking} onClose={linkModal.close} title="Koppelen aan leerling" size="lg">
        {linking && <LinkStudentForm intake={intake} onDone={linkModal.close} />}
      </Modal>
    </Card>
  );
}

const reasonRequired = 'Schrijf op wat de aanmelder moet aanvullen.';

function ReturnForm({ intake, onDone }: { intake: IntakeDetail; onDone(): void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => invoke('intakes.decide', { id: intake.id, decision: 'return', reason: reason.trim() }),
    onSuccess: async () => {
      await refreshIntakes(queryClient);
      notifications.show({ color: 'orange', message: 'Aanmelding teruggestuurd' });
      onDone();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setError(reasonRequired);
        send.mutate();
      }}
    >
      <Stack>
        <Text size="sm">De aanmelder ziet de reden bovenaan het formulier en kan de aanmelding aanvullen en opnieuw indienen.</Text>
        <Textarea
          label="Reden van terugsturen"
          description="Wat moet de aanmelder aanvullen of verduidelijken?"
          required
          autosize
          minRows={4}
          data-autofocus
          value={reason}
          error={error ?? fieldErrors(send.error).reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(undefined);
          }}
        />
        <FormFooter
          mutation={send}
          errorTitle="Niet teruggestuurd"
          showError={!fieldErrors(send.error).reason}
          onCancel={onDone}
          submit="Terugsturen"
          color="orange"
        />
      </Stack>
    </form>
  );
}

/** An anonymous case gets its student once consent allows it; the backend says what is missing. */
function LinkStudentForm({ intake, onDone }: { intake: IntakeDetail; onDone(): void }) {
  const queryClient = useQueryClient();
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [error, setError] = useState<string | undefined>();
  const link = useMutation({
    mutationFn: (studentId: string) => invoke('intakes.linkStudent', { id: intake.id, studentId }),
    onSuccess: async () => {
      await refreshIntakes(queryClient);
      // The case's agenda items, minutes and actions moved along: every list that shows them is stale.
      await queryClient.invalidateQueries();
      notifications.show({
        color: 'teal',
        message: 'Aanmelding gekoppeld aan de leerling, met de agendapunten, notulen en acties',
      });
      onDone();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!student) return setError('Kies de leerling.');
        link.mutate(student.id);
      }}
    >
      <Stack>
        <Text size="sm">
          {intake.caseName} wordt vanaf nu met naam besproken. Wat al over deze aanmelding is vastgelegd — agendapunten, notulen, besluiten
          en acties — gaat mee naar de leerling en staat op de tijdlijn. Bij een overleg met externe partners moet de toestemming dan al
          rond zijn.
        </Text>
        <StudentPicker
          value={student}
          onChange={(s) => {
            setStudent(s);
            setError(undefined);
          }}
          error={error}
          autoFocus
        />
        <FormFooter mutation={link} errorTitle="Niet gekoppeld" onCancel={onDone} submit="Koppelen" />
      </Stack>
    </form>
  );
}
