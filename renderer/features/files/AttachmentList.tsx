import { ActionIcon, Button, FileButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconExternalLink, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { attachmentSizeProblem } from '../../../electron/features/files/attachment-rules';
import { invoke } from '../../api/client';
import { base64ToBlob, downloadFile } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { readFileAsBase64 } from '../../components/read-file';
import { openInTab } from './opened-copies';

export interface AttachmentItem {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  addedAt: string;
}

const sizeLabel = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;

/** What a browser tab can show; anything else (Word) can only be downloaded. */
const viewableInBrowser = (mimeType: string) => mimeType === 'application/pdf' || mimeType.startsWith('image/');

/**
 * Documents kept in the vault for an intake or a consent record. Opening one: Electron hands a
 * private temporary copy to the desktop's viewer (removed at lock); the browser shell opens it
 * in a tab (closed at lock), or, after saying where the copy stays, downloads what a browser cannot show.
 */
export function AttachmentList({
  owner,
  items,
  readOnly = false,
  label = 'Bijlage toevoegen',
  onChanged,
}: {
  owner: { intakeId: string } | { consentId: string };
  items: AttachmentItem[];
  readOnly?: boolean;
  label?: string;
  onChanged(): void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const add = useMutation({
    mutationFn: async (file: File) => {
      const problem = attachmentSizeProblem(file.name, file.size);
      if (problem) throw new Error(problem);
      setProgress(0);
      try {
        const contentBase64 = await readFileAsBase64(file, setProgress);
        return await invoke('attachments.add', {
          intakeId: 'intakeId' in owner ? owner.intakeId : null,
          consentId: 'consentId' in owner ? owner.consentId : null,
          fileName: file.name,
          contentBase64,
        });
      } finally {
        setProgress(null);
      }
    },
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: (id: string) => invoke('attachments.remove', { id }),
    onSuccess: onChanged,
  });

  async function open(item: AttachmentItem) {
    if (window.host?.openAttachment) {
      const result = await window.host.openAttachment(item.id);
      if (!result.ok) notifications.show({ color: 'red', message: result.message });
      return;
    }
    if (!viewableInBrowser(item.mimeType)) return confirmDownload(item);
    const file = await invoke('attachments.download', { id: item.id });
    // The tab is closed and its address revoked when the vault locks (opened-copies.ts).
    if (!openInTab(base64ToBlob(file.contentBase64, file.mimeType))) {
      notifications.show({
        color: 'red',
        message: 'De browser heeft het nieuwe tabblad geblokkeerd. Sta pop-ups toe voor Zorgoverleg en probeer het opnieuw.',
      });
    }
  }

  async function download(item: AttachmentItem) {
    const file = await invoke('attachments.download', { id: item.id });
    downloadFile(file.fileName, base64ToBlob(file.contentBase64, file.mimeType));
  }

  // A downloaded copy leaves the encrypted vault and is not removed at lock: the user must know first.
  const confirmDownload = (item: AttachmentItem) =>
    modals.openConfirmModal({
      title: 'Bijlage downloaden',
      children: (
        <Text size="sm">
          {item.fileName} kan niet in de browser worden getoond en wordt daarom opgeslagen in je map Downloads. Daar blijft het staan,
          buiten de versleutelde omgeving: verwijder het zodra je het niet meer nodig hebt.
        </Text>
      ),
      labels: { confirm: 'Downloaden', cancel: 'Annuleren' },
      onConfirm: () => void download(item),
    });

  const confirmRemove = (item: AttachmentItem) =>
    modals.openConfirmModal({
      title: 'Bijlage verwijderen',
      children: <Text>{item.fileName} wordt uit de omgeving verwijderd.</Text>,
      labels: { confirm: 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(item.id),
    });

  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Geen bijlagen.
        </Text>
      ) : (
        <Table withTableBorder aria-label="Bijlagen">
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <IconPaperclip size={16} />
                    <Text size="sm">{item.fileName}</Text>
                  </Group>
                </Table.Td>
                <Table.Td w={90}>
                  <Text size="sm" c="dimmed">
                    {sizeLabel(item.size)}
                  </Text>
                </Table.Td>
                <Table.Td w={90}>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label="Openen">
                      <ActionIcon variant="subtle" aria-label={`${item.fileName} openen`} onClick={() => void open(item)}>
                        <IconExternalLink size={18} />
                      </ActionIcon>
                    </Tooltip>
                    {!readOnly && (
                      <Tooltip label="Verwijderen">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${item.fileName} verwijderen`}
                          onClick={() => confirmRemove(item)}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group gap="sm">
          <FileButton onChange={(file) => file && add.mutate(file)} accept=".pdf,.doc,.docx,.png,.jpg,.jpeg">
            {(props) => (
              <Button {...props} variant="light" size="xs" leftSection={<IconPaperclip size={16} />} loading={add.isPending}>
                {label}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            PDF, Word of afbeelding, maximaal 10 MB
            {progress !== null ? ` · inlezen ${Math.round(progress * 100)}%` : ''}
          </Text>
        </Group>
      )}
      {add.isError && <ErrorAlert error={add.error} title="Niet toegevoegd" />}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
