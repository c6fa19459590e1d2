import { Badge, Button, Checkbox, Group, Loader, Modal, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { userRoleLabels, userRoles, type UserRole } from '../../../electron/features/settings/vocabulary';
import { invoke } from '../../api/client';
import { vaultStatusKey, useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLastValue } from '../../components/useLastValue';
import { refreshMeldcodeAccess } from '../consent/queries';
import { newPassphraseRules } from '../vault/passphrase-rules';

const usersKey = ['users'] as const;
type User = MethodOutput<'users.list'>[number];

const roleDescriptions: Record<UserRole, string> = {
  coordinator: 'Plant het jaar, beoordeelt aanmeldingen, beheert instellingen en rollen.',
  voorzitter: 'Leidt het overleg.',
  notulist: 'Maakt de notulen.',
  lid: 'Leest mee en meldt leerlingen aan.',
  aandachtsfunctionaris: 'Ziet en voert Meldcode-trajecten.',
};

function RoleBadges({ roles }: { roles: UserRole[] }) {
  if (roles.length === 0) return <Text size="sm" c="dimmed">geen rol</Text>;
  return (
    <Group gap={4}>
      {userRoles
        .filter((r) => roles.includes(r))
        .map((r) => (
          <Badge key={r} variant="light" color={r === 'aandachtsfunctionaris' ? 'red' : r === 'coordinator' ? 'blue' : 'gray'} style={{ textTransform: 'none' }}>
            {userRoleLabels[r]}
          </Badge>
        ))}
    </Group>
  );
}

/** One checkbox per role, with what the role means. */
function RolesField(props: { value: UserRole[]; onChange(roles: UserRole[]): void; error?: string }) {
  return (
    <Checkbox.Group label="Rollen" value={props.value} onChange={(v) => props.onChange(v as UserRole[])} error={props.error}>
      <Stack gap={8} mt={6}>
        {userRoles.map((r) => (
          <Checkbox key={r} value={r} label={userRoleLabels[r]} description={roleDescriptions[r]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** Who can unlock this environment; each has their own passphrase for the same data key. */
export function UsersPanel() {
  const users = useQuery({ queryKey: usersKey, queryFn: () => invoke('users.list', {}) });
  const [adding, { open, close }] = useDisclosure(false);
  const [editingRoles, setEditingRoles] = useState<User | null>(null);
  const shownRoles = useLastValue(editingRoles);
  const isCoordinator = useSession().user.roles.includes('coordinator');

  return (
    <Stack gap="md" maw={760}>
      <Text c="dimmed">
        Iedere gebruiker ontgrendelt deze omgeving met een eigen wachtwoord. Een nieuwe collega krijgt van jou een
        eerste wachtwoord en wijzigt dat zelf onder &quot;Mijn wachtwoord&quot;.
      </Text>
      {users.isPending && <Loader aria-label="Laden" />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && (
        <Table striped withTableBorder aria-label="Gebruikers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Code</Table.Th>
              <Table.Th>Rollen</Table.Th>
              <Table.Th>Sinds</Table.Th>
              {isCoordinator && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td ff="monospace">{u.staffCode}</Table.Td>
                <Table.Td>
                  <RoleBadges roles={u.roles} />
                </Table.Td>
                <Table.Td>{new Date(u.createdAt).toLocaleDateString('nl-NL')}</Table.Td>
                {isCoordinator && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" aria-label={`Rollen van ${u.name}`} onClick={() => setEditingRoles(u)}>
                      Rollen
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {isCoordinator ? (
        <Group>
          <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
            Gebruiker toevoegen
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Alleen een coördinator voegt gebruikers toe en kent rollen toe.
        </Text>
      )}
      <Modal opened={adding} onClose={close} title="Gebruiker toevoegen">
        <AddUserForm onDone={close} />
      </Modal>
      <Modal opened={editingRoles !== null} onClose={() => setEditingRoles(null)} title={`Rollen van ${shownRoles?.name ?? ''}`}>
        {shownRoles && <RolesForm key={shownRoles.id} user={shownRoles} onDone={() => setEditingRoles(null)} />}
      </Modal>
    </Stack>
  );
}

function AddUserForm({ onDone }: { onDone(): void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', staffCode: '', passphrase: '', repeat: '', roles: ['lid'] as UserRole[] },
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
        <RolesField value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} error={form.errors.roles as string | undefined} />
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

function RolesForm({ user, onDone }: { user: User; onDone(): void }) {
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<UserRole[]>(user.roles);
  const save = useMutation({
    mutationFn: () => invoke('users.setRoles', { userId: user.id, roles }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        // Your own roles decide what the screens show, the Meldcode track first.
        queryClient.invalidateQueries({ queryKey: vaultStatusKey }),
        refreshMeldcodeAccess(queryClient),
      ]);
      notifications.show({ color: 'teal', message: `De rollen van ${user.name} zijn bewaard.` });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <RolesField value={roles} onChange={setRoles} />
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={save.isPending}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
