import { Alert, List, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';

export type LetterRunInput = MethodInput<'letters.start'>;
type PreviewLetter = MethodOutput<'letters.preview'>['letters'][number];

/** One letter as it will be printed: the backend merged it with the same builder as the Word file. */
function LetterText({ letter, index, total }: { letter: PreviewLetter; index: number; total: number }) {
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={`Brief ${index + 1} van ${total}: ${letter.recipients}`}
      data-letter-preview={index + 1}
    >
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          Brief {index + 1} van {total} · over {letter.studentName} · aan {letter.recipients}
        </Text>
        <div>
          {letter.addressLines.map((line, i) => (
            <Text key={i} size="sm">
              {line}
            </Text>
          ))}
        </div>
        <Text size="sm" mt="sm">
          {letter.placeAndDate}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            Kenmerk:
          </Text>{' '}
          {letter.reference}
        </Text>
        <Text size="sm" fw={700}>
          <Text span c="dimmed" fw={400}>
            Betreft:
          </Text>{' '}
          {letter.subject}
        </Text>
        <Text size="sm" mt="sm">
          {letter.salutation}
        </Text>
        {letter.body.map((block, i) =>
          block.kind === 'paragraph' ? (
            <Text key={i} size="sm" fw={block.heading ? 700 : undefined} style={{ whiteSpace: 'pre-line' }}>
              {block.text}
            </Text>
          ) : (
            <List key={i} size="sm">
              {block.items.map((item, j) => (
                <List.Item key={j}>{item}</List.Item>
              ))}
            </List>
          ),
        )}
        <Text size="sm" mt="sm">
          {letter.closing}
        </Text>
        <Text size="sm" mt="md">
          {letter.signatory.name}
        </Text>
        <Text size="sm">{letter.signatory.role}</Text>
        {letter.copyNote && (
          <Text size="xs" c="dimmed" mt="sm" style={{ whiteSpace: 'pre-line' }}>
            {letter.copyNote}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * "Brieven maken" shows first, word for word, what goes out (read by letters.preview, which makes
 * and logs nothing). Only "Maken en vastleggen" makes the letters and puts them on the timelines
 * and in the log; closing the window leaves no trace.
 */
export function LetterPreviewModal({
  input,
  onCancel,
  onConfirm,
}: {
  input: LetterRunInput;
  onCancel: () => void;
  onConfirm: (input: LetterRunInput) => void;
}) {
  // Read once per opening: what is confirmed is what was shown.
  const [asked] = useState(input);
  const preview = useQuery({
    queryKey: ['letters', 'preview', asked],
    queryFn: () => invoke('letters.preview', asked),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const letters = preview.data?.letters ?? [];
  const count = letters.length;
  return (
    <Modal opened onClose={onCancel} title={count === 1 ? 'Voorbeeld van de brief' : 'Voorbeeld van de brieven'} size="xl">
      <Stack gap="md">
        {preview.isPending && <Loader aria-label="Voorbeeld laden" />}
        {preview.isError && <ErrorAlert error={preview.error} title="De brieven kunnen zo niet worden gemaakt" />}
        {preview.data && (
          <>
            <Alert color="blue" variant="light">
              {count === 1 ? 'Dit is de brief zoals hij verstuurd wordt.' : `Dit zijn de ${count} brieven zoals ze verstuurd worden.`} Er is
              nog niets gemaakt of vastgelegd: dat gebeurt pas met „Maken en vastleggen”.
            </Alert>
            <Stack gap="md" aria-label="Voorbeeld van de brieven">
              {letters.map((letter, index) => (
                <LetterText key={index} letter={letter} index={index} total={count} />
              ))}
            </Stack>
          </>
        )}
        <FormFooter
          onCancel={onCancel}
          submit="Maken en vastleggen"
          leftSection={<IconMail size={18} />}
          disabled={!preview.data || count === 0}
          onConfirm={() => onConfirm(asked)}
        />
      </Stack>
    </Modal>
  );
}
