import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { QuestionKind } from '../../../electron/features/intake/form';
import { moveButtonId, type Question } from './intake-questions';

const kindLabels: Record<QuestionKind, string> = {
  text: 'Korte tekst',
  longtext: 'Lange tekst',
  choice: 'Keuze',
  yesno: 'Ja/nee',
  areas: 'Zorgen per gebied',
  view: 'Visie (of reden dat die ontbreekt)',
};

/** One question of the form: its kind and section, switches for shown and required, moves and edits. */
export function QuestionRow({
  question: q,
  problem,
  canEdit,
  first,
  last,
  onChange,
  onMove,
  onEdit,
  onRemove,
}: {
  question: Question;
  problem: string | undefined;
  canEdit: boolean;
  first: boolean;
  last: boolean;
  onChange(change: Partial<Question>): void;
  onMove(direction: -1 | 1): void;
  onEdit(): void;
  onRemove(): void;
}) {
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={q.label}
      data-testid="form-question"
      style={problem ? { borderColor: 'var(--mantine-color-red-6)' } : q.hidden ? { background: 'var(--mantine-color-gray-0)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} c={q.hidden ? 'dimmed' : undefined}>
              {q.label || '(zonder tekst)'}
            </Text>
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {kindLabels[q.kind]}
            </Badge>
            {!q.builtin && (
              <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
                eigen vraag
              </Badge>
            )}
            {q.hidden && (
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                verborgen
              </Badge>
            )}
          </Group>
          {q.help && (
            <Text size="sm" c="dimmed">
              {q.help}
            </Text>
          )}
          {q.kind === 'choice' && (
            <Text size="sm" c="dimmed">
              Keuzes: {q.options.filter((o) => o.trim()).join(' · ') || '—'}
            </Text>
          )}
          {q.locked && (
            <Text size="xs" c="dimmed">
              Vaste vraag: altijd verplicht en zichtbaar{q.required === 'from-12' ? ' (verplicht vanaf 12 jaar)' : ''}.
            </Text>
          )}
          {problem && (
            <Text size="sm" c="red.8" fw={500}>
              {problem}
            </Text>
          )}
        </Stack>
        <Group gap="md" wrap="nowrap">
          {/* The visible word is the same on every row: the name says which question it is for. */}
          <Switch
            label="Verplicht"
            aria-label={`Verplicht: ${q.label}`}
            checked={q.required !== false}
            disabled={!canEdit || q.locked}
            onChange={(e) => onChange({ required: e.currentTarget.checked })}
          />
          <Switch
            label="Tonen"
            aria-label={`Tonen: ${q.label}`}
            checked={!q.hidden}
            disabled={!canEdit || q.locked}
            onChange={(e) => onChange({ hidden: !e.currentTarget.checked })}
          />
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Omhoog">
              <ActionIcon
                id={moveButtonId(q.key, -1)}
                variant="subtle"
                aria-label={`"${q.label}" omhoog`}
                disabled={!canEdit || first}
                onClick={() => onMove(-1)}
              >
                <IconArrowUp size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Omlaag">
              <ActionIcon
                id={moveButtonId(q.key, 1)}
                variant="subtle"
                aria-label={`"${q.label}" omlaag`}
                disabled={!canEdit || last}
                onClick={() => onMove(1)}
              >
                <IconArrowDown size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
          {canEdit && !q.builtin ? (
            <Stack gap={0}>
              <Button size="compact-xs" variant="subtle" aria-label={`"${q.label}" wijzigen`} onClick={onEdit}>
                Wijzigen
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" aria-label={`"${q.label}" verwijderen`} onClick={onRemove}>
                Verwijderen
              </Button>
            </Stack>
          ) : (
            <div style={{ width: 76 }} />
          )}
        </Group>
      </Group>
    </Paper>
  );
}
