import { Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconEyeOff, IconUsers } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { audienceLabels, type Audience } from '../../../electron/features/minutes/vocabulary';
import { invoke } from '../../api/client';
import { useAutosave, type SaveOutcome } from '../../components/autosave';
import { ConflictAlert } from '../../components/ConflictAlert';
import { patchItem, type MinuteFieldView } from '../agenda/queries';
import { NameWarning, useNameWarning } from './NameWarning';

type Paragraph = { text: string; audience: Audience };

/**
 * One paragraph of the minutes with its audience: "Intern" (the team only) or "Mag naar ouders"
 * (the extract and letters may use it). Saved as typed; a conflict shows both versions.
 */
export function MinuteField({
  meetingId,
  itemId,
  studentId,
  field,
  label,
  editable,
  autoFocus,
}: {
  meetingId: string;
  itemId: string;
  /** The case's student: a "mag naar ouders" text naming anyone else is warned about. */
  studentId: string | null;
  field: MinuteFieldView;
  label: string;
  editable: boolean;
  autoFocus?: boolean;
}) {
  const queryClient = useQueryClient();
  const state = useAutosave<Paragraph>({
    key: `${itemId}/${field.field}`,
    server: { value: { text: field.text, audience: field.audience }, revision: field.revision },
    editable,
    same: (a, b) => a.text === b.text && a.audience === b.audience,
    save: async (value, baseRevision): Promise<SaveOutcome<Paragraph>> => {
      const result = await invoke('minutes.saveField', { itemId, field: field.field, ...value, baseRevision });
      if (result.saved) return { saved: true, revision: result.revision, at: result.savedAt, stored: value };
      const t = result.theirs;
      return {
        saved: false,
        theirs: {
          value: { text: t.text, audience: t.audience },
          revision: t.revision,
          by: t.updatedBy,
          at: t.updatedAt,
        },
      };
    },
    onStored: (value, revision) =>
      patchItem(queryClient, meetingId, itemId, (item) => ({
        ...item,
        fields: item.fields.some((f) => f.field === field.field)
          ? item.fields.map((f) => (f.field === field.field ? { ...f, ...value, revision } : f))
          : [...item.fields, { field: field.field, ...value, revision, updatedBy: null, updatedAt: null }],
      })),
  });
  const { text, audience } = state.value;
  const otherNames = useNameWarning(studentId, text, editable && audience === 'ouders');
  return (
    <Stack gap={4} data-field={field.field}>
      {/* A long name (a partner's organisation and contact) wraps; the audience toggle keeps its full width. */}
      <Group justify="space-between" wrap="nowrap" align="end">
        <Text
          component="label"
          htmlFor={`f-${itemId}-${field.field}`}
          fw={600}
          size="sm"
          style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}
        >
          {label}
        </Text>
        <SegmentedControl
          size="xs"
          style={{ flexShrink: 0 }}
          value={audience}
          disabled={!editable}
          onChange={(v) => state.change({ text, audience: v as Audience }, true)}
          aria-label={`Wie mag "${label}" lezen`}
          data={(['intern', 'ouders'] as const).map((a) => ({
            value: a,
            label: (
              <Group gap={4} wrap="nowrap">
                {a === 'intern' ? <IconEyeOff size={14} aria-hidden /> : <IconUsers size={14} aria-hidden />}
                <span>{audienceLabels[a]}</span>
              </Group>
            ),
          }))}
        />
      </Group>
      <Textarea
        id={`f-${itemId}-${field.field}`}
        value={text}
        onChange={(e) => state.change({ text: e.currentTarget.value, audience })}
        onBlur={() => void state.flush()}
        readOnly={!editable}
        autosize
        minRows={2}
        maxRows={14}
        autoFocus={autoFocus}
        styles={audience === 'intern' ? { input: { background: 'var(--mantine-color-gray-0)' } } : undefined}
      />
      <NameWarning names={otherNames} />
      {state.theirs && (
        <ConflictAlert
          title="Twee versies van dit onderdeel"
          onChoose={state.resolve}
          onMerge={() => state.theirs && state.resolve({ merged: { text: `${state.theirs.value.text}\n\n${text}`, audience } })}
        >
          <Text size="sm">
            {state.theirs.by ?? 'Iemand anders'} heeft dit onderdeel{' '}
            {state.theirs.at ? `om ${format(parseISO(state.theirs.at), 'HH:mm')} ` : ''}
            ook gewijzigd. Jouw tekst staat hierboven en is nog niet opgeslagen; die van je collega staat hieronder.
          </Text>
          <Paper withBorder p="xs" bg="white" aria-label="Versie van je collega">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {state.theirs.value.text || '(leeg)'}
            </Text>
          </Paper>
        </ConflictAlert>
      )}
    </Stack>
  );
}
