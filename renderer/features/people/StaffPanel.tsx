import { Badge, Button, Group, Loader, Stack, Switch, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { staffFunctions } from '../../../electron/features/people/vocabulary';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { peopleKey, useStaff } from './queries';
import { EditModal } from '../../components/EditModal';

type StaffMember = MethodOutput<'staff.list'>[number];

/** The care team and mentors; agendas and minutes name them by their short code. */
export function StaffPanel() {
  const staff = useStaff();
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const shown = (staff.data ?? []).filter((s) => showInactive || s.active);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed">Medewerkers die in overleggen, acties en als mentor voorkomen.</Text>
        <Group>
          <Switch label="Ook inactieve tonen" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setEditing('new')}>
            Medewerker toevoegen
          </Button>
        </Group>
      </Group>
      {staff.isPending && <Loader aria-label="Laden" />}
      {staff.isError && <ErrorAlert error={staff.error} />}
      {staff.data && (
        <Table striped highlightOnHover withTableBorder aria-label="Medewerkers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Naam</Table.Th>
              <Table.Th>Code</Table.Th>
              <Table.Th>Functies</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.name}{' '}
                  {!s.active && (
                    <Badge size="sm" color="gray" variant="light">
                      inactief
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{s.code}</Table.Td>
                <Table.Td>{s.functions.join(', ')}</Table.Td>
                <Table.Td>{s.email}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing(s)} aria-label={`${s.name} wijzigen`}>
                    Wijzigen
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EditModal editing={editing} onClose={() => setEditing(null)} titles={{ add: 'Medewerker toevoegen', edit: 'Medewerker wijzigen' }}>
        {(member) => <StaffForm member={member} onSaved={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}

function StaffForm({ member, onSaved }: { member: StaffMember | null; onSaved(): void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: member?.name ?? '',
      code: member?.code ?? '',
      functions: member?.functions ?? [],
      email: member?.email ?? '',
      active: member?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Vul de naam in.'),
      code: (v) => (/^[a-zA-Z]{2,4}$/.test(v.trim()) ? null : 'Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".'),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) => invoke('staff.save', { id: member?.id ?? null, ...v }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKey });
      onSaved();
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label="Naam" required data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Code" description="2 tot 4 letters, zoals in het rooster" required {...form.getInputProps('code')} />
        <TagsInput
          label="Functies"
          description="Kies uit de lijst of typ een eigen functie en druk op Enter"
          data={[...staffFunctions]}
          {...form.getInputProps('functions')}
        />
        <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
        <Switch label="Actief" {...form.getInputProps('active', { type: 'checkbox' })} />
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
