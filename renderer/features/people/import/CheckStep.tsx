import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ColumnMapping } from '../../../../electron/features/people/import/fields';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Figure } from '../../../components/Figure';
import type { Preview } from './ImportWizard';
import { ProblemTable } from './ProblemTable';

export function CheckStep({
  importId,
  mapping,
  preview,
  onBack,
  onRestart,
  onStarted,
}: {
  importId: string;
  mapping: ColumnMapping;
  preview: Preview;
  onBack(): void;
  onRestart(): void;
  onStarted(jobId: string): void;
}) {
  const [onErrors, setOnErrors] = useState<'skip' | 'refuse'>('skip');
  const start = useMutation({
    mutationFn: () => invoke('import.start', { importId, mapping, onErrors }),
    onSuccess: ({ jobId }) => onStarted(jobId),
  });
  const what = preview.kind === 'students' ? 'leerlingen' : 'leerlingen met ouders/verzorgers';
  const hasErrors = preview.errors.length > 0;
  const nothingToDo = preview.toAdd + preview.toUpdate === 0;

  return (
    <Stack gap="md" mt="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={720}>
        <Figure label={preview.kind === 'students' ? 'Nieuwe leerlingen' : 'Nieuw'} value={preview.toAdd} />
        <Figure label="Bij te werken" value={preview.toUpdate} />
        <Figure label="Regels met fouten" value={preview.errors.length} alert={hasErrors} />
      </SimpleGrid>
      {!hasErrors && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck />}>
          Geen fouten gevonden. Er worden {preview.toAdd + preview.toUpdate} {what} ingelezen.
        </Alert>
      )}
      {hasErrors && (
        <>
          <Title order={3}>Regels met fouten</Title>
          <ProblemTable problems={preview.errors} label="Regels met fouten" />
          <Radio.Group
            label="Wat wil je doen met deze regels?"
            value={onErrors}
            onChange={(v) => setOnErrors(v === 'refuse' ? 'refuse' : 'skip')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="skip" label="Regels met fouten overslaan en de rest importeren" />
              <Radio value="refuse" label="Niets importeren; ik verbeter eerst het bestand" />
            </Stack>
          </Radio.Group>
        </>
      )}
      {preview.warnings.length > 0 && (
        <>
          <Group gap="xs">
            <IconAlertTriangle size={20} color="var(--mantine-color-yellow-7)" />
            <Title order={3}>Let op</Title>
          </Group>
          <Text size="sm" c="dimmed">
            Deze regels worden wel geïmporteerd.
          </Text>
          <ProblemTable problems={preview.warnings} label="Waarschuwingen" />
        </>
      )}
      {start.isError && <ErrorAlert error={start.error} title="Niet geïmporteerd" />}
      {start.isError && onErrors === 'refuse' && (
        <Group>
          <Button variant="light" onClick={onRestart}>
            Ander bestand kiezen
          </Button>
        </Group>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Terug naar kolommen
        </Button>
        <Button loading={start.isPending} disabled={nothingToDo && onErrors === 'skip'} onClick={() => start.mutate()}>
          Importeren
        </Button>
      </Group>
    </Stack>
  );
}
