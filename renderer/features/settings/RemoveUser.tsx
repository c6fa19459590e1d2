import { Alert, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { vaultStatusKey } from '../../api/session';
import { FormFooter } from '../../components/FormFooter';
import { RecoveryKeyCard } from '../vault/RecoveryKeyCard';
import { usersKey, type Removal, type User } from './users-query';

/** Confirms a removal: the user goes, and the data key is renewed so a copy of their keys opens nothing. */
export function RemoveUserForm({ user, onCancel, onDone }: { user: User; onCancel(): void; onDone(removal: Removal): void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => invoke('users.remove', { userId: user.id }),
    onSuccess: async (removal) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        queryClient.invalidateQueries({ queryKey: vaultStatusKey }),
      ]);
      notifications.show({
        color: 'teal',
        title: 'Verwijderd',
        message: `${user.name} kan niet meer ontgrendelen. De sleutel van de omgeving is vernieuwd.`,
      });
      onDone({ ...removal, name: user.name });
    },
  });
  return (
    <Stack>
      <Text>
        {user.name} kan daarna niet meer ontgrendelen; de sleutel van de omgeving wordt vernieuwd. Ook een bewaarde kopie van het
        sleutelbestand opent de gegevens dan niet meer. Wie blijft, houdt zijn eigen wachtwoord.
      </Text>
      <Text size="sm" c="dimmed">
        Wat {user.name} heeft vastgelegd blijft bewaard, en het logboek houdt de naam. Een back-up van vóór het verwijderen bevat{' '}
        {user.name} nog: zet je zo&apos;n back-up terug, verwijder de gebruiker dan opnieuw.
      </Text>
      <FormFooter
        mutation={remove}
        errorTitle="Niet verwijderd"
        onCancel={onCancel}
        cancelDisabled={remove.isPending}
        submit="Verwijderen"
        color="red"
        onConfirm={() => remove.mutate()}
      />
    </Stack>
  );
}

/** What a removal changed for others: a new recovery key (shown once), colleagues who must use it. */
export function AfterRemoval({ removal, onDone }: { removal: Removal; onDone(): void }) {
  const [stored, setStored] = useState(removal.newRecoveryKey === null);
  return (
    <Stack>
      {removal.newRecoveryKey && (
        <>
          <Text>
            De herstelsleutel van deze omgeving is ook vernieuwd: de oude werkt niet meer. Deze nieuwe sleutel wordt nu één keer getoond.
          </Text>
          <RecoveryKeyCard recoveryKey={removal.newRecoveryKey} fontSize={22} testId="new-recovery-key" />
        </>
      )}
      {removal.mustRecover.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Nieuw wachtwoord nodig">
          <Text size="sm">
            Deze collega&apos;s hebben sinds de laatste update niet ontgrendeld; hun wachtwoord is vervallen. Ze kiezen bij het ontgrendelen
            &quot;Wachtwoord vergeten&quot; en stellen met de herstelsleutel een nieuw wachtwoord in:
          </Text>
          <List size="sm" mt={6}>
            {removal.mustRecover.map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {removal.newRecoveryKey && (
        <Checkbox
          label="Ik heb de nieuwe herstelsleutel op een veilige plek bewaard"
          checked={stored}
          onChange={(e) => setStored(e.currentTarget.checked)}
        />
      )}
      <Group justify="flex-end">
        <Button disabled={!stored} onClick={onDone}>
          Klaar
        </Button>
      </Group>
    </Stack>
  );
}
