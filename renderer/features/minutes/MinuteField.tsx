import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconEyeOff, IconUsers } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { audienceLabels } from '../../../electron/features/minutes/vocabulary';
import type { Audience } from '../../../electron/features/minutes/vocabulary';
import type { MinuteFieldView } from '../agenda/queries';
import { useMinuteField } from './useMinuteField';

/**
 * One paragraph of the minutes with its audience: "Intern" (the team only) or "Mag naar ouders"
 * (the extract and letters may use it). Saved as typed; a conflict shows both versions.
 */
export function MinuteField({ itemId, field, label, editable, autoFocus }: { itemId: string; field: MinuteFieldView; label: string; editable: boolean; autoFocus?: boolean }) {
  const state = useMinuteField(itemId, field, editable);
  const audienceControl = (
    <SegmentedControl
      size="xs"
      value={state.audience}
      disabled={!editable}
      onChange={(v) => state.change({ audience: v as Audience }, true)}
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
  );
  return (
    <Stack gap={4} data-field={field.field}>
      <Group justify="space-between" wrap="nowrap" align="end">
        <Text component="label" htmlFor={`f-${itemId}-${field.field}`} fw={600} size="sm">
          {label}
        </Text>
        {audienceControl}
      </Group>
      <Textarea
        id={`f-${itemId}-${field.field}`}
        value={state.text}
        onChange={(e) => state.change({ text: e.currentTarget.value })}
        onBlur={() => void state.flush()}
        readOnly={!editable}
        autosize
        minRows={2}
        maxRows={14}
        autoFocus={autoFocus}
        styles={state.audience === 'intern' ? { input: { background: 'var(--mantine-color-gray-0)' } } : undefined}
      />
      {state.theirs && (
        <Alert color="orange" variant="light" title="Twee versies van dit onderdeel" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              {state.theirs.updatedBy ?? 'Iemand anders'} heeft dit onderdeel {state.theirs.updatedAt ? `om ${format(parseISO(state.theirs.updatedAt), 'HH:mm')} ` : ''}
              ook gewijzigd. Jouw tekst staat hierboven en is nog niet opgeslagen; die van je collega staat hieronder.
            </Text>
            <Paper withBorder p="xs" bg="white" aria-label="Versie van je collega">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {state.theirs.text || '(leeg)'}
              </Text>
            </Paper>
            <Group gap="xs">
              <Button size="xs" onClick={() => state.resolve('mine')}>
                Mijn versie bewaren
              </Button>
              <Button size="xs" variant="default" onClick={() => state.resolve('theirs')}>
                Versie van collega nemen
              </Button>
              <Button size="xs" variant="default" onClick={() => state.resolve('both')}>
                Beide samenvoegen
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
