import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/api/contract';
import { schoolLevels } from '../../../electron/features/people/vocabulary';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { peopleKey, useStaff } from './queries';

type Student = MethodOutput<'students.get'>;

interface Values {
  studentNumber: string;
  givenName: string;
  infix: string;
  familyName: string;
  birthDate: string;
  className: string;
  yearLevel: string | null;
  level: string;
  mentorId: string | null;
}

export function StudentForm({ student, onSaved }: { student: Student | null; onSaved(id: string): void }) {
  const queryClient = useQueryClient();
  const staff = useStaff();
  const form = useForm<Values>({
    initialValues: {
      studentNumber: student?.studentNumber ?? '',
      givenName: student?.givenName ?? '',
      infix: student?.infix ?? '',
      familyName: student?.familyName ?? '',
      birthDate: student?.birthDate ?? '',
      className: student?.className ?? '',
      yearLevel: student?.yearLevel ? String(student.yearLevel) : null,
      level: student?.level ?? '',
      mentorId: student?.mentorId ?? null,
    },
    validate: {
      studentNumber: (v) => (v.trim() ? null : 'Vul het leerlingnummer in.'),
      givenName: (v) => (v.trim() ? null : 'Vul de roepnaam in.'),
      familyName: (v) => (v.trim() ? null : 'Vul de achternaam in.'),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      invoke('students.save', {
        id: student?.id ?? null,
        ...v,
        birthDate: v.birthDate || null,
        yearLevel: v.yearLevel ? Number(v.yearLevel) : null,
      }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: peopleKey });
      onSaved(id);
    },
  });
  const mentors = (staff.data ?? []).filter((s) => s.active || s.id === student?.mentorId);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Roepnaam" required {...form.getInputProps('givenName')} data-autofocus />
          <TextInput label="Tussenvoegsel" {...form.getInputProps('infix')} />
          <TextInput label="Achternaam" required {...form.getInputProps('familyName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Leerlingnummer" required {...form.getInputProps('studentNumber')} />
          <TextInput label="Geboortedatum" type="date" {...form.getInputProps('birthDate')} />
          <Select
            label="Mentor"
            placeholder="Geen"
            clearable
            searchable
            data={mentors.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
            {...form.getInputProps('mentorId')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Klas" {...form.getInputProps('className')} />
          <Select label="Leerjaar" clearable data={['1', '2', '3', '4', '5', '6']} {...form.getInputProps('yearLevel')} />
          <Autocomplete label="Niveau" data={[...schoolLevels]} {...form.getInputProps('level')} />
        </SimpleGrid>
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
