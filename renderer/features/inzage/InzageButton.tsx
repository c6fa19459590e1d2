import { Alert, Button, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconFileZip } from '@tabler/icons-react';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { base64ToBlob, downloadFile } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';

const ZIP_TYPE = 'application/zip';

/** "1 aanmelding", "3 aanmeldingen". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Inzage (a parent's or the student's right of access): everything the vault holds about this
 * student as a Word document with the attachments, in one zip. Coordinators only; the dialog says
 * what the zip holds and that the export is logged before anything leaves the vault.
 */
export function InzageButton({ studentId }: { studentId: string }) {
  const coordinator = useMayCall('inzage.export');
  const [opened, dialog] = useDisclosure(false);
  const preview = useQuery({
    queryKey: ['inzage', 'preview', studentId],
    queryFn: () => invoke('inzage.preview', { studentId }),
    enabled: opened,
    // Counts of now, not of the last time the dialog was open.
    gcTime: 0,
  });
  const exporting = useMutation({
    mutationFn: () => invoke('inzage.export', { studentId }),
    onSuccess: (file) => {
      downloadFile(file.fileName, base64ToBlob(file.contentBase64, ZIP_TYPE));
      notifications.show({
        color: 'teal',
        title: 'Inzage geëxporteerd',
        message: `Het dossier staat in ${file.fileName}.`,
      });
      dialog.close();
    },
  });
  if (!coordinator) return null;

  const p = preview.data;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileZip size={18} />}
        onClick={() => {
          exporting.reset();
          dialog.open();
        }}
      >
        Inzage exporteren
      </Button>
      <Modal opened={opened} onClose={dialog.close} title="Inzage exporteren" size="lg">
        <Stack>
          {preview.isPending && <Loader aria-label="Laden" />}
          {preview.isError && <ErrorAlert error={preview.error} />}
          {p && (
            <>
              <Text>
                U maakt een zip-bestand met alles wat Zorgoverleg over <b>{p.studentName}</b> bewaart, voor een verzoek om inzage van de
                ouders of de leerling:
              </Text>
              <List size="sm" spacing={4} data-testid="inzage-contents">
                <List.Item>een Word-document met de persoonsgegevens, de ouders/verzorgers en de bewaartermijn</List.Item>
                <List.Item>
                  {count(p.intakes, 'aanmelding', 'aanmeldingen')}, {count(p.consents, 'toestemming', 'toestemmingen')} en{' '}
                  {count(p.meetings, 'bespreking', 'besprekingen')} in overleggen (alleen het eigen agendapunt)
                </List.Item>
                <List.Item>
                  {`${count(p.actions, 'actie', 'acties')}, ${count(p.letters, 'brief', 'brieven')} en `}
                  {`${count(p.auditLines, 'regel', 'regels')} uit het logboek`}
                </List.Item>
                <List.Item>
                  {p.attachments === 0 ? 'geen bijlagen' : `${count(p.attachments, 'bijlage', 'bijlagen')} in de map "bijlagen"`}
                </List.Item>
              </List>
              <Text size="sm" c="dimmed">
                Namen van andere leerlingen en hun ouders worden vervangen door [naam]. Lees het document na voordat u het overhandigt.
              </Text>
              {p.meldcodeLeftOut && (
                <Alert color="orange" title="Meldcode-traject niet in de export">
                  Het Meldcode-traject van deze leerling zit niet in de inzage en wordt er ook niet in genoemd. Wat daarvan gedeeld kan
                  worden zonder de leerling in gevaar te brengen, bepaalt de aandachtsfunctionaris apart.
                </Alert>
              )}
              <Alert color="blue" variant="light">
                De export wordt vastgelegd in het logboek: wie, wanneer en van welke leerling.
              </Alert>
            </>
          )}
          <FormFooter
            mutation={exporting}
            errorTitle="Niet geëxporteerd"
            onCancel={dialog.close}
            submit="Exporteren"
            disabled={!p}
            onConfirm={() => exporting.mutate()}
          />
        </Stack>
      </Modal>
    </>
  );
}
