import { Button, Group, Loader, Modal, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { newPassphraseRules } from '../vault/passphrase-rules';

const usersKey = ['users'] as const;

/** Who can unlock this environment; each has their own passphrase for the same data key. */
export function UsersPanel() {
  const users = useQuery({ queryKey: usersKey, queryFn: () => invoke('users.list', {}) });
  const [adding, { open, close }] = useDisclosure(false);

  return (
    <Stack gap="md" maw={760}>
      <Text c="dimmed">
        Iedere gebruiker ontgrendelt deze omgeving met een eigen wachtwoord. Een nieuwe collega krijgt van jou een
        eerste wachtwoord en wijzigt dat zelf onder &quot;Mijn wachtwoord&quot;.
      </Text>
      {users.isPending && <Loader aria-label="Laden" />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Code</Table.Th>
              <Table.Th>Sinds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td ff="monospace">{u.staffCode}</Table.Td>
                <Table.Td>{new Date(u.createdAt).toLocaleDateString('nl-NL')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
          Gebruiker toevoegen
        </Button>
      </Group>
      <Modal opened={adding} onClose={close} title="Gebruiker toevoegen">
        <AddUserForm onDone={close} />
      </Modal>
    </Stack>
  );
}

function AddUserForm({ onDone }: { onDone(): void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', staffCode: '', passphrase: '', repeat: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Vul de naam in.'),
      staffCode: (v) =>
        /^[a-zA-Z]{2,4}$/.test(v.trim()) ? null : 'Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".',
      ...newPassphraseRules('passphrase'),
    },
  });
  const add = useMutation({
    mutationFn: ({ repeat: _repeat, ...values }: typeof form.values) => invoke('users.add', values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'teal', title: 'Toegevoegd', message: `${form.values.name} kan nu ontgrendelen.` });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack>
        <TextInput label="Naam" required data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Personeelscode" required {...form.getInputProps('staffCode')} />
        <PasswordInput label="Eerste wachtwoord" required autoComplete="new-password" {...form.getInputProps('passphrase')} />
        <PasswordInput label="Herhaal wachtwoord" required autoComplete="new-password" {...form.getInputProps('repeat')} />
        {add.isError && <ErrorAlert error={add.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Toevoegen
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
