import { Alert, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { sampleValuesFor } from '../../../electron/features/letters/letter-values';
import type { Addressee } from '../../../electron/features/letters/placeholder-catalogue';
import { mergeText, mergeTemplate } from '../../../electron/features/letters/template-merge';
import { hasAddresseeBlocks } from '../../../electron/features/letters/template-syntax';

/** The letter as a parent (or a student of 16 or older) would read it, with made-up data; none while a field is wrong. */
export function TemplatePreview({
  draft,
  subjectProblems,
  bodyProblems,
}: {
  draft: { subject: string; body: string };
  subjectProblems: string[];
  bodyProblems: string[];
}) {
  const [previewFor, setPreviewFor] = useState<Addressee>('ouders');
  const preview = useMemo(
    () => (bodyProblems.length === 0 ? mergeTemplate(draft.body, sampleValuesFor(previewFor), previewFor) : null),
    [draft, bodyProblems, previewFor],
  );
  return (
    <Stack gap="xs" component="section" aria-label="Voorbeeld">
      <Title order={3} size="h5">
        Voorbeeld (met verzonnen gegevens)
      </Title>
      <SegmentedControl
        size="xs"
        aria-label="Voorbeeld voor"
        value={previewFor}
        onChange={(v) => setPreviewFor(v === 'leerling' ? 'leerling' : 'ouders')}
        data={[
          { value: 'ouders', label: 'Aan de ouders' },
          { value: 'leerling', label: 'Aan de leerling (16+)' },
        ]}
      />
      {draft && !hasAddresseeBlocks(draft.body) && previewFor === 'leerling' && (
        <Text size="xs" c="dimmed">
          Deze brief heeft geen eigen tekst voor de leerling: een leerling van 16 of ouder leest dezelfde tekst als de ouders.
        </Text>
      )}
      <Paper withBorder p="md" shadow="xs" data-letter-preview style={{ fontFamily: 'Calibri, Carlito, sans-serif', fontSize: 14 }}>
        {preview === null ? (
          <Alert color="orange" variant="light">
            Verbeter eerst de velden die niet kloppen; dan verschijnt hier het voorbeeld.
          </Alert>
        ) : (
          <Stack gap="xs">
            <Text size="sm">
              <b>Betreft:</b> {subjectProblems.length === 0 ? mergeText(draft.subject, sampleValuesFor(previewFor), previewFor) : '…'}
            </Text>
            <Text size="sm">{previewFor === 'leerling' ? 'Beste Zoë,' : 'Geachte mevrouw De Vries, geachte heer De Vries,'}</Text>
            {preview.map((block, index) =>
              block.kind === 'paragraph' ? (
                <Text key={index} size="sm" fw={block.heading === true ? 700 : undefined} style={{ whiteSpace: 'pre-line' }}>
                  {block.text}
                </Text>
              ) : (
                <List key={index} size="sm">
                  {block.items.map((item, i) => (
                    <List.Item key={i}>{item}</List.Item>
                  ))}
                </List>
              ),
            )}
            <Text size="sm">Met vriendelijke groet,</Text>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
