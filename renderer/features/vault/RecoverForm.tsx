import { PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { vaultStatusKey } from '../../api/session';
import { newPassphraseRules } from './passphrase-rules';
import { RecoveryKeyInput, UserSelect } from './VaultFields';

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
        <UserSelect users={environment.users} {...form.getInputProps('userId')} />
        <RecoveryKeyInput {...form.getInputProps('recoveryKey')} />
        <PasswordInput label="Nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
        <PasswordInput label="Herhaal nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('repeat')} />
        <FormFooter mutation={recover} onCancel={onBack} cancelLabel="Terug" submit="Nieuw wachtwoord instellen" />
      </Stack>
    </form>
  );
}
