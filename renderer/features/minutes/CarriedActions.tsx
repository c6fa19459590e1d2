import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actionStatusLabels } from '../../../electron/features/minutes/vocabulary';
import { dayMonth } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LapseDialog } from './LapseDialog';
import type { ActionView } from '../agenda/queries';
import { refreshMeeting } from '../agenda/queries';
import { useMayCloseAction } from './queries';

/** Open actions agreed earlier: they come back here until someone closes them. */
export function CarriedActions({ actions, meetingId, title }: { actions: ActionView[]; meetingId: string; title: string }) {
  const queryClient = useQueryClient();
  const [lapsing, setLapsing] = useState<ActionView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mayClose = useMayCloseAction();
  const close = async (id: string, status: 'gedaan' | 'teruggekoppeld') => {
    try {
      await invoke('actions.setStatus', { id, status, note: '' });
      setError(null);
    } catch (err) {
      setError(err);
    }
    await refreshMeeting(queryClient, meetingId);
  };
  if (actions.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {error !== null && <ErrorAlert error={error} />}
      <LapseDialog action={lapsing} onClose={() => setLapsing(null)} />
      <Stack gap={6} role="list" aria-label={title}>
        {actions.map((a) => (
          <Paper
            key={a.id}
            withBorder
            p="xs"
            role="listitem"
            aria-label={`${a.origin}: ${a.what}`}
            data-carried={a.number}
            style={a.overdue ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-red-6)' } : undefined}
          >
            <Group justify="space-between" align="start" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {a.origin}
                  {a.caseName ? ` · ${a.caseName}${a.className ? ` (${a.className})` : ''}` : ''}
                </Text>
                <Text size="sm" fw={500}>
                  {a.what}
                </Text>
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    {a.holderLabel ?? 'geen actiehouder'} ·{' '}
                    {a.due?.kind === 'volgende-overleg'
                      ? `volgende overleg${a.dueOn ? ` (${dayMonth(a.dueOn)})` : ''}`
                      : a.dueOn
                        ? `uiterlijk ${dayMonth(a.dueOn)}`
                        : 'geen deadline'}
                  </Text>
                  {a.overdue && (
                    <Badge color="red" size="sm">
                      Over tijd
                    </Badge>
                  )}
                </Group>
              </Stack>
              {a.status === 'open' ? (
                mayClose(a) && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => void close(a.id, 'gedaan')}>
                      Gedaan
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => void close(a.id, 'teruggekoppeld')}>
                      Teruggekoppeld
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => setLapsing(a)}>
                      Vervallen
                    </Button>
                  </Group>
                )
              ) : (
                <Badge variant="light" color="gray">
                  {actionStatusLabels[a.status]}
                </Badge>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
