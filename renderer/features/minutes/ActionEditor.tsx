import { ActionIcon, Badge, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { NameWarning, useNameWarning } from './NameWarning';
import { actionStatusLabels, audienceLabels, type Audience } from '../../../electron/features/minutes/vocabulary';
import { audienceAfterHolderChange } from '../../../electron/features/minutes/rules';
import { dateProblem } from '../../../electron/shared/date-rules';
import { invoke } from '../../api/client';
import type { ActionView } from '../agenda/queries';
import { patchItem, refreshMeeting } from '../agenda/queries';
import { useAutosave, type SaveOutcome } from '../../components/autosave';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePartners, useStaff } from '../people/queries';
import { holderFrom, holderOptions, holderValue, typedHolder } from './holder-options';
import { refreshMinutes } from './queries';

type Draft = {
  what: string;
  holder: string | null;
  dueKind: 'datum' | 'volgende-overleg' | null;
  dueDate: string;
  audience: Audience;
};

const fromView = (a: ActionView): Draft => ({
  what: a.what,
  holder: holderValue(a.holder),
  dueKind: a.due?.kind ?? null,
  dueDate: a.due?.kind === 'datum' ? a.due.date : '',
  audience: a.audience,
});

const dueOf = (d: Draft) =>
  d.dueKind === 'volgende-overleg'
    ? { kind: 'volgende-overleg' as const }
    : d.dueKind === 'datum' && d.dueDate
      ? { kind: 'datum' as const, date: d.dueDate }
      : null;

const sameDraft = (a: Draft, b: Draft) =>
  a.what === b.what && a.holder === b.holder && a.dueKind === b.dueKind && a.dueDate === b.dueDate && a.audience === b.audience;

/**
 * One action as the secretary types it: saved shortly after each change, one save at a time on
 * top of the revision it started from (a colleague's save in between is shown, not overwritten).
 * An incomplete action is stored as a concept and the missing parts are named next to them.
 */
function ActionRow({ action, meetingId, editable, focus }: { action: ActionView; meetingId: string; editable: boolean; focus: boolean }) {
  const queryClient = useQueryClient();
  const staff = useStaff();
  const partners = usePartners();
  // A stable list: a new array on every render resets the highlighted option, and Enter would pick nothing.
  const options = useMemo(() => holderOptions(staff.data ?? [], partners.data ?? []), [staff.data, partners.data]);
  const [holderSearch, setHolderSearch] = useState('');
  const [removeError, setRemoveError] = useState<unknown>(null);
  const state = useAutosave<Draft>({
    key: `action/${action.id}`,
    server: { value: fromView(action), revision: action.revision },
    editable,
    same: sameDraft,
    save: async (value, baseRevision): Promise<SaveOutcome<Draft>> => {
      const result = await invoke('actions.save', {
        id: action.id,
        baseRevision,
        what: value.what,
        holder: holderFrom(value.holder),
        due: dueOf(value),
        audience: value.audience,
      });
      if (!result.saved)
        return {
          saved: false,
          theirs: { value: fromView(result.theirs), revision: result.theirs.revision, by: null, at: null },
        };
      const stored = result.action;
      if (stored.itemId)
        patchItem(queryClient, meetingId, stored.itemId, (item) => ({
          ...item,
          actions: item.actions.map((a) => (a.id === stored.id ? stored : a)),
        }));
      void refreshMinutes(queryClient);
      return { saved: true, revision: stored.revision, at: new Date().toISOString(), stored: value };
    },
  });
  const draft = state.value;
  const change = (patch: Partial<Draft>, immediately = false) => state.change({ ...draft, ...patch }, immediately);
  // "Wie = Ouders" makes it an agreement with the family: the audience follows the holder (the domain's rule), unless set by hand.
  const changeHolder = (holder: string | null) =>
    change(
      {
        holder,
        audience: audienceAfterHolderChange(draft.audience, holderFrom(draft.holder)?.kind ?? null, holderFrom(holder)?.kind ?? null),
      },
      true,
    );
  const otherNames = useNameWarning(action.studentId, draft.what, editable && draft.audience === 'ouders');

  const remove = async () => {
    try {
      await invoke('actions.remove', { id: action.id });
      await refreshMeeting(queryClient, meetingId);
    } catch (err) {
      setRemoveError(err);
    }
  };

  // Status, number and problems: the cached copy, which every save patches.
  const view = action;
  const problems = view.problems;
  return (
    <Paper
      withBorder
      p="sm"
      data-action={view.number}
      style={view.status === 'concept' ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}
    >
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
            onBlur={() => void state.flush()}
            error={problems.what}
            readOnly={!editable}
            autoFocus={focus}
          />
        </Group>
        {otherNames.length > 0 && (
          <Group pl={48}>
            <NameWarning names={otherNames} />
          </Group>
        )}
        <Group gap="sm" align="start" pl={48} wrap="wrap">
          <Select
            w={260}
            aria-label={`Actie ${view.number}: wie`}
            placeholder="Wie? Typ een code, bv. awo"
            data={options}
            value={draft.holder}
            onChange={changeHolder}
            searchValue={holderSearch}
            onSearchChange={setHolderSearch}
            // Keyboard first: "bgr" and Enter or Tab is Bram Groen, whatever the list is doing.
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== 'Tab') return;
              const typed = typedHolder(options, holderSearch);
              if (typed && typed !== draft.holder) changeHolder(typed);
            }}
            searchable
            selectFirstOptionOnChange
            nothingFoundMessage="Niemand gevonden"
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
            <DateField
              w={170}
              aria-label={`Actie ${view.number}: deadline`}
              fieldName="Deadline"
              value={draft.dueDate}
              // Autosaved: only a real date (or none) is saved; what cannot be read stays in the field with its message.
              onChange={(v) => (v === null || dateProblem(v, 'Deadline') === null) && change({ dueDate: v ?? '' })}
              onBlur={() => void state.flush()}
              readOnly={!editable}
            />
          )}
          <SegmentedControl
            size="xs"
            aria-label={`Actie ${view.number}: wie mag het lezen`}
            disabled={!editable}
            value={draft.audience}
            onChange={(v) => change({ audience: v as Audience }, true)}
            data={(['intern', 'ouders'] as const).map((a) => ({ value: a, label: audienceLabels[a] }))}
          />
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
        {(problems.holder || problems.due) && (
          <Text size="xs" c="red.8" role="alert" pl={48}>
            {[problems.holder, problems.due].filter(Boolean).join(' ')}
          </Text>
        )}
        {removeError !== null && <ErrorAlert error={removeError} />}
        {state.theirs && (
          <ConflictAlert title="Twee versies van deze actie" onChoose={state.resolve}>
            <Text size="sm">
              Een collega heeft deze actie intussen ook gewijzigd: "{state.theirs.value.what || '(leeg)'}". Wat jij typte staat hierboven en
              is nog niet opgeslagen.
            </Text>
          </ConflictAlert>
        )}
      </Stack>
    </Paper>
  );
}

/** The actions agreed at this item: what, who, by when. */
export function ActionEditor({
  actions,
  meetingId,
  editable,
  focusId,
}: {
  actions: ActionView[];
  meetingId: string;
  editable: boolean;
  focusId: string | null;
}) {
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
