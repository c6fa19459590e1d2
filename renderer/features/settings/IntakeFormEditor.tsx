import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import {
  formProblems,
  intakeSections,
  type IntakeQuestion,
  type IntakeSection,
  type QuestionKind,
} from '../../../electron/features/intake/form';
import { ApiError, invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLastValue } from '../../components/useLastValue';

type SavedForm = MethodOutput<'intakeForm.get'>;
type Question = SavedForm['questions'][number];

const intakeFormKey = ['intakeForm'] as const;

const kindLabels: Record<QuestionKind, string> = {
  text: 'Korte tekst',
  longtext: 'Lange tekst',
  choice: 'Keuze',
  yesno: 'Ja/nee',
  areas: 'Zorgen per gebied',
  view: 'Visie (of reden dat die ontbreekt)',
};

/** The kinds a school can give its own questions. */
const customKinds = ['text', 'longtext', 'choice', 'yesno'] as const satisfies readonly QuestionKind[];
type CustomKind = (typeof customKinds)[number];
const customKindOptions = [
  { value: 'text', label: 'Korte tekst (één regel)' },
  { value: 'longtext', label: 'Lange tekst (een alinea)' },
  { value: 'choice', label: 'Keuze uit opties' },
  { value: 'yesno', label: 'Ja of nee' },
] satisfies { value: CustomKind; label: string }[];

/** The school's aanmeldformulier: order, required and shown per question, and the school's own questions. */
export function IntakeFormEditor() {
  const form = useQuery({ queryKey: intakeFormKey, queryFn: () => invoke('intakeForm.get', {}) });
  if (form.isPending) return <Loader aria-label="Laden" />;
  if (form.isError) return <ErrorAlert error={form.error} />;
  // A new version starts from what the backend stored.
  return <Editor key={form.data.version} saved={form.data} />;
}

/** "eigen-<slug>", unique in this form and within the contract's key pattern. */
function customKey(label: string, taken: Set<string>): string {
  const slug =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 44)
      .replace(/-+$/, '') || 'vraag';
  const base = `eigen-${slug}`;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

function Editor({ saved }: { saved: SavedForm }) {
  const queryClient = useQueryClient();
  const canEdit = useMayCall('intakeForm.save');
  const [questions, setEditedQuestions] = useState<Question[]>(saved.questions);
  const [editing, setEditing] = useState<Question | 'new' | null>(null);
  const shownEditing = useLastValue(editing);
  const dirty = JSON.stringify(questions) !== JSON.stringify(saved.questions);
  const problems = formProblems(questions as IntakeQuestion[]);
  const problemCount = Object.keys(problems).length;

  const save = useMutation({
    mutationFn: () => invoke('intakeForm.save', { questions }),
    onSuccess: async ({ version }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: intakeFormKey }),
        queryClient.invalidateQueries({ queryKey: ['intakes'] }),
      ]);
      notifications.show({
        color: 'teal',
        title: 'Opgeslagen',
        message: `Versie ${version} van het aanmeldformulier is opgeslagen.`,
      });
    },
  });
  // An edit makes the backend's last objections outdated; the live checks take over.
  const setQuestions = (change: Question[] | ((qs: Question[]) => Question[])) => {
    save.reset();
    setEditedQuestions(change);
  };
  const serverProblems = save.error instanceof ApiError ? save.error.fields : {};
  const problemOf = (key: string) => problems[key] ?? serverProblems[key];
  // Problems about questions that are not (or no longer) in the form, e.g. a removed required one.
  const looseProblems = Object.entries(problems).filter(([key]) => !questions.some((q) => q.key === key));

  const update = (key: string, change: Partial<Question>) => setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...change } : q)));

  function move(key: string, direction: -1 | 1) {
    setQuestions((qs) => {
      const i = qs.findIndex((q) => q.key === key);
      const section = qs[i]?.section;
      let j = i + direction;
      while (j >= 0 && j < qs.length && qs[j]!.section !== section) j += direction;
      if (i < 0 || j < 0 || j >= qs.length) return qs;
      const next = [...qs];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
    // Reordering moves the row in the page; keep the keyboard where it was.
    requestAnimationFrame(() => {
      const same = document.getElementById(moveButtonId(key, direction)) as HTMLButtonElement | null;
      const other = document.getElementById(moveButtonId(key, direction === -1 ? 1 : -1));
      (same && !same.disabled ? same : other)?.focus();
    });
  }

  const confirmRemove = (q: Question) =>
    modals.openConfirmModal({
      title: 'Vraag verwijderen',
      children: (
        <Text>&quot;{q.label}&quot; verdwijnt uit de nieuwe versie. Aanmeldingen die de vraag al beantwoordden, houden hun antwoord.</Text>
      ),
      labels: { confirm: 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: () => setQuestions((qs) => qs.filter((x) => x.key !== q.key)),
    });

  const sections = intakeSections.filter((s) => questions.some((q) => q.section === s));

  return (
    <Stack gap="md" maw={980}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>Huidige versie: {saved.version}</Text>
            {dirty && (
              <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                niet opgeslagen wijzigingen
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Opslaan maakt een nieuwe versie. Aanmeldingen die al begonnen zijn, houden de versie waarmee ze zijn ingevuld.
          </Text>
        </div>
        {canEdit && (
          <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            Vraag toevoegen
          </Button>
        )}
      </Group>
      {!canEdit && (
        <Text size="sm" c="dimmed">
          Alleen een coördinator past het aanmeldformulier aan.
        </Text>
      )}

      {sections.map((section) => {
        const inSection = questions.filter((q) => q.section === section);
        return (
          <Stack key={section} gap="xs">
            <Title order={3} size="h4">
              {section}
            </Title>
            <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={section}>
              {inSection.map((q, i) => (
                <QuestionRow
                  key={q.key}
                  question={q}
                  problem={problemOf(q.key)}
                  canEdit={canEdit}
                  first={i === 0}
                  last={i === inSection.length - 1}
                  onChange={(change) => update(q.key, change)}
                  onMove={(direction) => move(q.key, direction)}
                  onEdit={() => setEditing(q)}
                  onRemove={() => confirmRemove(q)}
                />
              ))}
            </Stack>
          </Stack>
        );
      })}

      {looseProblems.map(([key, message]) => (
        <Text key={key} size="sm" c="red.8">
          {message}
        </Text>
      ))}
      {save.isError && Object.keys(serverProblems).length === 0 && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
      {canEdit && (
        <Group justify="flex-end">
          {problemCount > 0 && (
            <Text size="sm" c="red.8">
              Los eerst {problemCount === 1 ? 'het probleem' : `de ${problemCount} problemen`} bij de vragen op.
            </Text>
          )}
          {dirty && (
            <Button variant="default" onClick={() => setQuestions(saved.questions)}>
              Wijzigingen ongedaan maken
            </Button>
          )}
          <Button
            leftSection={<IconDeviceFloppy size={18} />}
            disabled={!dirty || problemCount > 0}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            Opslaan als nieuwe versie
          </Button>
        </Group>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={shownEditing === 'new' ? 'Vraag toevoegen' : 'Vraag wijzigen'}
        size="lg"
      >
        {shownEditing !== null && (
          <QuestionForm
            question={shownEditing === 'new' ? null : shownEditing}
            onDone={(q) => {
              setQuestions((qs) => {
                if (shownEditing === 'new') {
                  const taken = new Set(qs.map((x) => x.key));
                  const added = { ...q, key: customKey(q.label, taken) };
                  // A new question goes at the end of its section.
                  const lastOfSection = qs.findLastIndex((x) => intakeSections.indexOf(x.section) <= intakeSections.indexOf(added.section));
                  return [...qs.slice(0, lastOfSection + 1), added, ...qs.slice(lastOfSection + 1)];
                }
                return qs.map((x) => (x.key === q.key ? q : x));
              });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

const moveButtonId = (key: string, direction: -1 | 1) => `vraag-${key}-${direction === -1 ? 'omhoog' : 'omlaag'}`;

function QuestionRow({
  question: q,
  problem,
  canEdit,
  first,
  last,
  onChange,
  onMove,
  onEdit,
  onRemove,
}: {
  question: Question;
  problem: string | undefined;
  canEdit: boolean;
  first: boolean;
  last: boolean;
  onChange(change: Partial<Question>): void;
  onMove(direction: -1 | 1): void;
  onEdit(): void;
  onRemove(): void;
}) {
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={q.label}
      data-testid="form-question"
      style={problem ? { borderColor: 'var(--mantine-color-red-6)' } : q.hidden ? { background: 'var(--mantine-color-gray-0)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} c={q.hidden ? 'dimmed' : undefined}>
              {q.label || '(zonder tekst)'}
            </Text>
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {kindLabels[q.kind]}
            </Badge>
            {!q.builtin && (
              <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
                eigen vraag
              </Badge>
            )}
            {q.hidden && (
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                verborgen
              </Badge>
            )}
          </Group>
          {q.help && (
            <Text size="sm" c="dimmed">
              {q.help}
            </Text>
          )}
          {q.kind === 'choice' && (
            <Text size="sm" c="dimmed">
              Keuzes: {q.options.filter((o) => o.trim()).join(' · ') || '—'}
            </Text>
          )}
          {q.locked && (
            <Text size="xs" c="dimmed">
              Vaste vraag: altijd verplicht en zichtbaar{q.required === 'from-12' ? ' (verplicht vanaf 12 jaar)' : ''}.
            </Text>
          )}
          {problem && (
            <Text size="sm" c="red.8" fw={500}>
              {problem}
            </Text>
          )}
        </Stack>
        <Group gap="md" wrap="nowrap">
          {/* The visible word is the same on every row: the name says which question it is for. */}
          <Switch
            label="Verplicht"
            aria-label={`Verplicht: ${q.label}`}
            checked={q.required !== false}
            disabled={!canEdit || q.locked}
            onChange={(e) => onChange({ required: e.currentTarget.checked })}
          />
          <Switch
            label="Tonen"
            aria-label={`Tonen: ${q.label}`}
            checked={!q.hidden}
            disabled={!canEdit || q.locked}
            onChange={(e) => onChange({ hidden: !e.currentTarget.checked })}
          />
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Omhoog">
              <ActionIcon
                id={moveButtonId(q.key, -1)}
                variant="subtle"
                aria-label={`"${q.label}" omhoog`}
                disabled={!canEdit || first}
                onClick={() => onMove(-1)}
              >
                <IconArrowUp size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Omlaag">
              <ActionIcon
                id={moveButtonId(q.key, 1)}
                variant="subtle"
                aria-label={`"${q.label}" omlaag`}
                disabled={!canEdit || last}
                onClick={() => onMove(1)}
              >
                <IconArrowDown size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
          {canEdit && !q.builtin ? (
            <Stack gap={0}>
              <Button size="compact-xs" variant="subtle" aria-label={`"${q.label}" wijzigen`} onClick={onEdit}>
                Wijzigen
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" aria-label={`"${q.label}" verwijderen`} onClick={onRemove}>
                Verwijderen
              </Button>
            </Stack>
          ) : (
            <div style={{ width: 76 }} />
          )}
        </Group>
      </Group>
    </Paper>
  );
}

interface QuestionValues {
  label: string;
  help: string;
  kind: CustomKind;
  section: IntakeSection;
  required: boolean;
  options: string;
}

function QuestionForm({ question, onDone }: { question: Question | null; onDone(q: Question): void }) {
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
        <Group justify="flex-end">
          <Button type="submit">{question ? 'Wijzigen' : 'Toevoegen'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
