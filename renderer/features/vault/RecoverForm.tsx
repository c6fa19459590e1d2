import { Button, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/api/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { vaultStatusKey } from '../../api/session';
import { newPassphraseRules } from './passphrase-rules';

type Environment = MethodOutput<'vault.status'>['environments'][number];

/** "Wachtwoord vergeten": the recovery key from creation day opens the vault and sets a new passphrase. */
export function RecoverForm({ environment, onBack }: { environment: Environment; onBack(): void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      userId: environment.users.length === 1 ? environment.users[0]!.id : '',
      recoveryKey: '',
      newPassphrase: '',
      repeat: '',
    },
    validate: {
      userId: (v) => (v ? null : 'Kies voor wie je een nieuw wachtwoord instelt.'),
      recoveryKey: (v) => (v.trim() ? null : 'Vul de herstelsleutel in.'),
      ...newPassphraseRules('newPassphrase'),
    },
  });
  const recover = useMutation({
    mutationFn: ({ repeat: _repeat, ...values }: typeof form.values) =>
      invoke('vault.recover', { environmentId: environment.id, ...values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vaultStatusKey }),
  });

  return (
    <form onSubmit={form.onSubmit((values) => recover.mutate(values))} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          Wachtwoord vergeten
        </Title>
        <Text size="sm" c="dimmed">
          Gebruik de herstelsleutel die bij het aanmaken van deze omgeving is getoond, en kies een nieuw wachtwoord.
        </Text>
        <Select
          label="Gebruiker"
          data={environment.users.map((u) => ({ value: u.id, label: `${u.name} (${u.staffCode})` }))}
          allowDeselect={false}
          {...form.getInputProps('userId')}
        />
        <TextInput
          label="Herstelsleutel"
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          ff="monospace"
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('recoveryKey')}
        />
        <PasswordInput label="Nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
        <PasswordInput label="Herhaal nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('repeat')} />
        {recover.isError && <ErrorAlert error={recover.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            Terug
          </Button>
          <Button type="submit" loading={recover.isPending}>
            Nieuw wachtwoord instellen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
