import { PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserRole } from '../../../electron/features/settings/vocabulary';
import { invoke } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { newPassphraseRules } from '../vault/passphrase-rules';
import { refreshAfterUserAdded, useColleagues } from './extensions';
import { RolesField } from './UserRoles';
import { usersKey, type User } from './users-query';

/** "Nieuw personeelslid": someone not yet on the staff list; the user comes with a new staff row. */
const newStaffMember = 'nieuw';

/**
 * A new user is a colleague from the staff list (name and code come from there), or, when they are
 * not on it yet, a new staff member. No role is ticked beforehand: the coordinator chooses.
 */
export function AddUserForm({ onDone, users }: { onDone(): void; users: User[] }) {
  const queryClient = useQueryClient();
  const staff = useColleagues();
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
      await Promise.all([queryClient.invalidateQueries({ queryKey: usersKey }), refreshAfterUserAdded(queryClient)]);
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
        <FormFooter mutation={add} submit="Toevoegen" />
      </Stack>
    </form>
  );
}
