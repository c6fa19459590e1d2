import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowRight,
  IconDeviceTv,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { MethodOutput } from '../../../electron/api/contract';
import { clockAfter } from '../../../electron/features/agenda/template';
import { weekdayLongDate } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { AutosaveBoard, useAutosave, type SaveOutcome } from '../../components/autosave';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AgendaList } from '../agenda/AgendaList';
import { useMeetingMinutes, type AgendaItem } from '../agenda/queries';
import { clockText, presenterAction, type PresenterAction } from './keys';
import { openProjectorWindow, runPresenterAction } from './projector-window';

type PresentationState = NonNullable<MethodOutput<'presentation.state'>>;

export const presentationKey = ['presentation'] as const;

/**
 * Starts presenting a meeting and opens the projector window (while the click still counts as
 * the user's, so the browser allows the window). False when the browser blocked it.
 */
export async function startPresenting(queryClient: QueryClient, meetingId: string): Promise<boolean> {
  const state = await invoke('presentation.start', { meetingId });
  queryClient.setQueryData([...presentationKey, 'state'], state);
  return openProjectorWindow();
}

/** The running presentation; the console follows it closely, so keys pressed in the projector window show up there too. */
export function usePresentationState(follow: boolean) {
  return useQuery({
    queryKey: [...presentationKey, 'state'],
    queryFn: () => invoke('presentation.state', {}),
    staleTime: 0,
    refetchInterval: follow ? 700 : false,
  });
}

/** Where keys are text being typed (the notes): there → and space stay the typist's. A switch or button is not. */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type)));

/** Milliseconds now, every half second: the timers on the console run without asking the backend. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const screenLabels: Record<PresentationState['screen'], string> = {
  agenda: 'Agenda',
  zwart: 'Zwart (B)',
  wit: 'Wit (W)',
};

/** The chair's own notes on one item: saved as typed, seen by nobody else, never projected. */
function ChairNote({ itemId, text }: { itemId: string; text: string }) {
  const queryClient = useQueryClient();
  const state = useAutosave<string>({
    key: `chair-note/${itemId}`,
    server: { value: text, revision: 0 },
    editable: true,
    same: (a, b) => a === b,
    save: async (value, baseRevision): Promise<SaveOutcome<string>> => {
      await invoke('presentation.saveNote', { itemId, text: value });
      return { saved: true, revision: baseRevision + 1, at: new Date().toISOString(), stored: value };
    },
    onStored: () => void queryClient.invalidateQueries({ queryKey: [...presentationKey, 'notes'] }),
  });
  return (
    <Textarea
      label="Eigen notities (alleen voor jou, niet op het scherm)"
      value={state.value}
      onChange={(e) => state.change(e.currentTarget.value)}
      onBlur={() => void state.flush()}
      autosize
      minRows={3}
      maxRows={8}
    />
  );
}

function TimeLeft({ label, ms, of }: { label: string; ms: number; of?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={ms < 0 ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`time-${label}`}>
        {ms < 0 ? `${clockText(-ms)} te lang` : clockText(ms)}
        {of && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}
            {of}
          </Text>
        )}
      </Text>
    </Stack>
  );
}

function Console({ meetingId, presentation }: { meetingId: string; presentation: PresentationState }) {
  const queryClient = useQueryClient();
  const minutes = useMeetingMinutes(meetingId);
  const notes = useQuery({
    queryKey: [...presentationKey, 'notes', meetingId],
    queryFn: () => invoke('presentation.notes', { meetingId }),
    staleTime: Infinity,
  });
  const now = useNow();
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();
  const [blocked, setBlocked] = useState(() => (location.state as { projectorBlocked?: boolean } | null)?.projectorBlocked === true);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      await queryClient.invalidateQueries({ queryKey: [...presentationKey, 'state'] });
    }
  };
  const send = (action: PresenterAction) => void act(() => runPresenterAction(action));

  const actionRef = useRef(send);
  actionRef.current = send;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target)) return;
      const action = presenterAction(e);
      if (!action) return;
      e.preventDefault();
      actionRef.current(action);
    };
    // Space would also press the focused button or switch when it comes up: it is the presenter's.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !typingIn(e.target)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);

  if (minutes.isPending) return <Loader />;
  if (!minutes.data) return <ErrorAlert error={minutes.error} />;
  const m = minutes.data.meeting;
  const items = minutes.data.items;
  const shown = items.filter((i) => i.change !== 'vervallen' && i.number !== null);
  const index = shown.findIndex((i) => i.id === presentation.itemId);
  const current: AgendaItem | undefined = shown[index];
  const next: AgendaItem | undefined = shown[index + 1];
  const elapsed = presentation.timer.elapsedMs + (presentation.timer.running ? Math.max(0, now - presentation.timer.since) : 0);
  const itemLeft = (current?.durationMinutes ?? 0) * 60_000 - elapsed;
  const agendaLeft = itemLeft + shown.slice(index + 1).reduce((sum, i) => sum + i.durationMinutes * 60_000, 0);
  const end = clockAfter(m.startTime, m.durationMinutes);
  const question = current?.fields.find((f) => f.field === 'vraag');
  const hiddenActions = current ? current.actions.filter((a) => a.audience === 'intern' && a.status !== 'vervallen').length : 0;
  const note = notes.data?.find((n) => n.itemId === current?.id)?.text ?? '';

  const toggleNames = (show: boolean) => {
    const go = () => void act(() => invoke('presentation.showNames', { show }));
    if (!show) return go();
    modals.openConfirmModal({
      title: 'Volledige namen op het scherm',
      children: (
        <Stack gap="xs">
          {(presentation.withExternals || presentation.guestsPresent) && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
              Er zijn gasten of externe partners in de zaal: zij zien de volledige namen.
            </Alert>
          )}
          <Text size="sm">
            Alleen leerlingen die met toestemming besproken worden, verschijnen met hun naam. De keuze geldt voor deze presentatie en wordt
            vastgelegd in het logboek.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Namen tonen', cancel: 'Initialen houden' },
      confirmProps: { color: presentation.withExternals || presentation.guestsPresent ? 'red' : undefined },
      onConfirm: go,
    });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap" align="start">
        <Stack gap={2}>
          <Anchor component={Link} to={`/overleggen/${meetingId}`} size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} /> Naar het overleg (presentatie loopt door)
            </Group>
          </Anchor>
          <Title order={1} size="h2">
            Presenteren: {m.title} {weekdayLongDate(m.date)}
          </Title>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconDeviceTv size={16} />} onClick={() => setBlocked(!openProjectorWindow())}>
            Projectorvenster openen
          </Button>
          <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={() => send({ command: 'stop' })}>
            Stoppen (Esc)
          </Button>
        </Group>
      </Group>
      {blocked && (
        <Alert color="orange" variant="light" withCloseButton onClose={() => setBlocked(false)}>
          De browser hield het projectorvenster tegen. Sta pop-upvensters toe voor Zorgoverleg en probeer het opnieuw.
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Paper withBorder p="sm">
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              Op het scherm:
            </Text>
            <SegmentedControl
              size="xs"
              aria-label="Wat het scherm toont"
              value={presentation.screen}
              onChange={(v) => {
                if (v === presentation.screen) return;
                if (v === 'zwart' || (v === 'agenda' && presentation.screen === 'zwart')) send({ command: 'black' });
                else send({ command: 'white' });
              }}
              data={(['agenda', 'zwart', 'wit'] as const).map((s) => ({ value: s, label: screenLabels[s] }))}
            />
          </Group>
          <Switch label="Volledige namen" checked={presentation.showNames} onChange={(e) => toggleNames(e.currentTarget.checked)} />
          <Switch
            label="Besluiten en acties tonen"
            checked={presentation.showMinutes}
            onChange={(e) => send({ command: 'minutes', show: e.currentTarget.checked })}
          />
          {presentation.guestsPresent && (
            <Badge color="orange" variant="light" size="lg">
              Gasten in de zaal: alleen dit punt op het scherm
            </Badge>
          )}
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="sm">
            <Text fw={700} mb="xs">
              Agenda
            </Text>
            <AgendaList
              items={items}
              selectedId={current?.id ?? null}
              sortable={false}
              onSelect={(itemId) => send({ command: 'goTo', itemId })}
              onMove={() => undefined}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder padding="lg" data-testid="console-current">
              {current ? (
                <Stack gap="sm">
                  <Stack gap={2}>
                    <Text size="xs" c="dimmed">
                      Nu
                    </Text>
                    <Title order={2} size="h3">
                      {current.number}. {current.title}
                      {current.className ? ` (${current.className})` : ''}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {current.start ? `${current.start} · ` : ''}
                      {current.durationMinutes} min{current.presenter ? ` · inbrenger ${current.presenter.name}` : ''}
                      {current.guests.length > 0 ? ` · gasten: ${current.guests.map((g) => g.name).join(', ')}` : ''}
                    </Text>
                  </Stack>
                  <Group gap="xl" align="end">
                    <TimeLeft label="Dit punt" ms={itemLeft} />
                    <TimeLeft label="Agenda" ms={agendaLeft} of={`(overleg tot ${end})`} />
                    <Button
                      variant="light"
                      leftSection={presentation.timer.running ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                      onClick={() => send({ command: 'timer' })}
                    >
                      {presentation.timer.running ? 'Pauze (T)' : 'Tijd starten (T)'}
                    </Button>
                  </Group>
                  {current.consent && current.consent.state !== 'intern' && current.consent.state !== 'ok' && (
                    <Alert
                      color={current.consent.blocking ? 'red' : 'yellow'}
                      variant="light"
                      icon={<IconAlertTriangle />}
                      title={current.consent.blocking ? 'Toestemming ontbreekt' : 'Toestemming'}
                    >
                      {current.consent.label}
                      {current.consent.blocking ? ' Op het scherm staan alleen de initialen.' : ''}
                    </Alert>
                  )}
                  {current.kind === 'casus' && (
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text size="sm" fw={600}>
                          Vraag aan het overleg
                        </Text>
                        {question && question.text.trim() !== '' && (
                          <Badge size="sm" variant="light" color={question.audience === 'ouders' ? 'teal' : 'gray'}>
                            {question.audience === 'ouders' ? 'Op het scherm' : 'Intern: niet op het scherm'}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {question?.text.trim() || 'Nog geen vraag in de notulen.'}
                      </Text>
                      {question?.audience === 'intern' && question.text.trim() !== '' && (
                        <Text size="xs" c="dimmed">
                          De notulist kan de vraag op "mag naar ouders" zetten; dan verschijnt ze op het scherm.
                        </Text>
                      )}
                    </Stack>
                  )}
                  {presentation.showMinutes && hiddenActions > 0 && (
                    <Text size="xs" c="dimmed">
                      {hiddenActions === 1 ? '1 actie staat' : `${hiddenActions} acties staan`} op intern en{' '}
                      {hiddenActions === 1 ? 'is' : 'zijn'} niet op het scherm.
                    </Text>
                  )}
                  <ChairNote key={current.id} itemId={current.id} text={note} />
                </Stack>
              ) : (
                <Text c="dimmed">Geen punt gekozen.</Text>
              )}
            </Card>
            <Group justify="space-between" wrap="nowrap">
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
                disabled={index <= 0}
                onClick={() => send({ command: 'previous' })}
              >
                Vorige (←)
              </Button>
              <Paper withBorder p="xs" style={{ flex: 1 }} data-testid="console-next">
                <Text size="xs" c="dimmed">
                  Hierna
                </Text>
                <Text size="sm" fw={600} truncate>
                  {next ? `${next.number}. ${next.title}${next.className ? ` (${next.className})` : ''}` : 'Einde van de agenda'}
                </Text>
              </Paper>
              <Button rightSection={<IconArrowRight size={16} />} disabled={!next} onClick={() => send({ command: 'next' })}>
                Volgende (→)
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The chair's console while a meeting is on the projector: current and next item, the time left,
 * the item's consent warnings and the chair's own notes. When the chair ends the presentation
 * (Esc here or in the projector window), the meeting page comes back; when it ended by itself
 * (the meeting afgelopen, its minutes fixed, two hours without a key), the console says why.
 */
export function ConsolePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const presentation = usePresentationState(true);
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const state = presentation.data;
  const ours = state && state.meetingId === id ? state : null;
  const wasPresenting = useRef(false);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  // Why the presentation of this meeting ended by itself; null while it runs or when the chair stopped it.
  const [endedHere, setEndedHere] = useState<string | null>(null);

  useEffect(() => {
    if (ours) {
      wasPresenting.current = true;
      setEndedHere(null);
      return;
    }
    if (!wasPresenting.current || !presentation.isSuccess) return;
    wasPresenting.current = false;
    // Stopped by the chair: back to the meeting. Ended by itself: stay, and say why.
    const back = () => mounted.current && navigate(`/overleggen/${id}`);
    invoke('presentation.ended', {}).then((ended) => {
      if (!mounted.current) return;
      if (ended && ended.meetingId === id) setEndedHere(ended.reason);
      else back();
    }, back);
  }, [ours, presentation.isSuccess, navigate, id]);

  if (presentation.isPending) return <Loader />;
  if (presentation.error && !state) return <ErrorAlert error={presentation.error} />;
  if (!ours)
    return (
      <Stack gap="md" maw={640}>
        {endedHere !== null ? (
          <Alert color="blue" title="De presentatie is vanzelf beëindigd" data-testid="presentation-ended">
            Het scherm toont niets meer van dit overleg: {endedHere}.
          </Alert>
        ) : (
          <Text>Dit overleg wordt niet gepresenteerd.</Text>
        )}
        {starting.error !== null && <ErrorAlert error={starting.error} />}
        <Group>
          {/* Ended by itself: starting again here would be refused for a meeting that is over; the meeting page offers it when it may. */}
          {endedHere === null && (
            <Button
              loading={starting.busy}
              onClick={() => {
                setStarting({ busy: true, error: null });
                void startPresenting(queryClient, id)
                  .then(() => setStarting({ busy: false, error: null }))
                  .catch((error: unknown) => setStarting({ busy: false, error }));
              }}
            >
              Presenteren
            </Button>
          )}
          <Anchor component={Link} to={`/overleggen/${id}`}>
            Terug naar het overleg
          </Anchor>
        </Group>
      </Stack>
    );
  return (
    <AutosaveBoard>
      <Console meetingId={id} presentation={ours} />
    </AutosaveBoard>
  );
}
