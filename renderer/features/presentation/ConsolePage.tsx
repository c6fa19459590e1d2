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
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconDeviceTv, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { clockAfter } from '../../../electron/features/agenda/template';
import { weekdayLongDate } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { AutosaveBoard } from '../../components/autosave';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AgendaList } from '../agenda/AgendaList';
import type { AgendaItem } from '../agenda/queries';
import { useMeetingMinutes } from '../minutes/queries';
import { ConsoleCurrent } from './ConsoleCurrent';
import { presenterAction, type PresenterAction } from './keys';
import { openProjectorWindow, runPresenterAction } from './projector-window';
import { presentationKey, startPresenting, useChairNotes, usePresentationState, type PresentationState } from './queries';

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

function Console({ meetingId, presentation }: { meetingId: string; presentation: PresentationState }) {
  const queryClient = useQueryClient();
  const minutes = useMeetingMinutes(meetingId);
  const notes = useChairNotes(meetingId);
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
  // The newest send for the key listener; set after the render, before any key can fire.
  useLayoutEffect(() => {
    actionRef.current = send;
  });
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
            <ConsoleCurrent
              current={current}
              presentation={presentation}
              itemLeft={itemLeft}
              agendaLeft={agendaLeft}
              end={end}
              note={note}
              send={send}
            />
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
  // Presenting again: what ended the last one is no longer news (adjusted during the render, not after it).
  if (ours && endedHere !== null) setEndedHere(null);

  useEffect(() => {
    if (ours) {
      wasPresenting.current = true;
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
