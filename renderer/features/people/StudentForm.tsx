import { Alert, Autocomplete, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { format } from 'date-fns';
import type { MethodOutput } from '../../../electron/app/contract';
import { birthDateProblem, studentNumberProblem } from '../../../electron/features/people/rules';
import { schoolLevels } from '../../../electron/features/people/vocabulary';
import { dateProblem } from '../../../electron/shared/date-rules';
import { ApiError, invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { peopleKey, useStaff } from './queries';

type Student = MethodOutput<'students.get'>;

interface Values {
  studentNumber: string;
  givenName: string;
  infix: string;
  familyName: string;
  birthDate: string | null;
  className: string;
  yearLevel: string | null;
  level: string;
  mentorId: string | null;
}

/** The rules the contract applies (people/rules.ts), asked here too so a message shows before saving. */
function birthDateError(value: string | null, today: string): string | null {
  if (!value) return null;
  const problem = dateProblem(value, 'Geboortedatum') ?? birthDateProblem(value, today);
  return typeof problem === 'string' ? problem : problem?.level === 'error' ? problem.message : null;
}

export function StudentForm({ student, onSaved }: { student: Student | null; onSaved(id: string): void }) {
  const queryClient = useQueryClient();
  const staff = useStaff();
  const today = format(new Date(), 'yyyy-MM-dd');
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
      studentNumber: (v) => studentNumberProblem(v.trim()),
      givenName: (v) => (v.trim() ? null : 'Vul de roepnaam in.'),
      familyName: (v) => (v.trim() ? null : 'Vul de achternaam in.'),
      birthDate: (v) => birthDateError(v, today),
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
    // The contract's messages go under their fields; what is typed stays.
    onError: (err) => {
      if (err instanceof ApiError) form.setErrors(err.fields);
    },
  });
  const placed = save.error instanceof ApiError && Object.keys(save.error.fields).some((f) => f in form.values);
  // An unlikely age is asked about, not refused: the student may really be 8 or 26.
  const birthDate = form.values.birthDate;
  const ageNotice = birthDate && !birthDateError(birthDate, today) ? birthDateProblem(birthDate, today) : null;
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
          <DateField label="Geboortedatum" clearable maxDate={today} {...form.getInputProps('birthDate')} />
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
        {ageNotice?.level === 'warning' && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} data-testid="birth-date-notice">
            {ageNotice.message} Je kunt de leerling gewoon opslaan.
          </Alert>
        )}
        <FormFooter mutation={save} errorTitle="Niet opgeslagen" showError={!placed} submit="Opslaan" />
      </Stack>
    </form>
  );
}
