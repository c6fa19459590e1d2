import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Group,
  List,
  Loader,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCopy, IconPrinter, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { userRoleLabels, userRoles, type UserRole } from '../../../electron/features/settings/vocabulary';
import { invoke } from '../../api/client';
import { vaultStatusKey, useSession, useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLastValue } from '../../components/useLastValue';
import { refreshMeldcodeAccess } from '../consent/queries';
import { newPassphraseRules } from '../vault/passphrase-rules';
import { peopleKey, useStaff } from '../people/queries';

const usersKey = ['users'] as const;
type User = MethodOutput<'users.list'>[number];
type Removal = MethodOutput<'users.remove'> & { name: string };

const roleDescriptions: Record<UserRole, string> = {
  coordinator: 'Plant het jaar, beoordeelt aanmeldingen, beheert instellingen en rollen.',
  voorzitter: 'Leidt het overleg.',
  notulist: 'Maakt de notulen.',
  lid: 'Leest mee en meldt leerlingen aan.',
  aandachtsfunctionaris: 'Ziet en voert Meldcode-trajecten.',
};

function RoleBadges({ roles }: { roles: UserRole[] }) {
  if (roles.length === 0)
    return (
      <Text size="sm" c="dimmed">
        geen rol
      </Text>
    );
  return (
    <Group gap={4}>
      {userRoles
        .filter((r) => roles.includes(r))
        .map((r) => (
          <Badge
            key={r}
            variant="light"
            color={r === 'aandachtsfunctionaris' ? 'red' : r === 'coordinator' ? 'blue' : 'gray'}
            style={{ textTransform: 'none' }}
          >
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

/** Confirms a removal: the user goes, and the data key is renewed so a copy of their keys opens nothing. */
function RemoveUserForm({ user, onCancel, onDone }: { user: User; onCancel(): void; onDone(removal: Removal): void }) {
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
      {remove.isError && <ErrorAlert error={remove.error} title="Niet verwijderd" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={remove.isPending}>
          Annuleren
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          Verwijderen
        </Button>
      </Group>
    </Stack>
  );
}

/** What a removal changed for others: a new recovery key (shown once), colleagues who must use it. */
function AfterRemoval({ removal, onDone }: { removal: Removal; onDone(): void }) {
  const [stored, setStored] = useState(removal.newRecoveryKey === null);
  return (
    <Stack>
      {removal.newRecoveryKey && (
        <>
          <Text>
            De herstelsleutel van deze omgeving is ook vernieuwd: de oude werkt niet meer. Deze nieuwe sleutel wordt nu één keer getoond.
          </Text>
          <Card withBorder bg="gray.0" p="lg">
            <Text ff="monospace" fz={22} fw={700} ta="center" lts={1} data-testid="new-recovery-key">
              {removal.newRecoveryKey}
            </Text>
          </Card>
          <Group>
            <CopyButton value={removal.newRecoveryKey}>
              {({ copied, copy }) => (
                <Button variant="light" leftSection={<IconCopy size={18} />} onClick={copy}>
                  {copied ? 'Gekopieerd' : 'Kopiëren'}
                </Button>
              )}
            </CopyButton>
            <Button variant="light" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
              Afdrukken
            </Button>
          </Group>
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

/** "Nieuw personeelslid": someone not yet on the staff list; the user comes with a new staff row. */
const newStaffMember = 'nieuw';

/**
 * A new user is a colleague from the staff list (name and code come from there), or, when they are
 * not on it yet, a new staff member. No role is ticked beforehand: the coordinator chooses.
 */
function AddUserForm({ onDone, users }: { onDone(): void; users: User[] }) {
  const queryClient = useQueryClient();
  const staff = useStaff();
  const takenCodes = new Set(users.map((u) => u.staffCode.toLowerCase()));
  const candidates = (staff.data ?? []).filter((s) => s.active && !takenCodes.has(s.code.toLowerCase()));
  const form = useForm({
    initialValues: {
      member: null as string | null,
      name: '',
      staffCode: '',
      passphrase: '',
      repeat: '',
      roles: [] as UserRole[],
    },
    validate: {
      member: (v) => (v ? null : 'Kies de collega uit de medewerkers, of "Nieuw personeelslid".'),
      name: (v, values) => (values.member !== newStaffMember || v.trim() ? null : 'Vul de naam in.'),
      staffCode: (v, values) =>
        values.member !== newStaffMember || /^[a-zA-Z]{2,4}$/.test(v.trim())
          ? null
          : 'Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".',
      roles: (v) => (v.length > 0 ? null : 'Kies minstens één rol. Een mentor die alleen aanmeldt is Lid.'),
      ...newPassphraseRules('passphrase'),
    },
  });
  const chosen = candidates.find((s) => s.id === form.values.member);
  const who = chosen ? { name: chosen.name, staffCode: chosen.code } : { name: form.values.name, staffCode: form.values.staffCode };
  const add = useMutation({
    mutationFn: (values: typeof form.values) => invoke('users.add', { ...who, passphrase: values.passphrase, roles: values.roles }),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: usersKey }), queryClient.invalidateQueries({ queryKey: peopleKey })]);
      notifications.show({ color: 'teal', title: 'Toegevoegd', message: `${who.name} kan nu ontgrendelen.` });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack>
        <Select
          label="Medewerker"
          description="Naam en code komen uit de lijst met medewerkers."
          placeholder={staff.isPending ? 'Laden…' : 'Typ een naam of code'}
          required
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage="Niet gevonden: kies Nieuw personeelslid"
          data-autofocus
          data={[
            ...candidates.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
            { value: newStaffMember, label: 'Nieuw personeelslid…' },
          ]}
          {...form.getInputProps('member')}
        />
        {form.values.member === newStaffMember && (
          <>
            <TextInput label="Naam" required {...form.getInputProps('name')} />
            <TextInput
              label="Personeelscode"
              required
              description="Komt ook in de lijst met medewerkers."
              {...form.getInputProps('staffCode')}
            />
          </>
        )}
        <PasswordInput label="Eerste wachtwoord" required autoComplete="new-password" {...form.getInputProps('passphrase')} />
        <PasswordInput label="Herhaal wachtwoord" required autoComplete="new-password" {...form.getInputProps('repeat')} />
        <RolesField
          value={form.values.roles}
          onChange={(roles) => form.setFieldValue('roles', roles)}
          error={form.errors.roles as string | undefined}
        />
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
