import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconInfoCircle, IconLockOpen } from '@tabler/icons-react';
import type { MethodOutput } from '../../../electron/app/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { vaultStatusKey } from '../../api/session';
import { UserSelect } from './VaultFields';

type Environment = MethodOutput<'vault.status'>['environments'][number];

interface Props {
  environment: Environment;
  onForgot(): void;
  onBack(): void;
}

export function UnlockForm({ environment, onForgot, onBack }: Props) {
  const { demoPassphrase } = environment;
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { userId: environment.users.length === 1 ? environment.users[0]!.id : '', passphrase: '' },
    validate: {
      userId: (v) => (v ? null : 'Kies wie je bent.'),
      passphrase: (v) => (v ? null : 'Vul je wachtwoord in.'),
    },
  });
  const unlock = useMutation({
    mutationFn: (values: typeof form.values) => invoke('vault.unlock', { environmentId: environment.id, ...values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vaultStatusKey }),
    onError: () => form.setFieldValue('passphrase', ''),
  });

  return (
    <form onSubmit={form.onSubmit((values) => unlock.mutate(values))} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          {environment.label} ontgrendelen
        </Title>
        {demoPassphrase && (
          <Alert variant="light" color="orange" icon={<IconInfoCircle />} title="Demo-school">
            Alle gegevens zijn verzonnen. Het wachtwoord van elke demo-gebruiker is{' '}
            <Text span fw={700} ff="monospace" data-testid="demo-passphrase">
              {demoPassphrase}
            </Text>
            .
          </Alert>
        )}
        <UserSelect users={environment.users} placeholder="Kies wie je bent" {...form.getInputProps('userId')} />
        <PasswordInput label="Wachtwoord" autoComplete="current-password" autoFocus {...form.getInputProps('passphrase')} />
        {unlock.isError && <ErrorAlert error={unlock.error} />}
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={onForgot} size="sm">
            Wachtwoord vergeten
          </Anchor>
          <Group>
            <Button variant="default" onClick={onBack}>
              Andere omgeving
            </Button>
            <Button type="submit" leftSection={<IconLockOpen size={18} />} loading={unlock.isPending}>
              Ontgrendelen
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
