import { Alert, Button, Card, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AutosaveBoard, useAutosaveBoard } from '../../components/autosave';
import { AddCaseModal, AddOtherItemModal, ItemSettingsModal } from './AgendaDialogs';
import { AgendaList } from './AgendaList';
import { AttendancePanel } from './AttendancePanel';
import { MeetingHeader } from './MeetingHeader';
import { JumpToStudent } from './MeetingModals';
import { meetingParts, useMeetingSource, type ItemPartProps, type MeetingPartProps } from './meeting-parts';
import { refreshMeeting, type AgendaItem } from './queries';

/**
 * One meeting: its agenda on the left, the chosen item on the right. What the item holds (the
 * minutes), the documents and the presentation are registered by their domains (meeting-parts.ts).
 */
export function MeetingPage() {
  return (
    <AutosaveBoard>
      <MeetingScreen />
    </AutosaveBoard>
  );
}

const editableTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function MeetingScreen() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const board = useAutosaveBoard();
  const minutes = useMeetingSource(id);
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
      const vertical = e.code === 'ArrowDown' || e.code === 'ArrowUp';
      if (e.altKey && !e.shiftKey && vertical) {
        e.preventDefault();
        const next = items[index + (e.code === 'ArrowDown' ? 1 : -1)];
        if (next) select(next.id, true);
      } else if (e.altKey && e.shiftKey && vertical && data.canEditAgenda && selectedId) {
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
  const parts = meetingParts();
  const partProps: MeetingPartProps = {
    meeting: data,
    selectedId,
    beforeExport: () => board.flushAllOrFail(),
    run: (work) => void run(work),
  };
  const itemProps: ItemPartProps | null = selected && {
    meeting: data,
    item: selected,
    beforeExport: partProps.beforeExport,
    focusActionId,
    focusFirstField: byKeyboard,
    onNewAction: () => void newAction(),
  };
  const tools = itemProps ? parts.flatMap(({ ItemTools }) => (ItemTools?.when(data, itemProps.item) ? [ItemTools.Tools] : [])) : [];

  return (
    <Stack gap="md">
      <MeetingHeader parts={partProps} onSent={setSentNote} onShortcuts={showShortcuts.open} />
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
              {itemProps && (
                <Stack gap="sm">
                  {(data.canEditAgenda || tools.length > 0) && (
                    <Group justify="flex-end" gap="xs">
                      {tools.map((Tools, i) => (
                        <Tools key={i} {...itemProps} />
                      ))}
                      {data.canEditAgenda && (
                        <Button size="compact-sm" variant="subtle" onClick={() => setSettingsFor(itemProps.item)}>
                          Punt wijzigen
                        </Button>
                      )}
                    </Group>
                  )}
                  {parts.map(({ ItemBody }, i) => ItemBody && <ItemBody key={`${i}/${itemProps.item.id}`} {...itemProps} />)}
                </Stack>
              )}
            </Card>
            {parts.map(({ Below }, i) => Below && <Below key={i} {...partProps} />)}
          </Grid.Col>
        </Grid>
      )}

      <AddCaseModal meetingId={id} opened={addingCase} onClose={addCase.close} onAdded={(itemId) => select(itemId)} />
      <AddOtherItemModal meetingId={id} opened={addingOther} onClose={addOther.close} onAdded={(itemId) => select(itemId)} />
      <ItemSettingsModal item={settingsFor} meetingId={id} onClose={() => setSettingsFor(null)} />
      {parts.map(({ Shortcuts }, i) => Shortcuts && <Shortcuts key={i} opened={shortcuts} onClose={showShortcuts.close} />)}
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
    </Stack>
  );
}
