import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconDeviceTv, IconKeyboard, IconPlus } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { meetingStateLabels } from '../../../electron/features/agenda/vocabulary';
import { audienceLabels } from '../../../electron/features/minutes/vocabulary';
import { clockAfter } from '../../../electron/features/agenda/template';
import { schoolYearOf } from '../../../electron/features/schedule/vocabulary';
import { weekdayLongDate } from '../../../electron/shared/dutch-dates';
import { today } from '../../../electron/shared/clock';
import { meetingDayQuestion } from '../../../electron/features/schedule/meeting-day';
import { base64ToBlob, downloadFile } from '../../components/download';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SaveIndicator } from '../../components/SaveIndicator';
import { DocumentsMenu, ExtractMenu } from '../documents/DocumentsMenu';
import { startPresenting, usePresentationState } from '../presentation/ConsolePage';
import { AddendumModal } from '../minutes/AddendumModal';
import { ItemMinutes } from '../minutes/ItemMinutes';
import { AutosaveBoard, useAutosaveBoard, useAutosaveOverall } from '../../components/autosave';
import { ShortcutsOverlay } from '../minutes/ShortcutsOverlay';
import { MeetingForm } from '../schedule/MeetingForm';
import { useScheduleOverview } from '../schedule/queries';
import { AddCaseModal, AddOtherItemModal, ItemSettingsModal } from './AgendaDialogs';
import { AgendaList } from './AgendaList';
import { AttendancePanel } from './AttendancePanel';
import { stateColors } from './labels';
import { refreshMeeting, useMeetingMinutes, type AgendaItem, type MeetingMinutes } from './queries';

export function MeetingPage() {
  return (
    <AutosaveBoard>
      <MeetingScreen />
    </AutosaveBoard>
  );
}

/** Date, time, place and who is invited are the schedule's: its form, for this one meeting. */
function MeetingDetailsModal({ meeting, opened, onClose }: { meeting: MeetingMinutes['meeting']; opened: boolean; onClose(): void }) {
  const overview = useScheduleOverview(schoolYearOf(meeting.date));
  const scheduled = overview.data?.meetings.find((m) => m.id === meeting.id) ?? null;
  return (
    <Modal opened={opened} onClose={onClose} title="Gegevens van het overleg" size="lg">
      {overview.isPending && <Loader />}
      {scheduled && <MeetingForm meeting={scheduled} onDone={onClose} />}
    </Modal>
  );
}

/** Ctrl+K: a case by typing part of the student's name. */
function JumpToStudent({
  items,
  opened,
  onClose,
  onPick,
  onGone,
}: {
  items: AgendaItem[];
  opened: boolean;
  onClose(): void;
  onPick(id: string): void;
  onGone(): void;
}) {
  const cases = useMemo(
    () =>
      items
        .filter((i) => i.kind === 'casus' && i.number !== null)
        .map((i) => ({ value: i.id, label: `${i.number}. ${i.title}${i.className ? ` (${i.className})` : ''}` })),
    [items],
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Naar een leerling" size="md" returnFocus={false} onExitTransitionEnd={onGone}>
      <Select
        aria-label="Leerling op de agenda"
        placeholder="Typ een naam of klas"
        data={cases}
        searchable
        selectFirstOptionOnChange
        dropdownOpened
        data-autofocus
        comboboxProps={{ withinPortal: false }}
        onChange={(v) => {
          if (v) onPick(v);
        }}
      />
    </Modal>
  );
}

const editableTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function MeetingScreen() {
  const { id = '' } = useParams();
  const mayEditMeeting = useMayCall('meetings.save');
  const queryClient = useQueryClient();
  const board = useAutosaveBoard();
  const overall = useAutosaveOverall();
  const navigate = useNavigate();
  const minutes = useMeetingMinutes(id);
  // A presentation of this meeting already running is joined, not started over at item 1.
  const presenting = usePresentationState(false);
  const [params, setParams] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  /** What "Agenda versturen" did, said plainly until the user closes it. */
  const [sentNote, setSentNote] = useState<string | null>(null);
  const [focusActionId, setFocusActionId] = useState<string | null>(null);
  /** Chosen from the keyboard: the item's first paragraph takes the focus, so typing goes on. */
  const [byKeyboard, setByKeyboard] = useState(false);
  /** After Ctrl+K the focus goes to the chosen case once the dialog is gone (not back where it was). */
  const focusAfterJump = useRef(false);
  const [jumpsClosed, setJumpsClosed] = useState(0);
  const [settingsFor, setSettingsFor] = useState<AgendaItem | null>(null);
  const [addingCase, addCase] = useDisclosure(false);
  const [addingOther, addOther] = useDisclosure(false);
  const [shortcuts, showShortcuts] = useDisclosure(false);
  const [jumping, jump] = useDisclosure(false);
  const [details, showDetails] = useDisclosure(false);
  const [addendum, showAddendum] = useDisclosure(false);

  const data = minutes.data;
  const items = data?.items ?? [];
  const chosen = params.get('punt');
  const selectedId = items.some((i) => i.id === chosen) ? chosen : null;
  const selected = items.find((i) => i.id === selectedId) ?? null;
  const select = useCallback(
    (itemId: string, fromKeyboard = false) => {
      setByKeyboard(fromKeyboard);
      setFocusActionId(null);
      setParams({ punt: itemId }, { replace: true });
    },
    [setParams],
  );

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      await refreshMeeting(queryClient, id);
    }
  };

  // Without a choice in the address, the first case is chosen once and written there: a colleague
  // reordering the agenda never swaps the item under the secretary's hands.
  const fallback = items.find((i) => i.kind === 'casus')?.id ?? items[0]?.id ?? null;
  useEffect(() => {
    if (!selectedId && fallback) setParams({ punt: fallback }, { replace: true });
  }, [selectedId, fallback, setParams]);

  useEffect(() => {
    if (!focusAfterJump.current || !selectedId) return;
    const target = document.querySelector<HTMLTextAreaElement>(`[data-item-panel="${selectedId}"] textarea:not([readonly])`);
    if (target) {
      target.focus();
      focusAfterJump.current = false;
    }
  }, [jumpsClosed, selectedId]);

  const newAction = useCallback(async () => {
    if (!data?.canEditMinutes || !selected || selected.change === 'vervallen') return;
    try {
      const created = await invoke('actions.save', { itemId: selected.id, what: '', holder: null, due: null });
      if (created.saved) setFocusActionId(created.action.id);
      await refreshMeeting(queryClient, id);
    } catch (err) {
      setError(err);
    }
  }, [data?.canEditMinutes, id, queryClient, selected]);

  const move = (itemId: string, toIndex: number) => void run(() => invoke('agenda.moveItem', { id: itemId, toIndex }));

  // Keyboard first: the secretary never needs the mouse (codes, not letters: Alt+A is "å" on a Mac).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!data) return;
      const index = items.findIndex((i) => i.id === selectedId);
      if (e.altKey && !e.shiftKey && (e.code === 'ArrowDown' || e.code === 'ArrowUp')) {
        e.preventDefault();
        const next = items[index + (e.code === 'ArrowDown' ? 1 : -1)];
        if (next) select(next.id, true);
      } else if (e.altKey && e.shiftKey && (e.code === 'ArrowDown' || e.code === 'ArrowUp') && data.canEditAgenda && selectedId) {
        e.preventDefault();
        const to = index + (e.code === 'ArrowDown' ? 1 : -1);
        if (to >= 0 && to < items.length) move(selectedId, to);
      } else if (e.altKey && e.code === 'KeyA') {
        e.preventDefault();
        void newAction();
      } else if (e.altKey && e.code === 'KeyB' && selected?.kind === 'casus' && data.canEditMinutes) {
        e.preventDefault();
        void run(() => invoke('minutes.setDecision', { itemId: selected.id, decided: !selected.decided }));
      } else if ((e.ctrlKey || e.metaKey) && e.code === 'KeyK') {
        e.preventDefault();
        jump.open();
      } else if (e.key === 'F1' || (e.key === '?' && !editableTarget(e.target))) {
        e.preventDefault();
        showShortcuts.open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (minutes.isPending) return <Loader />;
  // A failed background refetch keeps the page (and everything being typed) on screen.
  if (!data) return <ErrorAlert error={minutes.error} />;
  const m = data.meeting;
  const hasAgenda = items.length > 0;
  const overrun = data.agendaMinutes - m.durationMinutes;

  /** The draft to the mail program (desktop) or the Downloads folder (browser); then the agenda counts as sent. */
  const mailAgenda = async () => {
    const draft = await invoke('documents.agendaMail', { meetingId: id });
    let where: string;
    const opened = window.host?.openMailDraft ? await window.host.openMailDraft(draft.contentBase64) : null;
    if (opened?.ok) where = 'Hij staat open in je e-mailprogramma: kijk hem na en verstuur hem daar.';
    else {
      downloadFile(draft.fileName, base64ToBlob(draft.contentBase64, 'message/rfc822'));
      where = `${opened ? `${opened.message} ` : ''}Open het bestand ${draft.fileName} (in Downloads) met Outlook of Thunderbird, kijk hem na en verstuur hem daar.`;
    }
    const count = draft.recipients.length;
    const missing = draft.withoutAddress.length;
    const made =
      count === 0
        ? 'Concept-e-mail gemaakt zonder geadresseerden'
        : `Concept-e-mail gemaakt voor ${count} ${count === 1 ? 'deelnemer' : 'deelnemers'}`;
    const without = missing === 0 ? '' : `; ${missing} zonder e-mailadres: ${draft.withoutAddress.join(', ')}`;
    if (m.progress === 'gepland') await invoke('agenda.setProgress', { meetingId: id, progress: 'agenda-verstuurd' });
    setSentNote(`${made}${without}. ${where} De agenda staat nu op verstuurd.`);
  };

  const send = () =>
    modals.openConfirmModal({
      title: 'Agenda versturen',
      children: (
        <Text size="sm">
          Zorgoverleg maakt een concept-e-mail aan de deelnemers met de agenda als bijlage (leerlingen met initialen); je verstuurt hem zelf
          vanuit je e-mailprogramma. Daarna ligt de agenda vast: wat nog verandert, wordt gemarkeerd als wijziging.
        </Text>
      ),
      labels: { confirm: 'Concept-e-mail maken', cancel: 'Annuleren' },
      onConfirm: () => void run(mailAgenda),
    });

  /** Starting or closing a meeting far ahead of its date asks first (schedule/meeting-day.ts decides). */
  const step = (progress: 'bezig' | 'afgelopen', word: 'starten' | 'afronden') => {
    const go = () => void run(() => invoke('agenda.setProgress', { meetingId: id, progress }));
    const question = meetingDayQuestion(m.date, today(), word);
    if (!question) return go();
    modals.openConfirmModal({
      title: word === 'starten' ? 'Overleg starten' : 'Overleg afronden',
      children: <Text size="sm">{question}</Text>,
      labels: { confirm: word === 'starten' ? 'Toch starten' : 'Toch afronden', cancel: 'Annuleren' },
      onConfirm: go,
    });
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/overleggen" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Overleggen
        </Group>
      </Anchor>
      <Group justify="space-between" align="start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {m.title} {weekdayLongDate(m.date)}
            </Title>
            <Badge color={stateColors[m.state]} variant={m.state === 'bezig' ? 'filled' : 'light'} size="lg">
              {meetingStateLabels[m.state]}
            </Badge>
          </Group>
          <Text c="dimmed">
            {m.startTime}–{clockAfter(m.startTime, m.durationMinutes)}
            {m.location ? ` · ${m.location}` : ''}
            {m.chair ? ` · voorzitter ${m.chair.code} (${m.chair.name})` : ''}
            {m.secretary ? ` · notulist ${m.secretary.code} (${m.secretary.name})` : ''}
          </Text>
          {m.minutesFixedAt && <Text size="sm">Notulen vastgesteld op {format(parseISO(m.minutesFixedAt), 'dd-MM-yyyy')}</Text>}
        </Stack>
        <Stack gap="xs" align="end">
          <Group gap="xs" wrap="nowrap">
            {!hasAgenda && data.canEditAgenda && (
              <Button onClick={() => void run(() => invoke('agenda.create', { meetingId: id }))}>Agenda maken</Button>
            )}
            {hasAgenda && (m.progress === 'gepland' || m.progress === 'agenda-verstuurd') && data.canEditAgenda && (
              // Again after it was sent: someone was added to the invite list, or the first mail went astray.
              <Button variant="default" onClick={send}>
                {m.progress === 'gepland' ? 'Agenda versturen' : 'Agenda opnieuw versturen'}
              </Button>
            )}
            {(m.progress === 'gepland' || m.progress === 'agenda-verstuurd') && hasAgenda && data.canEditAgenda && (
              <Button onClick={() => step('bezig', 'starten')}>Overleg starten</Button>
            )}
            {m.progress === 'bezig' && data.canEditAgenda && (
              <Button color="orange" onClick={() => step('afgelopen', 'afronden')}>
                Overleg afronden
              </Button>
            )}
            {m.progress === 'afgelopen' && !m.minutesFixedAt && data.canFix && (
              <>
                <Button
                  variant="default"
                  onClick={() => void run(() => invoke('agenda.setProgress', { meetingId: id, progress: 'bezig' }))}
                >
                  Heropenen
                </Button>
                <Button onClick={() => void run(() => invoke('minutes.fix', { meetingId: id, atMeetingId: null }))}>
                  Notulen vaststellen
                </Button>
              </>
            )}
            {m.minutesFixedAt && data.canFix && <Button onClick={showAddendum.open}>Aanvulling schrijven</Button>}
            {hasAgenda && data.canFix && presenting.data?.meetingId === id && (
              <Button
                variant="filled"
                color="teal"
                leftSection={<IconDeviceTv size={16} />}
                onClick={() => navigate(`/overleggen/${id}/presenteren`)}
              >
                Naar de presentatie
              </Button>
            )}
            {hasAgenda && data.canFix && presenting.data?.meetingId !== id && (
              <Button
                variant="default"
                leftSection={<IconDeviceTv size={16} />}
                onClick={() =>
                  void run(async () => {
                    const opened = await startPresenting(queryClient, id);
                    navigate(`/overleggen/${id}/presenteren`, { state: { projectorBlocked: !opened } });
                  })
                }
              >
                Presenteren
              </Button>
            )}
            <DocumentsMenu meetingId={id} hasAgenda={hasAgenda} keeper={data.canFix} beforeExport={() => board.flushAllOrFail()} />
            {mayEditMeeting && !m.minutesFixedAt && (
              <Button variant="subtle" onClick={showDetails.open}>
                Gegevens wijzigen
              </Button>
            )}
          </Group>
          <Group gap="md">
            {data.canEditMinutes ? (
              <SaveIndicator state={overall} onRetry={() => void board.flushAll()} />
            ) : (
              <Text size="sm" c="dimmed">
                {m.minutesFixedAt ? 'Vastgesteld: alleen te lezen, aan te vullen met een aanvulling' : 'Alleen te lezen'}
              </Text>
            )}
            <Button variant="subtle" size="compact-sm" leftSection={<IconKeyboard size={16} />} onClick={showShortcuts.open}>
              Sneltoetsen (?)
            </Button>
          </Group>
        </Stack>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {sentNote && (
        <Alert
          color="teal"
          variant="light"
          title="Agenda versturen"
          withCloseButton
          closeButtonLabel="Sluiten"
          onClose={() => setSentNote(null)}
        >
          {sentNote}
        </Alert>
      )}
      {minutes.error && <ErrorAlert error={minutes.error} title="De nieuwste versie van dit overleg kon niet worden gelezen" />}
      {m.progress === 'afgelopen' && !m.minutesFixedAt && (
        <Alert color="orange" variant="light">
          De notulen zijn ter vaststelling. Ze worden vastgesteld bij het punt "Notulen" van het volgende overleg
          {data.next ? ` (${format(parseISO(data.next.date), 'dd-MM-yyyy')})` : ''}, of hier.
        </Alert>
      )}

      {!hasAgenda ? (
        <Paper withBorder p="xl">
          <Text c="dimmed">
            Er is nog geen agenda.{' '}
            {data.canEditAgenda
              ? 'Met "Agenda maken" komen de vaste punten en de geaccepteerde aanmeldingen erop.'
              : 'De coördinator, voorzitter of notulist maakt hem.'}
          </Text>
        </Paper>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Card withBorder padding="sm">
                <Group justify="space-between" mb="xs">
                  <Text fw={700}>Agenda</Text>
                  <Text size="sm" c={overrun > 0 ? 'red.8' : 'dimmed'}>
                    {data.agendaMinutes} van {m.durationMinutes} min{overrun > 0 ? ` (${overrun} te veel)` : ''}
                  </Text>
                </Group>
                <AgendaList
                  items={items}
                  selectedId={selectedId}
                  sortable={data.canEditAgenda}
                  onSelect={(itemId) => select(itemId)}
                  onMove={move}
                />
                {data.canEditAgenda && (
                  <Group gap="xs" mt="sm">
                    <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={addCase.open}>
                      Leerling
                    </Button>
                    <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={addOther.open}>
                      Punt
                    </Button>
                  </Group>
                )}
              </Card>
              <Card withBorder padding="sm">
                <Text fw={700} mb="xs">
                  Aanwezigheid
                </Text>
                <AttendancePanel meeting={data} editable={data.canEditAgenda} />
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder padding="lg" data-item-panel={selectedId ?? ''}>
              {selected && (
                <Stack gap="sm">
                  {(data.canEditAgenda || (data.canFix && selected.kind === 'casus' && selected.studentId)) && (
                    <Group justify="flex-end" gap="xs">
                      {data.canFix && selected.kind === 'casus' && selected.studentId && selected.change !== 'vervallen' && (
                        <ExtractMenu itemId={selected.id} beforeExport={() => board.flushAllOrFail()} />
                      )}
                      {data.canEditAgenda && (
                        <Button size="compact-sm" variant="subtle" onClick={() => setSettingsFor(selected)}>
                          Punt wijzigen
                        </Button>
                      )}
                    </Group>
                  )}
                  <ItemMinutes
                    key={selected.id}
                    meeting={data}
                    item={selected}
                    focusActionId={focusActionId}
                    focusFirstField={byKeyboard}
                    onNewAction={() => void newAction()}
                  />
                </Stack>
              )}
            </Card>
            {data.addenda.length > 0 && (
              <Card withBorder padding="lg" mt="md">
                <Text fw={700} mb="xs">
                  Aanvullingen
                </Text>
                <Stack gap="sm">
                  {data.addenda.map((a) => (
                    <Paper key={a.id} withBorder p="sm" data-addendum>
                      <Text size="xs" c="dimmed">
                        {a.authorName}, {format(parseISO(a.createdAt), 'dd-MM-yyyy HH:mm')}
                        {a.itemId ? ` · bij ${items.find((i) => i.id === a.itemId)?.title ?? 'een agendapunt'}` : ''} ·{' '}
                        {audienceLabels[a.audience]}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {a.text}
                      </Text>
                    </Paper>
                  ))}
                </Stack>
              </Card>
            )}
          </Grid.Col>
        </Grid>
      )}

      <AddCaseModal meetingId={id} opened={addingCase} onClose={addCase.close} onAdded={(itemId) => select(itemId)} />
      <AddOtherItemModal meetingId={id} opened={addingOther} onClose={addOther.close} onAdded={(itemId) => select(itemId)} />
      <ItemSettingsModal item={settingsFor} meetingId={id} onClose={() => setSettingsFor(null)} />
      <ShortcutsOverlay opened={shortcuts} onClose={showShortcuts.close} />
      <JumpToStudent
        items={items}
        opened={jumping}
        onClose={jump.close}
        onPick={(itemId) => {
          focusAfterJump.current = true;
          select(itemId, true);
          jump.close();
        }}
        onGone={() => setJumpsClosed((n) => n + 1)}
      />
      <AddendumModal meeting={data} opened={addendum} onClose={showAddendum.close} itemId={selectedId} />
      <MeetingDetailsModal
        meeting={m}
        opened={details}
        onClose={() => {
          showDetails.close();
          void refreshMeeting(queryClient, id);
        }}
      />
    </Stack>
  );
}
