import { Alert, Button, Card, Center, Checkbox, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';

/** Shown once, right after creation: the only moment the recovery key exists outside the keyring. */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const [stored, setStored] = useState(false);
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Card withBorder shadow="sm" p="xl" maw={620}>
        <Stack gap="lg">
          <Title order={1} size="h2">
            Bewaar je herstelsleutel
          </Title>
          <Text>
            Ben je je wachtwoord kwijt, dan kom je alleen met deze sleutel nog bij de gegevens. Hij wordt nu één keer getoond en is daarna
            nergens meer op te vragen.
          </Text>
          <Card withBorder bg="gray.0" p="lg">
            <Text ff="monospace" fz={24} fw={700} ta="center" lts={1} data-testid="recovery-key">
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
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />}>
            Bewaar de sleutel op papier in een afgesloten kast of in de kluis van de school, niet in een gedeelde map of e-mail.
          </Alert>
          <Checkbox
            label="Ik heb de herstelsleutel op een veilige plek bewaard"
            checked={stored}
            onChange={(e) => setStored(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button disabled={!stored} onClick={onDone}>
              Verder naar Zorgoverleg
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
