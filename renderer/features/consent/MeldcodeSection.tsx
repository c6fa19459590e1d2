import { Alert, Button, Card, Fieldset, Group, Loader, Radio, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconLock, IconShieldExclamation } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../electron/app/contract';
import { meldcodeOutcomes, meldcodeStepKeys, meldcodeStepLabels, type MeldcodeStep } from '../../../electron/features/consent/vocabulary';
import { dateProblem } from '../../../electron/shared/date-rules';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../people/queries';
import { showFieldErrors } from './labels';
import { meldcodeTrackKey, useConsentOverview, useMeldcodeTrack } from './queries';

type Track = NonNullable<MethodOutput<'meldcode.get'>>;
type Outcome = (typeof meldcodeOutcomes)[number];

const outcomeLabels: Record<Outcome, string> = {
  hulp: 'Hulp',
  melding: 'Melding',
  'hulp-en-melding': 'Hulp en melding',
};

interface Values {
  openedOn: string;
  steps: Record<MeldcodeStep, { date: string; notes: string }>;
  outcome: Outcome | '';
  parentsInformed: boolean;
  parentsInformedNote: string;
  closedOn: string;
}

const CONFIDENTIAL = 'Vertrouwelijk — alleen zichtbaar voor de aandachtsfunctionaris (en coördinator)';

/**
 * The Meldcode track of one student. Rendered only when the backend says this user may see it,
 * so for anyone else the track is never even asked for.
 */
export function MeldcodeSection({ studentId }: { studentId: string }) {
  const overview = useConsentOverview(studentId);
  if (!overview.data?.meldcodeVisible) return null;
  return <MeldcodeTrack studentId={studentId} />;
}

function MeldcodeTrack({ studentId }: { studentId: string }) {
  const track = useMeldcodeTrack(studentId);
  const [starting, setStarting] = useState(false);

  return (
    <Card withBorder padding="lg" component="section" aria-label="Meldcode-traject" style={{ borderColor: 'var(--mantine-color-red-4)' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <IconShieldExclamation size={24} color="var(--mantine-color-red-7)" aria-hidden />
            <Title order={2}>Meldcode-traject</Title>
          </Group>
        </Group>
        <Alert color="red" variant="light" icon={<IconLock size={18} />} p="xs">
          <Text size="sm" fw={600}>
            {CONFIDENTIAL}
          </Text>
        </Alert>
        {track.isPending && <Loader aria-label="Laden" />}
        {track.isError && <ErrorAlert error={track.error} />}
        {track.isSuccess && track.data === null && !starting && (
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Er loopt geen Meldcode-traject voor deze leerling. Met de Meldcode huiselijk geweld en kindermishandeling handel je ook zonder
              toestemming als de veiligheid van een kind in het geding is; leg elke stap en je afweging hier vast.
            </Text>
            <Button variant="light" color="red" onClick={() => setStarting(true)}>
              Meldcode-traject starten
            </Button>
          </Stack>
        )}
        {track.isSuccess && (track.data !== null || starting) && (
          <TrackForm key={track.data?.id ?? 'nieuw'} studentId={studentId} track={track.data} onCancelNew={() => setStarting(false)} />
        )}
      </Stack>
    </Card>
  );
}

function toValues(track: Track | null): Values {
  const steps = Object.fromEntries(
    meldcodeStepKeys.map((k) => [k, { date: track?.steps[k]?.date ?? '', notes: track?.steps[k]?.notes ?? '' }]),
  ) as Values['steps'];
  return {
    openedOn: track?.openedOn ?? format(new Date(), 'yyyy-MM-dd'),
    steps,
    outcome: track?.outcome ?? '',
    parentsInformed: track?.parentsInformed ?? false,
    parentsInformedNote: track?.parentsInformedNote ?? '',
    closedOn: track?.closedOn ?? '',
  };
}

function TrackForm({ studentId, track, onCancelNew }: { studentId: string; track: Track | null; onCancelNew(): void }) {
  const queryClient = useQueryClient();
  const [unplacedError, setUnplacedError] = useState(false);
  const form = useForm<Values>({
    initialValues: toValues(track),
    validate: {
      openedOn: (v) => (v ? dateProblem(v, 'Gestart op') : 'Gestart op: vul de startdatum in.'),
      closedOn: (v) => (v ? dateProblem(v, 'Afgesloten op') : null),
      steps: Object.fromEntries(
        meldcodeStepKeys.map((k, i) => [k, { date: (v: string | null) => (v ? dateProblem(v, `Stap ${i + 1}: datum`) : null) }]),
      ),
    },
  });
  // What the backend stored becomes the new clean state.
  useEffect(() => {
    const values = toValues(track);
    form.setValues(values);
    form.resetDirty(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [track]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      invoke('meldcode.save', {
        id: track?.id ?? null,
        studentId,
        openedOn: v.openedOn,
        steps: Object.fromEntries(meldcodeStepKeys.map((k) => [k, { date: v.steps[k].date || null, notes: v.steps[k].notes }])),
        outcome: v.outcome || null,
        parentsInformed: v.parentsInformed,
        parentsInformedNote: v.parentsInformedNote,
        closedOn: v.closedOn || null,
      }),
    onMutate: () => setUnplacedError(false),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meldcodeTrackKey(studentId) });
      notifications.show({ color: 'teal', title: 'Opgeslagen', message: 'Het Meldcode-traject is bewaard.' });
    },
    onError: (error) => setUnplacedError(!showFieldErrors(error, ['openedOn', 'closedOn', 'outcome'], form.setErrors)),
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Gestart op" required {...form.getInputProps('openedOn')} />
          <DateField label="Afgesloten op" clearable {...form.getInputProps('closedOn')} />
          <Text size="sm" c="dimmed" style={{ alignSelf: 'flex-end' }}>
            {track?.closedOn
              ? `Afgesloten op ${formatDate(track.closedOn)}.`
              : track
                ? `Loopt sinds ${formatDate(track.openedOn)}.`
                : 'Nog niet opgeslagen.'}
          </Text>
        </SimpleGrid>
        {meldcodeStepKeys.map((key, i) => (
          <Fieldset key={key} legend={`Stap ${i + 1}: ${meldcodeStepLabels[key]}`}>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <DateField label="Datum" fieldName={`Stap ${i + 1}: datum`} clearable {...form.getInputProps(`steps.${key}.date`)} />
              <Textarea
                label="Notities"
                autosize
                minRows={2}
                style={{ gridColumn: 'span 3' }}
                {...form.getInputProps(`steps.${key}.notes`)}
              />
            </SimpleGrid>
          </Fieldset>
        ))}
        <Radio.Group label="Uitkomst" {...form.getInputProps('outcome')}>
          <Group mt={6}>
            <Radio value="" label="Nog niet besloten" />
            {meldcodeOutcomes.map((o) => (
              <Radio key={o} value={o} label={outcomeLabels[o]} />
            ))}
          </Group>
        </Radio.Group>
        <Switch label="Ouders geïnformeerd" {...form.getInputProps('parentsInformed', { type: 'checkbox' })} />
        <Textarea
          label="Toelichting bij het informeren van de ouders"
          description="Wanneer en hoe, of waarom (nog) niet."
          autosize
          minRows={2}
          {...form.getInputProps('parentsInformedNote')}
        />
        {save.isError && unplacedError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        <Group justify="flex-end">
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              Er zijn wijzigingen die nog niet zijn opgeslagen.
            </Text>
          )}
          {!track && (
            <Button variant="default" onClick={onCancelNew}>
              Annuleren
            </Button>
          )}
          <Button type="submit" color="red" leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending}>
            Meldcode-traject opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
