import { Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formProblems, intakeSections, type IntakeQuestion } from '../../../electron/features/intake/form';
import { ApiError, invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLastValue } from '../../components/useLastValue';
import { customKey, moveButtonId, type Question, type SavedForm } from './intake-questions';
import { QuestionForm } from './IntakeQuestionForm';
import { QuestionRow } from './IntakeQuestionRow';

const intakeFormKey = ['intakeForm'] as const;

/** The school's aanmeldformulier: order, required and shown per question, and the school's own questions. */
export function IntakeFormEditor() {
  const form = useQuery({ queryKey: intakeFormKey, queryFn: () => invoke('intakeForm.get', {}) });
  if (form.isPending) return <Loader aria-label="Laden" />;
  if (form.isError) return <ErrorAlert error={form.error} />;
  // A new version starts from what the backend stored.
  return <Editor key={form.data.version} saved={form.data} />;
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
