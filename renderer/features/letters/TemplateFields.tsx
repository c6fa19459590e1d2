import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { addresseeSections, placeholderGroups, placeholders } from '../../../electron/features/letters/placeholder-catalogue';

/** A field or a block of the template, put in at the cursor (or around the selection) with a click. */
function FieldBadge({
  label,
  title,
  color,
  editable,
  onClick,
}: {
  label: string;
  title: string;
  color?: string;
  editable: boolean;
  onClick: () => void;
}) {
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      style={{ cursor: editable ? 'pointer' : 'default' }}
      title={title}
      component="button"
      type="button"
      disabled={!editable}
      onClick={onClick}
    >
      {label}
    </Badge>
  );
}

/** The placeholders and the blocks for one addressee, grouped; a click puts one in the letter text. */
export function TemplateFields({
  editable,
  onInsert,
  onWrap,
}: {
  editable: boolean;
  onInsert(name: string): void;
  onWrap(name: string): void;
}) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb={4}>
        Velden {editable ? '(klik om in te voegen)' : ''}
      </Text>
      {/* Read-only the badges are no buttons: the list itself then takes the focus, so it scrolls by keyboard too. */}
      <ScrollArea.Autosize mah={260} viewportProps={editable ? undefined : { tabIndex: 0, role: 'region', 'aria-label': 'Velden' }}>
        <Stack gap={6}>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Voor één ontvanger {editable ? '(selecteer tekst en klik)' : ''}
            </Text>
            <Group gap={4} mt={2}>
              {addresseeSections.map((section) => (
                <FieldBadge
                  key={section.name}
                  color="grape"
                  title={section.description}
                  editable={editable}
                  onClick={() => onWrap(section.name)}
                  label={`{{#${section.name}}} … {{/${section.name}}}`}
                />
              ))}
            </Group>
          </div>
          {placeholderGroups.map((group) => (
            <div key={group.key}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {group.label}
              </Text>
              <Group gap={4} mt={2}>
                {placeholders
                  .filter((p) => p.group === group.key)
                  .map((p) => (
                    <FieldBadge
                      key={p.name}
                      title={p.description}
                      editable={editable}
                      onClick={() => onInsert(p.name)}
                      label={`{{${p.name}}}`}
                    />
                  ))}
              </Group>
            </div>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
