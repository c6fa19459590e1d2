import { List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { longDate } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { fieldError, worklistKey, type Listed } from './worklist';

/** Confirms erasing: says what goes, what stays without a name, and that it cannot be undone. */
export function EraseDialog({ students, onClose }: { students: Listed[]; onClose(): void }) {
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => invoke('retention.erase', { studentIds: students.map((s) => s.studentId) }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries();
      onClose();
      notifications.show({
        color: 'teal',
        title: result.erased === 1 ? '1 leerling verwijderd' : `${result.erased} leerlingen verwijderd`,
        message: result.detail,
      });
    },
  });
  return (
    <Modal opened onClose={onClose} title="Gegevens definitief verwijderen" size="lg">
      <Stack>
        <List spacing={4}>
          {students.map((s) => (
            <List.Item key={s.studentId}>
              <Text span fw={600}>
                {s.name}
              </Text>
              : {s.outcome}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          Verwijderd worden de persoonsgegevens, ouders/verzorgers, aanmeldingen, toestemmingen, het Meldcode-traject, bijlagen, brieven en
          de notities van de voorzitter. De notulen blijven bewaard zonder naam: het agendapunt heet dan „Leerling (geanonimiseerd)” en
          namen in de tekst worden [leerling] en [ouder]. Acties houden hun tekst zonder koppeling. Volledige namen en het leerlingnummer
          verdwijnen ook uit de dossiers van andere leerlingen. Het logboek vermeldt wat er is verwijderd, wanneer en door wie — zonder
          naam; wordt later een oudere back-up teruggezet, dan wordt deze leerling daarin opnieuw verwijderd.
        </Text>
        <Text size="sm" fw={600}>
          Dit kan niet ongedaan worden gemaakt.
        </Text>
        <FormFooter
          mutation={erase}
          errorTitle="Niets verwijderd"
          onCancel={onClose}
          submit="Definitief verwijderen"
          color="red"
          onConfirm={() => erase.mutate()}
        />
      </Stack>
    </Modal>
  );
}

/** Keeping longer needs a reason and the date on which the students come back on the worklist. */
export function KeepDialog({ students, until: proposedUntil, onClose }: { students: Listed[]; until: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<string | null>(proposedUntil);
  const keep = useMutation({
    mutationFn: () => invoke('retention.keep', { studentIds: students.map((s) => s.studentId), reason, until: until ?? '' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: worklistKey });
      onClose();
      notifications.show({
        color: 'teal',
        message: `Bewaard tot ${until ? longDate(until) : ''}; daarna weer op de lijst.`,
      });
    },
  });
  return (
    <Modal opened onClose={onClose} title="Langer bewaren">
      <Stack>
        <Text size="sm">
          {students.map((s) => s.name).join(', ')}: de gegevens blijven bewaard en komen op de gekozen datum terug op de werklijst.
        </Text>
        <Textarea
          label="Reden"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(keep.error, 'reason')}
          data-autofocus
        />
        <DateField label="Bewaren tot" value={until} onChange={setUntil} error={fieldError(keep.error, 'until')} />
        <FormFooter mutation={keep} errorTitle="Niet bewaard" onCancel={onClose} submit="Bewaren" onConfirm={() => keep.mutate()} />
      </Stack>
    </Modal>
  );
}
