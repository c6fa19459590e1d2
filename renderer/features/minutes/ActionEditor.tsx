import { ActionIcon, Badge, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../electron/api/contract';
import { actionStatusLabels, type Audience } from '../../../electron/features/minutes/vocabulary';
import { invoke } from '../../api/client';
import type { ActionView } from '../agenda/queries';
import { refreshMeeting } from '../agenda/queries';
import { usePartners, useStaff } from '../people/queries';
import { holderFrom, holderOptions, holderValue } from './holder-options';
import { refreshMinutes } from './queries';
import { useSaveBoard } from './save-board';
import { MINUTES_AUTOSAVE_MS } from './useMinuteField';

type Draft = { what: string; holder: string | null; dueKind: 'datum' | 'volgende-overleg' | null; dueDate: string; audience: Audience };

const fromView = (a: ActionView): Draft => ({
  what: a.what,
  holder: holderValue(a.holder),
  dueKind: a.due?.kind ?? null,
  dueDate: a.due?.kind === 'datum' ? a.due.date : '',
  audience: a.audience,
});

function toInput(id: string, d: Draft): MethodInput<'actions.save'> {
  const due = d.dueKind === 'volgende-overleg' ? { kind: 'volgende-overleg' as const } : d.dueKind === 'datum' && d.dueDate ? { kind: 'datum' as const, date: d.dueDate } : null;
  return { id, what: d.what, holder: holderFrom(d.holder), due, audience: d.audience };
}

/**
 * One action as the secretary types it: saved shortly after each change, one save at a time.
 * An incomplete action is stored as a concept and the missing parts are named next to them.
 */
function ActionRow({ action, meetingId, editable, focus }: { action: ActionView; meetingId: string; editable: boolean; focus: boolean }) {
  const queryClient = useQueryClient();
  const board = useSaveBoard();
  const staff = useStaff();
  const partners = usePartners();
  const [draft, setDraft] = useState<Draft>(() => fromView(action));
  const [view, setView] = useState(action);
  const [error, setError] = useState<string | null>(null);
  const local = useRef(draft);
  const dirty = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = `action/${action.id}`;

  const save = () => {
    clearTimeout(timer.current);
    const run = async () => {
      if (!dirty.current) return;
      dirty.current = false;
      board.report(key, { kind: 'saving' });
      try {
        const saved = await invoke('actions.save', toInput(action.id, local.current));
        setView(saved);
        setError(null);
        board.report(key, { kind: 'saved', at: new Date().toISOString() });
        void refreshMinutes(queryClient);
      } catch (err) {
        dirty.current = true;
        setError(err instanceof Error ? err.message : 'Niet opgeslagen.');
        board.report(key, { kind: 'failed', error: err });
      }
    };
    queue.current = queue.current.then(run, run);
    return queue.current;
  };

  const change = (patch: Partial<Draft>, immediately = false) => {
    local.current = { ...local.current, ...patch };
    setDraft(local.current);
    dirty.current = true;
    board.report(key, { kind: 'saving' });
    clearTimeout(timer.current);
    if (immediately) void save();
    else timer.current = setTimeout(() => void save(), MINUTES_AUTOSAVE_MS);
  };

  // A colleague's change shows when nothing typed here waits; the own view follows every refetch.
  useEffect(() => {
    if (!dirty.current) {
      local.current = fromView(action);
      setDraft(local.current);
      setView(action);
    }
  }, [action]);
  // Leaving the item: what is typed is sent at once instead of after the pause.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => () => void saveRef.current(), []);

  const remove = async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    board.report(key, { kind: 'idle' });
    await invoke('actions.remove', { id: action.id });
    await refreshMeeting(queryClient, meetingId);
  };

  const problems = view.problems;
  return (
    <Paper withBorder p="sm" data-action={view.number} style={view.status === 'concept' ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}>
      <Stack gap="xs">
        <Group gap="sm" align="start" wrap="nowrap">
          <Text fw={700} mt={6} w={36} style={{ flexShrink: 0 }}>
            {view.number}
          </Text>
          <TextInput
            style={{ flex: 1 }}
            aria-label={`Actie ${view.number}: wat`}
            placeholder="Wat moet er gebeuren?"
            value={draft.what}
            onChange={(e) => change({ what: e.currentTarget.value })}
            onBlur={() => void save()}
            error={problems.what}
            readOnly={!editable}
            autoFocus={focus}
          />
        </Group>
        <Group gap="sm" align="start" pl={48} wrap="wrap">
          <Select
            w={260}
            aria-label={`Actie ${view.number}: wie`}
            placeholder="Wie? Typ een code, bv. awo"
            data={holderOptions(staff.data ?? [], partners.data ?? [])}
            value={draft.holder}
            onChange={(v) => change({ holder: v }, true)}
            searchable
            selectFirstOptionOnChange
            nothingFoundMessage="Niemand gevonden"
            error={problems.holder}
            readOnly={!editable}
          />
          <SegmentedControl
            aria-label={`Actie ${view.number}: wanneer`}
            disabled={!editable}
            value={draft.dueKind ?? ''}
            onChange={(v) => change({ dueKind: v as Draft['dueKind'] }, v === 'volgende-overleg')}
            data={[
              { value: 'datum', label: 'Datum' },
              { value: 'volgende-overleg', label: 'Volgende overleg' },
            ]}
          />
          {draft.dueKind === 'datum' && (
            <TextInput type="date" w={170} aria-label={`Actie ${view.number}: deadline`} value={draft.dueDate} onChange={(e) => change({ dueDate: e.currentTarget.value })} onBlur={() => void save()} readOnly={!editable} />
          )}
          <Group gap={6} wrap="nowrap" mt={6} ml="auto">
            <Badge color={view.status === 'concept' ? 'yellow' : view.status === 'open' ? 'blue' : 'gray'} variant="light">
              {actionStatusLabels[view.status]}
            </Badge>
            {editable && (
              <Tooltip label="Actie verwijderen">
                <ActionIcon variant="subtle" color="red" aria-label={`Actie ${view.number} verwijderen`} onClick={() => void remove()}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
        {(problems.due || error) && (
          <Text size="xs" c="red.8" role="alert" pl={48}>
            {error ?? problems.due}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The actions agreed at this item: what, who, by when. */
export function ActionEditor({ actions, meetingId, editable, focusId }: { actions: ActionView[]; meetingId: string; editable: boolean; focusId: string | null }) {
  if (actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nog geen acties. {editable ? 'Nieuwe actie: Alt+A.' : ''}
      </Text>
    );
  }
  return (
    <Stack gap="xs" aria-label="Acties bij dit punt" role="list">
      {actions.map((a) => (
        <div role="listitem" key={a.id}>
          <ActionRow action={a} meetingId={meetingId} editable={editable} focus={a.id === focusId} />
        </div>
      ))}
    </Stack>
  );
}
