import { PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { newPassphraseRules } from '../vault/passphrase-rules';

export function ChangePassphraseForm() {
  const form = useForm({
    initialValues: { currentPassphrase: '', newPassphrase: '', repeat: '' },
    validate: {
      currentPassphrase: (v) => (v ? null : 'Vul je huidige wachtwoord in.'),
      ...newPassphraseRules('newPassphrase'),
    },
  });
  const change = useMutation({
    mutationFn: ({ repeat: _repeat, ...values }: typeof form.values) => invoke('vault.changePassphrase', values),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'teal', title: 'Gewijzigd', message: 'Je nieuwe wachtwoord geldt vanaf nu.' });
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
      <Stack maw={480}>
        <Text c="dimmed">Je wachtwoord geldt alleen voor jou; de gegevens zelf blijven ongewijzigd.</Text>
        <PasswordInput label="Huidig wachtwoord" autoComplete="current-password" {...form.getInputProps('currentPassphrase')} />
        <PasswordInput label="Nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
        <PasswordInput label="Herhaal nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('repeat')} />
        <FormFooter mutation={change} submit="Wachtwoord wijzigen" />
      </Stack>
    </form>
  );
}
