import { Alert, Button, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { peopleKey } from '../queries';
import { Figure } from '../../../components/Figure';
import { ProblemTable } from './ProblemTable';

/** Follows a running import and shows its report; the import itself runs in the backend. */
export function RunStep({ jobId, onAgain }: { jobId: string; onAgain(): void }) {
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: ['import-progress', jobId],
    queryFn: () => invoke('import.progress', { jobId }),
    refetchInterval: (q) => (q.state.data?.state === 'done' || q.state.data?.state === 'failed' ? false : 250),
    staleTime: 0,
  });
  const state = progress.data?.state;
  useEffect(() => {
    if (state === 'done') void queryClient.invalidateQueries({ queryKey: peopleKey });
  }, [state, queryClient]);

  if (progress.isError) return <ErrorAlert error={progress.error} />;
  const p = progress.data;
  if (!p || p.state === 'running') {
    const percent = p && p.total > 0 ? (p.done / p.total) * 100 : 0;
    return (
      <Stack gap="xs" mt="md" maw={720}>
        <Text>Importeren… {p ? `${p.done} van ${p.total}` : ''}</Text>
        <Progress value={percent} animated aria-label="Voortgang import" />
        <Text size="sm" c="dimmed">
          Je kunt intussen verder werken; wijzigingen aan leerlingen wachten tot de import klaar is.
        </Text>
      </Stack>
    );
  }
  if (p.state === 'failed' || !p.report) {
    return (
      <Stack mt="md" maw={720}>
        <ErrorAlert error={new Error(p.error?.message ?? 'De import is mislukt.')} title="Niet geïmporteerd" />
        <Text>Er is niets veranderd: de import is in zijn geheel teruggedraaid.</Text>
        <Group>
          <Button onClick={onAgain}>Opnieuw beginnen</Button>
        </Group>
      </Stack>
    );
  }
  const r = p.report;
  return (
    <Stack gap="md" mt="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck />} title="Import klaar">
        {r.added} toegevoegd, {r.updated} bijgewerkt, {r.skipped} overgeslagen.
        {r.unchanged > 0 && ` ${r.unchanged} ${r.unchanged === 1 ? 'leerling stond' : 'leerlingen stonden'} er al zo in.`}
        {r.notUpdated > 0 && ` ${r.notUpdated} niet bijgewerkt, zoals gekozen.`}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Leerlingen toegevoegd" value={r.added} />
        <Figure label="Leerlingen bijgewerkt" value={r.updated} />
        <Figure label="Ongewijzigd" value={r.unchanged} />
        <Figure label="Niet bijgewerkt" value={r.notUpdated} />
        <Figure label="Ouders toegevoegd" value={r.guardiansAdded} />
        <Figure label="Ouders bijgewerkt" value={r.guardiansUpdated} />
        <Figure label="Overgeslagen" value={r.skipped} alert={r.skipped > 0} />
      </SimpleGrid>
      {r.errors.length > 0 && (
        <>
          <Title order={3}>Overgeslagen regels</Title>
          <ProblemTable problems={r.errors} label="Overgeslagen regels" />
        </>
      )}
      {r.warnings.length > 0 && (
        <>
          <Title order={3}>Geïmporteerd met een opmerking</Title>
          <ProblemTable problems={r.warnings} label="Waarschuwingen" />
        </>
      )}
      <Group>
        <Button component={Link} to="/leerlingen">
          Naar leerlingen
        </Button>
        <Button variant="default" onClick={onAgain}>
          Nog een bestand importeren
        </Button>
      </Group>
    </Stack>
  );
}
