import { Badge, Button, Group, Paper, Popover, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actionStatusLabels } from '../../../electron/features/minutes/vocabulary';
import { dayMonth } from '../../../electron/shared/dutch-dates';
import { ApiError, invoke } from '../../api/client';
import type { ActionView } from '../agenda/queries';
import { refreshMeeting } from '../agenda/queries';

/** "Vervallen" asks why; the reason is kept with the action. The typed reason survives an error. */
function LapseButton({ action, onDone }: { action: ActionView; onDone(): Promise<void> }) {
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    try {
      await invoke('actions.setStatus', { id: action.id, status: 'vervallen', note });
      setOpened(false);
      await onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.note ?? err.message) : 'Er ging iets mis.');
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} width={320} trapFocus position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="compact-xs" variant="default" onClick={() => setOpened((o) => !o)}>
          Vervallen
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Textarea label="Waarom vervalt deze actie?" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error} autosize minRows={2} data-autofocus />
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void confirm()}>
              Actie laten vervallen
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Open actions agreed earlier: they come back here until someone closes them. */
export function CarriedActions({ actions, meetingId, title }: { actions: ActionView[]; meetingId: string; title: string }) {
  const queryClient = useQueryClient();
  const done = () => refreshMeeting(queryClient, meetingId);
  const close = async (id: string, status: 'gedaan' | 'teruggekoppeld') => {
    await invoke('actions.setStatus', { id, status, note: '' });
    await done();
  };
  if (actions.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {title}
      </Text>
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
                    {a.holderLabel ?? 'geen actiehouder'} · {a.due?.kind === 'volgende-overleg' ? `volgende overleg${a.dueOn ? ` (${dayMonth(a.dueOn)})` : ''}` : a.dueOn ? `uiterlijk ${dayMonth(a.dueOn)}` : 'geen deadline'}
                  </Text>
                  {a.overdue && (
                    <Badge color="red" size="sm">
                      Over tijd
                    </Badge>
                  )}
                </Group>
              </Stack>
              {a.status === 'open' ? (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => void close(a.id, 'gedaan')}>
                    Gedaan
                  </Button>
                  <Button size="compact-xs" variant="default" onClick={() => void close(a.id, 'teruggekoppeld')}>
                    Teruggekoppeld
                  </Button>
                  <LapseButton action={a} onDone={done} />
                </Group>
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
