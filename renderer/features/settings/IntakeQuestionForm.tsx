import { Group, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { intakeSections, type IntakeSection, type QuestionKind } from '../../../electron/features/intake/form';
import type { Question } from './intake-questions';
import { FormFooter } from '../../components/FormFooter';

/** The kinds a school can give its own questions. */
type CustomKind = Extract<QuestionKind, 'text' | 'longtext' | 'choice' | 'yesno'>;
const customKindOptions = [
  { value: 'text', label: 'Korte tekst (één regel)' },
  { value: 'longtext', label: 'Lange tekst (een alinea)' },
  { value: 'choice', label: 'Keuze uit opties' },
  { value: 'yesno', label: 'Ja of nee' },
] satisfies { value: CustomKind; label: string }[];

interface QuestionValues {
  label: string;
  help: string;
  kind: CustomKind;
  section: IntakeSection;
  required: boolean;
  options: string;
}

/** A school's own question: its text, help, kind, section and whether it is required. */
export function QuestionForm({ question, onDone }: { question: Question | null; onDone(q: Question): void }) {
  const form = useForm<QuestionValues>({
    initialValues: {
      label: question?.label ?? '',
      help: question?.help ?? '',
      kind: (question?.kind as CustomKind | undefined) ?? 'text',
      section: question?.section ?? 'Aanvullende vragen',
      required: question ? question.required !== false : false,
      options: question?.options.join('\n') ?? '',
    },
    validate: {
      label: (v) => (v.trim() ? null : 'Geef de vraag een tekst.'),
      options: (v, values) =>
        values.kind === 'choice' && v.split('\n').filter((o) => o.trim()).length < 2 ? 'Geef minstens twee keuzes, één per regel.' : null,
    },
  });
  return (
    <form
      onSubmit={form.onSubmit((v) =>
        onDone({
          key: question?.key ?? '',
          label: v.label.trim(),
          help: v.help.trim(),
          kind: v.kind,
          section: v.section,
          required: v.required,
          hidden: question?.hidden ?? false,
          builtin: false,
          locked: false,
          options:
            v.kind === 'choice'
              ? v.options
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean)
              : [],
        }),
      )}
      noValidate
    >
      <Stack>
        <TextInput label="Vraag" required data-autofocus {...form.getInputProps('label')} />
        <Textarea
          label="Toelichting"
          description="Een hulptekst onder de vraag (mag leeg blijven)."
          autosize
          minRows={2}
          {...form.getInputProps('help')}
        />
        <Group grow align="flex-start">
          <Select label="Soort antwoord" required allowDeselect={false} data={customKindOptions} {...form.getInputProps('kind')} />
          <Select label="Onderdeel" required allowDeselect={false} data={[...intakeSections]} {...form.getInputProps('section')} />
        </Group>
        {form.values.kind === 'choice' && (
          <Textarea label="Keuzes" description="Eén keuze per regel." required autosize minRows={3} {...form.getInputProps('options')} />
        )}
        <Switch label="Verplicht" {...form.getInputProps('required', { type: 'checkbox' })} />
        <FormFooter submit={question ? 'Wijzigen' : 'Toevoegen'} />
      </Stack>
    </form>
  );
}
