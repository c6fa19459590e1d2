import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { invoke } from '../../api/client';
import { useAutosave, type SaveOutcome } from '../../components/autosave';
import type { AgendaItem } from '../agenda/queries';
import { clockText, type PresenterAction } from './keys';
import { presentationKey, type PresentationState } from './queries';

/** The chair's own notes on one item: saved as typed, seen by nobody else, never projected. */
function ChairNote({ itemId, text }: { itemId: string; text: string }) {
  const queryClient = useQueryClient();
  const state = useAutosave<string>({
    key: `chair-note/${itemId}`,
    server: { value: text, revision: 0 },
    editable: true,
    same: (a, b) => a === b,
    save: async (value, baseRevision): Promise<SaveOutcome<string>> => {
      await invoke('presentation.saveNote', { itemId, text: value });
      return { saved: true, revision: baseRevision + 1, at: new Date().toISOString(), stored: value };
    },
    onStored: () => void queryClient.invalidateQueries({ queryKey: [...presentationKey, 'notes'] }),
  });
  return (
    <Textarea
      label="Eigen notities (alleen voor jou, niet op het scherm)"
      value={state.value}
      onChange={(e) => state.change(e.currentTarget.value)}
      onBlur={() => void state.flush()}
      autosize
      minRows={3}
      maxRows={8}
    />
  );
}

function TimeLeft({ label, ms, of }: { label: string; ms: number; of?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={ms < 0 ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`time-${label}`}>
        {ms < 0 ? `${clockText(-ms)} te lang` : clockText(ms)}
        {of && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}
            {of}
          </Text>
        )}
      </Text>
    </Stack>
  );
}

/** The item on the projector now: its time left, consent warnings, the question and the chair's notes. */
export function ConsoleCurrent({
  current,
  presentation,
  itemLeft,
  agendaLeft,
  end,
  note,
  send,
}: {
  current: AgendaItem | undefined;
  presentation: PresentationState;
  /** Milliseconds left for the item and for the agenda: below zero, how far over. */
  itemLeft: number;
  agendaLeft: number;
  /** When the meeting ends (hh:mm). */
  end: string;
  note: string;
  send(action: PresenterAction): void;
}) {
  const question = current?.fields.find((f) => f.field === 'vraag');
  const hiddenActions = current ? current.actions.filter((a) => a.audience === 'intern' && a.status !== 'vervallen').length : 0;
  return (
    <Card withBorder padding="lg" data-testid="console-current">
      {current ? (
        <Stack gap="sm">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Nu
            </Text>
            <Title order={2} size="h3">
              {current.number}. {current.title}
              {current.className ? ` (${current.className})` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              {current.start ? `${current.start} · ` : ''}
              {current.durationMinutes} min{current.presenter ? ` · inbrenger ${current.presenter.name}` : ''}
              {current.guests.length > 0 ? ` · gasten: ${current.guests.map((g) => g.name).join(', ')}` : ''}
            </Text>
          </Stack>
          <Group gap="xl" align="end">
            <TimeLeft label="Dit punt" ms={itemLeft} />
            <TimeLeft label="Agenda" ms={agendaLeft} of={`(overleg tot ${end})`} />
            <Button
              variant="light"
              leftSection={presentation.timer.running ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
              onClick={() => send({ command: 'timer' })}
            >
              {presentation.timer.running ? 'Pauze (T)' : 'Tijd starten (T)'}
            </Button>
          </Group>
          {current.consent && current.consent.state !== 'intern' && current.consent.state !== 'ok' && (
            <Alert
              color={current.consent.blocking ? 'red' : 'yellow'}
              variant="light"
              icon={<IconAlertTriangle />}
              title={current.consent.blocking ? 'Toestemming ontbreekt' : 'Toestemming'}
            >
              {current.consent.label}
              {current.consent.blocking ? ' Op het scherm staan alleen de initialen.' : ''}
            </Alert>
          )}
          {current.kind === 'casus' && (
            <Stack gap={2}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  Vraag aan het overleg
                </Text>
                {question && question.text.trim() !== '' && (
                  <Badge size="sm" variant="light" color={question.audience === 'ouders' ? 'teal' : 'gray'}>
                    {question.audience === 'ouders' ? 'Op het scherm' : 'Intern: niet op het scherm'}
                  </Badge>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {question?.text.trim() || 'Nog geen vraag in de notulen.'}
              </Text>
              {question?.audience === 'intern' && question.text.trim() !== '' && (
                <Text size="xs" c="dimmed">
                  De notulist kan de vraag op "mag naar ouders" zetten; dan verschijnt ze op het scherm.
                </Text>
              )}
            </Stack>
          )}
          {presentation.showMinutes && hiddenActions > 0 && (
            <Text size="xs" c="dimmed">
              {hiddenActions === 1 ? '1 actie staat op intern en is' : `${hiddenActions} acties staan op intern en zijn`} niet op het
              scherm.
            </Text>
          )}
          <ChairNote key={current.id} itemId={current.id} text={note} />
        </Stack>
      ) : (
        <Text c="dimmed">Geen punt gekozen.</Text>
      )}
    </Card>
  );
}
