import { Card, Text } from '@mantine/core';

/** A large number with a label, for the counts of an import. */
export function Figure({ label, value, alert }: { label: string; value: number; alert?: boolean }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={alert ? 'red.7' : undefined} data-testid={`figure-${label}`}>
        {value}
      </Text>
    </Card>
  );
}
