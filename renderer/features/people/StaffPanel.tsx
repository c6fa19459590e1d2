import { Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserPlus } from '@tabler/icons-react';
import type { MethodOutput } from '../../../electron/app/contract';
import { staffFunctions } from '../../../electron/features/people/vocabulary';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { InactiveBadge, RecordForm, RecordList } from '../../components/RecordList';
import { peopleKey, useStaff } from './queries';

type StaffMember = MethodOutput<'staff.list'>[number];

/** The care team and mentors; agendas and minutes name them by their short code. */
export function StaffPanel() {
  const staff = useStaff();
  const editable = useMayCall('staff.save');
  return (
    <RecordList
      editable={editable}
      noun="Medewerker"
      label="Medewerkers"
      intro="Medewerkers die in overleggen, acties en als mentor voorkomen."
      addIcon={<IconUserPlus size={18} />}
      records={staff.data}
      query={staff}
      isActive={(s) => s.active}
      rowKey={(s) => s.id}
      name={(s) => s.name}
      columns={[
        {
          header: 'Naam',
          cell: (s) => (
            <>
              {s.name} {!s.active && <InactiveBadge />}
            </>
          ),
        },
        { header: 'Code', cell: (s) => s.code, td: { ff: 'monospace' } },
        { header: 'Functies', cell: (s) => s.functions.join(', ') },
        { header: 'E-mail', cell: (s) => s.email },
      ]}
      form={(member, close) => <StaffForm member={member} onDone={close} />}
    />
  );
}

/** The contract checks name and code; its messages show under the fields. */
function StaffForm({ member, onDone }: { member: StaffMember | null; onDone(): void }) {
  const form = useForm({
    initialValues: {
      name: member?.name ?? '',
      code: member?.code ?? '',
      functions: member?.functions ?? [],
      email: member?.email ?? '',
      active: member?.active ?? true,
    },
  });
  return (
    <RecordForm form={form} save={(v) => invoke('staff.save', { id: member?.id ?? null, ...v })} refresh={peopleKey} onDone={onDone}>
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
    </RecordForm>
  );
}
