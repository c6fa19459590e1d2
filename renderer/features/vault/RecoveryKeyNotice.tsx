import { Alert, Button, Card, Center, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { RecoveryKeyCard } from './RecoveryKeyCard';

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
          <RecoveryKeyCard recoveryKey={recoveryKey} fontSize={24} testId="recovery-key" />
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
