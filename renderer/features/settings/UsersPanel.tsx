import { Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { useSession, useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLastValue } from '../../components/useLastValue';
import { AddUserForm } from './AddUserForm';
import { AfterRemoval, RemoveUserForm } from './RemoveUser';
import { RoleBadges, RolesForm } from './UserRoles';
import { usersKey, type Removal, type User } from './users-query';

/** Who can unlock this environment; each has their own passphrase for the same data key. */
export function UsersPanel() {
  const users = useQuery({ queryKey: usersKey, queryFn: () => invoke('users.list', {}) });
  const [adding, { open, close }] = useDisclosure(false);
  const [editingRoles, setEditingRoles] = useState<User | null>(null);
  const shownRoles = useLastValue(editingRoles);
  const [removing, setRemoving] = useState<User | null>(null);
  const shownRemoving = useLastValue(removing);
  const [removed, setRemoved] = useState<Removal | null>(null);
  const session = useSession();
  const isCoordinator = useMayCall('users.setRoles');

  return (
    <Stack gap="md" maw={760}>
      <Text c="dimmed">
        Iedere gebruiker ontgrendelt deze omgeving met een eigen wachtwoord. Een nieuwe collega krijgt van jou een eerste wachtwoord en
        wijzigt dat zelf onder &quot;Mijn wachtwoord&quot;.
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
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" aria-label={`Rollen van ${u.name}`} onClick={() => setEditingRoles(u)}>
                        Rollen
                      </Button>
                      {u.id !== session.user.id && (
                        <Button size="xs" variant="subtle" color="red" aria-label={`${u.name} verwijderen`} onClick={() => setRemoving(u)}>
                          Verwijderen
                        </Button>
                      )}
                    </Group>
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
          Alleen een coördinator voegt gebruikers toe, verwijdert ze en kent rollen toe.
        </Text>
      )}
      <Modal opened={adding} onClose={close} title="Gebruiker toevoegen">
        <AddUserForm onDone={close} users={users.data ?? []} />
      </Modal>
      <Modal opened={editingRoles !== null} onClose={() => setEditingRoles(null)} title={`Rollen van ${shownRoles?.name ?? ''}`}>
        {shownRoles && <RolesForm key={shownRoles.id} user={shownRoles} onDone={() => setEditingRoles(null)} />}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={`${shownRemoving?.name ?? ''} verwijderen`}>
        {shownRemoving && (
          <RemoveUserForm
            key={shownRemoving.id}
            user={shownRemoving}
            onCancel={() => setRemoving(null)}
            onDone={(removal) => {
              setRemoving(null);
              if (removal.newRecoveryKey || removal.mustRecover.length > 0) setRemoved(removal);
            }}
          />
        )}
      </Modal>
      {/* Not closable by a click beside it: a new recovery key is shown this once. */}
      <Modal
        opened={removed !== null}
        onClose={() => setRemoved(null)}
        title="De sleutel is vernieuwd"
        closeOnClickOutside={false}
        closeOnEscape={false}
        withCloseButton={false}
        size="lg"
      >
        {removed && <AfterRemoval removal={removed} onDone={() => setRemoved(null)} />}
      </Modal>
    </Stack>
  );
}
