import { Group, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { vaultStatusKey } from '../../api/session';
import { newPassphraseRules } from './passphrase-rules';
import { regionOptions, type Region } from '../../components/regions';

interface Props {
  onCreated(recoveryKey: string): void;
  onCancel(): void;
}

export function CreateEnvironmentForm({ onCreated, onCancel }: Props) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      schoolName: '',
      region: 'midden' as Region,
      userName: '',
      staffCode: '',
      passphrase: '',
      repeat: '',
    },
    validate: {
      schoolName: (v) => (v.trim() ? null : 'Vul de naam van de school in.'),
      userName: (v) => (v.trim() ? null : 'Vul je naam in.'),
      staffCode: (v) => (/^[a-zA-Z]{2,4}$/.test(v.trim()) ? null : 'Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".'),
      ...newPassphraseRules('passphrase'),
    },
  });
  const create = useMutation({
    mutationFn: ({ repeat: _repeat, ...values }: typeof form.values) => invoke('vault.create', values),
    onSuccess: async ({ recoveryKey }) => {
      onCreated(recoveryKey);
      await queryClient.invalidateQueries({ queryKey: vaultStatusKey });
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          Nieuwe omgeving aanmaken
        </Title>
        <Text size="sm" c="dimmed">
          Alles wat je in deze omgeving bewaart, staat versleuteld op deze computer. Alleen wie een wachtwoord of de herstelsleutel heeft,
          kan het lezen.
        </Text>
        <TextInput label="Naam van de school" required {...form.getInputProps('schoolName')} />
        <Input.Wrapper label="Vakantieregio" description="Bepaalt de schoolvakanties in het jaarrooster.">
          <SegmentedControl fullWidth data={regionOptions} {...form.getInputProps('region')} />
        </Input.Wrapper>
        <Group grow align="flex-start">
          <TextInput label="Je naam" required autoComplete="name" {...form.getInputProps('userName')} />
          <TextInput
            label="Je personeelscode"
            description="2 tot 4 letters, zoals in het rooster"
            required
            maw={200}
            {...form.getInputProps('staffCode')}
          />
        </Group>
        <PasswordInput
          label="Wachtwoord"
          description="Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden."
          required
          autoComplete="new-password"
          {...form.getInputProps('passphrase')}
        />
        <PasswordInput label="Herhaal wachtwoord" required autoComplete="new-password" {...form.getInputProps('repeat')} />
        <FormFooter mutation={create} onCancel={onCancel} submit="Omgeving aanmaken" />
      </Stack>
    </form>
  );
}
