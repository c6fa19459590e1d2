import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { LetterPreviewModal, type LetterRunInput } from './LetterPreview';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconFileTypeDocx, IconFileZip, IconMail } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { invoke } from '../../api/client';
import { forgetOnLock, useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBlob, downloadFile, saveWordFile } from '../../components/download';
import { useMeetingList } from '../agenda/queries';
import { refreshTimelines } from '../people/queries';
import { useLetterTemplates } from './TemplatesPanel';

type Result = NonNullable<Awaited<ReturnType<typeof invoke<'letters.progress'>>>['result']>;
type Run =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; jobId: string; result: Result }
  | { state: 'failed'; error: unknown };

const kindLabels = { ouders: 'Aan ouders', leerling: 'Aan de leerling', afschrift: 'Afschrift' } as const;

/** Polls the letters job until it is done; the backend hands the print document out once. Stops when the page goes. */
async function followJob(jobId: string, onProgress: (done: number, total: number) => void, gone: () => boolean): Promise<Result | null> {
  for (;;) {
    if (gone()) return null;
    const progress = await invoke('letters.progress', { jobId });
    if (progress.state === 'done' && progress.result) return progress.result;
    if (progress.state === 'failed') throw new Error(progress.error?.message ?? 'De brieven konden niet worden gemaakt.');
    onProgress(progress.done, progress.total);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Brieven: letters home for the cases of one meeting. The coordinator picks the meeting and the
 * template, sees per student who gets a letter (gezag, addresses, a student of 16+), may add a
 * parent without authority, and makes them all at once: one document to print and one file per
 * address. Every letter made lands on the student's timeline.
 */
/**
 * The meeting and letter last chosen on Brieven in this window: the choice lives in the URL, and
 * opening Brieven from the menu (a URL without one) brings it back. Forgotten when the vault locks.
 */
let lastChoice: { overleg: string | null; brief: string | null } = { overleg: null, brief: null };

forgetOnLock(() => {
  lastChoice = { overleg: null, brief: null };
});

function choiceParams(choice: { overleg: string | null; brief: string | null }): Record<string, string> {
  return Object.fromEntries(Object.entries(choice).filter((e): e is [string, string] => e[1] !== null));
}

export function LettersPage() {
  const [params, setParams] = useSearchParams();
  const fromMenu = !params.has('overleg') && !params.has('brief');
  const meetingId = params.get('overleg') ?? (fromMenu ? lastChoice.overleg : null);
  const coordinator = useMayCall('letters.start');
  const past = useMeetingList('afgelopen');
  const coming = useMeetingList('komend');
  const templates = useLetterTemplates();
  const [chosenTemplateId, setTemplateId] = useState<string | null>(params.get('brief') ?? (fromMenu ? lastChoice.brief : null));
  // Until one is chosen, the first template.
  const templateId = chosenTemplateId ?? templates.data?.[0]?.id ?? null;
  // The choice goes into the URL (a reload keeps it) and is remembered for the next visit.
  useEffect(() => {
    lastChoice = { overleg: meetingId, brief: templateId };
    const wanted = choiceParams(lastChoice);
    if (params.get('overleg') !== (wanted.overleg ?? null) || params.get('brief') !== (wanted.brief ?? null))
      setParams(wanted, { replace: true });
  }, [meetingId, templateId, params, setParams]);
  const [copyToParents, setCopyToParents] = useState(true);
  const [withoutAuthority, setWithoutAuthority] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [zipping, setZipping] = useState(false);
  const [zipError, setZipError] = useState<unknown>(null);
  // "Brieven maken" first shows what goes out; only "Maken en vastleggen" makes and logs them.
  const [previewing, setPreviewing] = useState<LetterRunInput | null>(null);
  const queryClient = useQueryClient();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const meetingOptions = useMemo(() => {
    const label = (m: { title: string; date: string; cases: number }) =>
      `${m.title} ${format(parseISO(m.date), 'dd-MM-yyyy')} (${m.cases} ${m.cases === 1 ? 'leerling' : 'leerlingen'})`;
    const withCases = <T extends { cases: number }>(list: T[] | undefined) => (list ?? []).filter((m) => m.cases > 0);
    return [
      { group: 'Komende overleggen', items: withCases(coming.data).map((m) => ({ value: m.id, label: label(m) })) },
      { group: 'Afgelopen overleggen', items: withCases(past.data).map((m) => ({ value: m.id, label: label(m) })) },
    ].filter((g) => g.items.length > 0);
  }, [coming.data, past.data]);

  const cases = useQuery({
    queryKey: ['letters', 'cases', meetingId, templateId, copyToParents, withoutAuthority],
    queryFn: () =>
      invoke('letters.cases', {
        meetingId: meetingId!,
        templateId: templateId!,
        copyToParents,
        includeWithoutAuthority: withoutAuthority,
      }),
    enabled: meetingId !== null && templateId !== null,
    placeholderData: (previous) => previous,
    // Read afresh whenever the page opens: minutes, guardians or the school's contact details may have changed elsewhere.
    staleTime: 0,
  });

  // Besloten or special-route cases start unticked, once per meeting: the coordinator decides.
  const defaultsFor = useRef<string | null>(null);
  useEffect(() => {
    if (!cases.data || cases.isPlaceholderData || defaultsFor.current === meetingId) return;
    defaultsFor.current = meetingId;
    setExcluded(cases.data.cases.filter((c) => c.sensitive).map((c) => c.studentId));
  }, [cases.data, cases.isPlaceholderData, meetingId]);

  const chosen = (cases.data?.cases ?? []).filter((c) => !excluded.includes(c.studentId));
  const letterCount = chosen.reduce((n, c) => n + c.letters.length, 0);
  const template = templates.data?.find((t) => t.id === templateId) ?? null;

  async function saveZip(jobId: string) {
    setZipping(true);
    setZipError(null);
    try {
      const file = await invoke('letters.perAddress', { jobId });
      downloadFile(file.fileName, base64ToBlob(file.contentBase64, 'application/zip'));
    } catch (error) {
      setZipError(error);
    } finally {
      setZipping(false);
    }
  }

  function preview() {
    if (!meetingId || !templateId) return;
    setPreviewing({
      meetingId,
      templateId,
      studentIds: chosen.map((c) => c.studentId),
      copyToParents,
      includeWithoutAuthority: withoutAuthority,
    });
  }

  async function make(input: LetterRunInput) {
    setPreviewing(null);
    setRun({ state: 'running', done: 0, total: letterCount });
    try {
      const { jobId } = await invoke('letters.start', input);
      const result = await followJob(
        jobId,
        (done, total) => setRun({ state: 'running', done, total }),
        () => !mounted.current,
      );
      if (result) {
        setRun({ state: 'done', jobId, result });
        // Handed out, so logged: the students' timelines show the letter now.
        void refreshTimelines(queryClient);
      }
    } catch (error) {
      setRun({ state: 'failed', error });
    }
  }

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Brieven</Title>
        {coordinator && (
          <Anchor component={Link} to="/instellingen?tab=brieven" size="sm">
            Briefsjablonen bewerken
          </Anchor>
        )}
      </Group>
      <Text c="dimmed" maw={760}>
        Brieven aan ouders voor de leerlingen van een overleg, als Word-document. De brief gaat naar de ouders met gezag, één brief per
        adres; een leerling van 16 of ouder krijgt de brief zelf. Wat intern is, komt nooit in een brief.
      </Text>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Overleg"
            placeholder={past.isPending || coming.isPending ? 'Overleggen laden…' : 'Kies een overleg'}
            data={meetingOptions}
            value={meetingId}
            searchable
            nothingFoundMessage="Geen overleg met leerlingen"
            onChange={(value) => {
              setRun({ state: 'idle' });
              setExcluded([]);
              setWithoutAuthority([]);
              setParams(choiceParams({ overleg: value, brief: templateId }), { replace: true });
            }}
          />
          <Select
            label="Brief"
            data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={templateId}
            allowDeselect={false}
            onChange={(value) => (setRun({ state: 'idle' }), setTemplateId(value))}
          />
          <Switch
            mt={{ sm: 30 }}
            label="Ouders van een leerling van 16 of 17 krijgen een afschrift"
            checked={copyToParents}
            onChange={(e) => (setRun({ state: 'idle' }), setCopyToParents(e.currentTarget.checked))}
          />
        </SimpleGrid>
      </Paper>

      {!coordinator && (
        <Alert color="gray" variant="light">
          Alleen een coördinator maakt brieven aan ouders. Je kunt wel zien wie welke brief zou krijgen.
        </Alert>
      )}
      {templates.isError && <ErrorAlert error={templates.error} title="De briefsjablonen konden niet worden gelezen" />}
      {meetingId === null && <Text c="dimmed">Kies een overleg om de brieven voor te bereiden.</Text>}
      {cases.isError && <ErrorAlert error={cases.error} />}
      {meetingId !== null && cases.isPending && <Loader />}

      {cases.data && (
        <Stack gap="sm" component="section" aria-label="Leerlingen en ontvangers">
          <Group justify="space-between">
            <Text fw={700}>
              {chosen.length} van {cases.data.cases.length} leerlingen · {letterCount} {letterCount === 1 ? 'brief' : 'brieven'}
            </Text>
            {template?.needs.length ? (
              <Text size="sm" c="dimmed">
                {template.name}
              </Text>
            ) : null}
          </Group>
          {cases.data.contactProblems.length > 0 && (
            <Alert color="orange" variant="light" title="Contactgegevens van de school ontbreken" data-testid="letters-contact-problems">
              <Stack gap={4}>
                <Text size="sm">Deze brief noemt gegevens die nog leeg zijn; er zou „—” in de brief staan:</Text>
                {cases.data.contactProblems.map((p) => (
                  <Text key={p} size="sm">
                    {p}
                  </Text>
                ))}
                <Anchor component={Link} to="/instellingen" size="sm">
                  Vul ze in bij Instellingen → School en briefhoofd
                </Anchor>
              </Stack>
            </Alert>
          )}
          {cases.data.cases.length === 0 && <Text c="dimmed">Er staan geen leerlingen op de agenda van dit overleg.</Text>}
          {cases.data.cases.map((c) => {
            const included = !excluded.includes(c.studentId);
            return (
              <Card key={c.studentId} withBorder padding="sm" data-letter-case={c.studentNumber} opacity={included ? 1 : 0.6}>
                <Group justify="space-between" align="start" wrap="nowrap">
                  <Checkbox
                    label={
                      <Text fw={600}>
                        {c.title}{' '}
                        <Text span c="dimmed" size="sm">
                          · {c.studentNumber}
                        </Text>
                      </Text>
                    }
                    checked={included}
                    onChange={(e) => setExcluded(toggle(excluded, c.studentId, !e.currentTarget.checked))}
                  />
                  <Badge variant="light" color={c.letters.length === 0 ? 'red' : 'blue'}>
                    {c.letters.length} {c.letters.length === 1 ? 'brief' : 'brieven'}
                  </Badge>
                </Group>
                {included && (
                  <Stack gap={6} mt="xs" ml={30}>
                    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
                      {c.letters.map((letter, i) => (
                        <Paper key={i} withBorder p="xs" bg="gray.0">
                          <Text size="xs" c="dimmed">
                            {kindLabels[letter.kind]}
                          </Text>
                          {letter.addressLines.map((line, j) => (
                            <Text key={j} size="sm" fw={j === 0 ? 600 : undefined}>
                              {line}
                            </Text>
                          ))}
                          <Text size="xs" c="dimmed" mt={4}>
                            {letter.salutation}
                          </Text>
                        </Paper>
                      ))}
                    </SimpleGrid>
                    {c.withoutAuthority.map((g) => (
                      <Checkbox
                        key={g.id}
                        size="xs"
                        label={`Ook naar ${g.name} (zonder gezag; recht op informatie)`}
                        checked={withoutAuthority.includes(g.id)}
                        onChange={(e) => setWithoutAuthority(toggle(withoutAuthority, g.id, e.currentTarget.checked))}
                      />
                    ))}
                    {c.warnings.map((w) => (
                      <Text key={w} size="sm" c="orange.9">
                        {w}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Card>
            );
          })}
          {coordinator && cases.data.cases.length > 0 && (
            <Group justify="flex-end">
              <Button
                leftSection={<IconMail size={18} />}
                onClick={preview}
                loading={run.state === 'running'}
                disabled={
                  cases.isPlaceholderData ||
                  chosen.length === 0 ||
                  chosen.some((c) => c.letters.length === 0) ||
                  cases.data.contactProblems.length > 0
                }
              >
                {letterCount === 1 ? '1 brief maken' : `${letterCount} brieven maken`}
              </Button>
            </Group>
          )}
          {chosen.some((c) => c.letters.length === 0) && (
            <Text size="sm" c="red.8" ta="right">
              Vink de leerlingen zonder ontvanger uit, of vul bij hen een ouder met gezag en adres in.
            </Text>
          )}
        </Stack>
      )}

      {previewing && <LetterPreviewModal input={previewing} onCancel={() => setPreviewing(null)} onConfirm={(input) => void make(input)} />}
      {run.state === 'running' && (
        <Paper withBorder p="md" aria-label="Voortgang">
          <Text size="sm" mb={6}>
            {run.total === 1 ? 'De brief wordt opgemaakt…' : `${run.total} brieven worden opgemaakt in één document…`}
          </Text>
          {/* Laying out the Word document is one step on the backend: a running bar rather than a fraction that would jump. */}
          <Progress value={100} striped animated aria-label="Voortgang van de brieven" />
        </Paper>
      )}
      {run.state === 'failed' && <ErrorAlert error={run.error} title="De brieven zijn niet gemaakt" />}
      {run.state === 'done' && (
        <Alert
          color="teal"
          variant="light"
          title={`${run.result.letters} ${run.result.letters === 1 ? 'brief' : 'brieven'} gemaakt`}
          icon={<IconDownload />}
        >
          <Stack gap="xs">
            <Text size="sm">De brieven staan op de tijdlijn van elke leerling. Sla ze op:</Text>
            <Group gap="xs">
              <Button leftSection={<IconFileTypeDocx size={16} />} onClick={() => saveWordFile(run.result.print)}>
                Alles in één document (afdrukken)
              </Button>
              <Button variant="default" leftSection={<IconFileZip size={16} />} loading={zipping} onClick={() => void saveZip(run.jobId)}>
                Eén bestand per adres (zip)
              </Button>
            </Group>
            {zipError !== null && <ErrorAlert error={zipError} />}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
