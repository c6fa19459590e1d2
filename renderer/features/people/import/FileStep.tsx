import { Alert, Button, FileInput, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { Analysis } from './types';
import { readFileAsBase64 } from '../../../components/read-file';

const MAX_BYTES = 64 * 1024 * 1024;

export function FileStep({ onAnalysed }: { onAnalysed(a: Analysis): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [readFraction, setReadFraction] = useState<number | null>(null);
  const analyse = useMutation({
    mutationFn: async (f: File) => {
      if (f.size > MAX_BYTES) throw new Error('Dit bestand is te groot (maximaal 64 MB).');
      setReadFraction(0);
      const contentBase64 = await readFileAsBase64(f, setReadFraction);
      setReadFraction(1);
      return invoke('import.analyze', { fileName: f.name, contentBase64 });
    },
    onSuccess: onAnalysed,
    onSettled: () => setReadFraction(null),
  });

  return (
    <Stack gap="md" maw={720} mt="md">
      <Alert variant="light" icon={<IconInfoCircle />} title="Welke bestanden?">
        <List size="sm" spacing={4}>
          <List.Item>Een export uit Magister of Somtoday als CSV (puntkomma of komma) of Excel (.xlsx).</List.Item>
          <List.Item>
            Leerlingen en ouders in één bestand (één regel per ouder, of ouders naast elkaar), of eerst de leerlingen en daarna een apart
            bestand met ouders.
          </List.Item>
          <List.Item>Een bestaand leerlingnummer wordt bijgewerkt, nooit dubbel aangemaakt.</List.Item>
        </List>
      </Alert>
      <FileInput
        label="Bestand"
        placeholder="Kies een CSV- of Excel-bestand"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={18} />}
        value={file}
        onChange={(f) => {
          setFile(f);
          analyse.reset();
        }}
        clearable
        clearButtonProps={{ 'aria-label': 'Bestand weghalen' }}
      />
      {readFraction !== null && readFraction < 1 && (
        <Stack gap={4}>
          <Text size="sm">Bestand lezen…</Text>
          <Progress value={readFraction * 100} aria-label="Bestand lezen" />
        </Stack>
      )}
      {analyse.isPending && readFraction === 1 && <Text size="sm">Kolommen en regels herkennen…</Text>}
      {analyse.isError && <ErrorAlert error={analyse.error} title="Dit bestand kan niet worden ingelezen" />}
      <Group justify="flex-end">
        <Button disabled={!file} loading={analyse.isPending} onClick={() => file && analyse.mutate(file)}>
          Verder
        </Button>
      </Group>
    </Stack>
  );
}
