import { Button, Card, CopyButton, Group, Text } from '@mantine/core';
import { IconCopy, IconPrinter } from '@tabler/icons-react';

/**
 * A recovery key as it is shown the one time it exists outside the keyring: large, to copy or
 * print. Used at creation and when removing a user renews the key.
 */
export function RecoveryKeyCard({ recoveryKey, fontSize, testId }: { recoveryKey: string; fontSize: number; testId: string }) {
  return (
    <>
      <Card withBorder bg="gray.0" p="lg">
        <Text ff="monospace" fz={fontSize} fw={700} ta="center" lts={1} data-testid={testId}>
          {recoveryKey}
        </Text>
      </Card>
      <Group>
        <CopyButton value={recoveryKey}>
          {({ copied, copy }) => (
            <Button variant="light" leftSection={<IconCopy size={18} />} onClick={copy}>
              {copied ? 'Gekopieerd' : 'Kopiëren'}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
          Afdrukken
        </Button>
      </Group>
    </>
  );
}
