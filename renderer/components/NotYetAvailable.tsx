import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHourglassEmpty } from '@tabler/icons-react';

/** An honest empty state for a section a later release fills in. */
export function NotYetAvailable({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Paper withBorder p="xl" maw={640}>
        <Stack align="flex-start" gap="sm">
          <ThemeIcon variant="light" size="xl" radius="xl">
            <IconHourglassEmpty />
          </ThemeIcon>
          <Text fw={600}>Nog niet beschikbaar</Text>
          <Text c="dimmed">{description}</Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
