import { Autocomplete, Button, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/app/contract';
import { defaultSalutation } from '../../../electron/features/people/names';
import { phoneProblem } from '../../../electron/features/people/rules';
import { guardianRelations } from '../../../electron/features/people/vocabulary';
import { ApiError, invoke } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { peopleKey } from './queries';

type Guardian = MethodOutput<'students.get'>['guardians'][number];
type Values = Omit<Guardian, 'id'>;

const empty: Values = {
  givenName: '',
  infix: '',
  familyName: '',
  relation: 'ouder',
  parentalAuthority: true,
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
  email: '',
  phone: '',
  salutation: '',
};

export function GuardianForm({ studentId, guardian, onSaved }: { studentId: string; guardian: Guardian | null; onSaved(): void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: guardian ? { ...guardian } : empty,
    validate: {
      familyName: (v) => (v.trim() ? null : 'Vul de achternaam in.'),
      relation: (v) => (v.trim() ? null : 'Vul de relatie in.'),
      phone: (v) => phoneProblem(v.trim()),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      invoke('guardians.save', {
        id: guardian?.id ?? null,
        studentId,
        ...v,
        salutation: v.salutation.trim() || defaultSalutation(v),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKey });
      onSaved();
    },
    // The contract's messages go under their fields; what is typed stays.
    onError: (err) => {
      if (err instanceof ApiError) form.setErrors(err.fields);
    },
  });
  const placed = save.error instanceof ApiError && Object.keys(save.error.fields).some((f) => f in form.values);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Voornaam of voorletters" {...form.getInputProps('givenName')} data-autofocus />
          <TextInput label="Tussenvoegsel" {...form.getInputProps('infix')} />
          <TextInput label="Achternaam" required {...form.getInputProps('familyName')} />
        </SimpleGrid>
        <Group grow align="flex-end">
          <Autocomplete label="Relatie" required data={[...guardianRelations]} {...form.getInputProps('relation')} />
          <Switch
            label="Heeft ouderlijk gezag"
            description="Bepaalt wie toestemming geeft voor een leerling onder 16"
            {...form.getInputProps('parentalAuthority', { type: 'checkbox' })}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Straat" {...form.getInputProps('street')} />
          <TextInput label="Huisnummer" {...form.getInputProps('houseNumber')} />
          <TextInput label="Postcode" placeholder="1234 AB" {...form.getInputProps('postalCode')} />
          <TextInput label="Plaats" {...form.getInputProps('city')} />
          <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
          <TextInput label="Telefoon" type="tel" placeholder="06-12345678" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Aanhef in brieven"
            placeholder={defaultSalutation(form.values)}
            style={{ flex: 1 }}
            {...form.getInputProps('salutation')}
          />
          <Button variant="default" onClick={() => form.setFieldValue('salutation', defaultSalutation(form.values))}>
            Voorstel
          </Button>
        </Group>
        <FormFooter mutation={save} errorTitle="Niet opgeslagen" showError={!placed} submit="Opslaan" />
      </Stack>
    </form>
  );
}
