import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Group, Stack, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconGripVertical, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { agendaChangeLabels } from '../../../electron/features/agenda/vocabulary';
import type { AgendaItem } from './queries';

function AgendaRow({ item, selected, sortable, onSelect }: { item: AgendaItem; selected: boolean; sortable: boolean; onSelect(): void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !sortable,
  });
  const lapsed = item.change === 'vervallen';
  return (
    <Group
      ref={setNodeRef}
      gap={4}
      wrap="nowrap"
      align="stretch"
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        borderRadius: 'var(--mantine-radius-sm)',
        background: selected ? 'var(--mantine-color-blue-light)' : undefined,
        boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-blue-6)' : undefined,
      }}
      data-agenda-item={item.number ?? 'vervallen'}
    >
      {sortable && (
        <UnstyledButton
          {...attributes}
          {...listeners}
          aria-label={`${item.title} verplaatsen (spatie, pijltjes, spatie)`}
          style={{ cursor: 'grab', display: 'flex', alignItems: 'center', color: 'var(--mantine-color-dimmed)' }}
        >
          <IconGripVertical size={16} />
        </UnstyledButton>
      )}
      <UnstyledButton onClick={onSelect} aria-current={selected ? 'true' : undefined} style={{ flex: 1, padding: '6px 8px', minWidth: 0 }}>
        <Group gap={8} wrap="nowrap" align="start">
          <Text size="sm" c="dimmed" w={40} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
            {item.start ?? ''}
          </Text>
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={item.kind === 'casus' ? 600 : 400} td={lapsed ? 'line-through' : undefined} truncate>
              {item.number !== null ? `${item.number}. ` : ''}
              {item.title}
              {item.className ? ` (${item.className})` : ''}
            </Text>
            {item.change && (
              <Text size="xs" c={lapsed ? 'dimmed' : 'orange.8'}>
                {agendaChangeLabels[item.change]}
              </Text>
            )}
          </Stack>
          <Group gap={2} wrap="nowrap">
            {item.consent?.blocking && (
              <Tooltip label={item.consent.label} multiline w={280}>
                <ThemeIcon size="sm" color="red" variant="light" aria-label={`Toestemming: ${item.consent.label}`}>
                  <IconAlertTriangle size={14} />
                </ThemeIcon>
              </Tooltip>
            )}
            {item.consent?.state === 'ok' && (
              <Tooltip label={item.consent.label}>
                <ThemeIcon size="sm" color="green" variant="light" aria-label={item.consent.label} data-consent="compleet">
                  <IconShieldCheck size={14} />
                </ThemeIcon>
              </Tooltip>
            )}
            {item.confidential && (
              <ThemeIcon size="sm" color="dark" variant="light" aria-label="Vertrouwelijk">
                <IconLock size={14} />
              </ThemeIcon>
            )}
            {item.decided && (
              <ThemeIcon size="sm" color="teal" variant="light" aria-label="Besloten">
                <IconCheck size={14} />
              </ThemeIcon>
            )}
          </Group>
        </Group>
      </UnstyledButton>
    </Group>
  );
}

/**
 * The agenda down the side of the meeting page: numbered items with start times and warnings.
 * Reordered by dragging the grip, or from the keyboard (grip focused: space, arrows, space; or
 * Alt+Shift+↑/↓ on the selected item).
 */
export function AgendaList({
  items,
  selectedId,
  sortable,
  onSelect,
  onMove,
}: {
  items: AgendaItem[];
  selectedId: string | null;
  sortable: boolean;
  onSelect(id: string): void;
  onMove(id: string, toIndex: number): void;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(
      String(active.id),
      items.findIndex((i) => i.id === over.id),
    );
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: {
          draggable: 'Druk op spatie om het punt op te pakken, verplaats het met de pijltjes en zet het neer met spatie. Escape breekt af.',
        },
        announcements: {
          onDragStart: ({ active }) => `${items.find((i) => i.id === active.id)?.title ?? 'Punt'} opgepakt.`,
          onDragOver: ({ over }) => (over ? `Boven ${items.find((i) => i.id === over.id)?.title ?? 'een punt'}.` : 'Buiten de agenda.'),
          onDragEnd: ({ over }) => (over ? 'Neergezet.' : 'Teruggezet.'),
          onDragCancel: () => 'Verplaatsen afgebroken.',
        },
      }}
    >
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <Stack gap={2} role="list" aria-label="Agenda">
          {items.map((item) => (
            <div role="listitem" key={item.id}>
              <AgendaRow item={item} selected={item.id === selectedId} sortable={sortable} onSelect={() => onSelect(item.id)} />
            </div>
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
