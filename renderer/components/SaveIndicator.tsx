import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';

/** Whether what is on screen is stored: the same states for a form, a paragraph, or a whole page. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown }
  | { kind: 'conflict'; error: unknown };

/** Says whether what is on screen is safely stored; a failed save can be tried again here. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  return (
    <Group gap={6} role="status" aria-live="polite" wrap="nowrap" data-testid="save-status">
      {state.kind === 'saving' && (
        <>
          <Loader size={14} aria-hidden />
          <Text size="sm" c="dimmed">
            Opslaan…
          </Text>
        </>
      )}
      {state.kind === 'saved' && (
        <>
          <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text size="sm" c="dimmed">
            Opgeslagen om {format(parseISO(state.at), 'HH:mm')}
          </Text>
        </>
      )}
      {state.kind === 'idle' && (
        <Text size="sm" c="dimmed">
          Wijzigingen worden vanzelf opgeslagen
        </Text>
      )}
      {(state.kind === 'failed' || state.kind === 'conflict') && (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Tooltip label={state.error instanceof Error ? state.error.message : 'Er ging iets mis.'} multiline w={320}>
            <Text size="sm" c="red.8">
              {state.kind === 'failed' ? 'Niet opgeslagen —' : 'Niet opgeslagen'}
            </Text>
          </Tooltip>
          {state.kind === 'failed' && (
            <Button size="compact-sm" variant="subtle" color="red" px={4} onClick={onRetry}>
              opnieuw proberen
            </Button>
          )}
        </>
      )}
    </Group>
  );
}
