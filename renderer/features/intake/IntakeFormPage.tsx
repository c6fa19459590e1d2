import { Alert, Anchor, Box, Breadcrumbs, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle, IconArrowBackUp, IconSend, IconTrash } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isRequired } from '../../../electron/features/intake/form';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AttachmentList } from '../files/AttachmentList';
import { AanmeldingSection } from './AanmeldingSection';
import { submitProblems } from '../../../electron/features/intake/form';
import { fieldErrors, fieldOrder, visibleSections } from './checks';
import { ConsentGate, RefusedAlert } from './ConsentGate';
import { DecisionPanel } from './DecisionPanel';
import { meetingLabel } from '../../components/meeting-label';
import { missingSummary } from './labels';
import { intakesKey, refreshIntakes, useIntake, useMeetingOptions, type IntakeDetail } from './queries';
import { fieldId, QuestionField } from './QuestionField';
import { SaveIndicator } from '../../components/SaveIndicator';
import { LateBadge, StatusBadge } from './StatusBadge';
import { useIntakeDraft, type Draft } from './useIntakeDraft';

/** /aanmeldingen/:id — the aanmeldformulier of one case. */
export function IntakeFormPage() {
  const { id = '' } = useParams();
  const intake = useIntake(id);
  if (intake.isPending) return <Loader aria-label="Laden" />;
  if (intake.isError) {
    return (
      <Stack>
        <ErrorAlert error={intake.error} />
        <Anchor component={Link} to="/aanmeldingen">
          Naar aanmeldingen
        </Anchor>
      </Stack>
    );
  }
  // One editor per intake: its local copy never carries over to another case.
  return <IntakeForm key={id} intake={intake.data} />;
}

function IntakeForm({ intake }: { intake: IntakeDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const editor = useIntakeDraft(intake);
  const { draft } = editor;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const meetings = useMeetingOptions(intake.seriesId);
  const readOnly = !intake.canEdit || submitting;
  const errorCount = Object.keys(errors).length;
  // A refused autosave (e.g. "Maximaal 20.000 tekens.") also shows next to its field, until a save succeeds.
  const shownErrors = editor.saveState.kind === 'failed' ? { ...fieldErrors(editor.saveState.error), ...errors } : errors;
  // Once handed in, what consent still lacks is the next thing to settle: it moves up.
  const gateOnTop = intake.gate.length > 0 && (intake.status === 'ingediend' || intake.status === 'geaccepteerd');

  const clearError = (key: string) =>
    setErrors((current) => {
      if (!(key in current)) return current;
      const { [key]: _removed, ...rest } = current;
      return rest;
    });
  const change = (key: string, patch: Partial<Draft>) => {
    clearError(key);
    editor.update(patch);
  };

  function showProblems(fields: Record<string, string>) {
    setErrors(fields);
    const first = fieldOrder(intake.questions).find((k) => k in fields) ?? Object.keys(fields)[0];
    // After the messages are drawn: bring the first field into view and put the cursor there.
    requestAnimationFrame(() => {
      const element = first ? document.getElementById(fieldId(first)) : null;
      element?.scrollIntoView({ block: 'center' });
      element?.focus({ preventScroll: true });
    });
  }

  async function handIn() {
    setSubmitError(null);
    const today = format(new Date(), 'yyyy-MM-dd');
    const meetingDate =
      meetings.data?.meetings.find((m) => m.id === draft.meetingId)?.date ??
      (intake.meeting?.id === draft.meetingId ? intake.meeting.date : null);
    const problems = submitProblems(intake.questions, draft, intake.studentAge, meetingDate, today);
    if (Object.keys(problems).length > 0) return showProblems(problems);
    setSubmitting(true);
    try {
      await editor.submit();
      setErrors({});
      await refreshIntakes(queryClient);
      notifications.show({ color: 'teal', message: 'Aanmelding ingediend' });
    } catch (error) {
      const fields = fieldErrors(error);
      if (error instanceof ApiError && error.code === 'INCOMPLETE' && Object.keys(fields).length > 0) showProblems(fields);
      else if (!(error instanceof ApiError && error.code === 'CONFLICT')) setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  }

  const confirmRemove = () =>
    modals.openConfirmModal({
      title: 'Concept verwijderen',
      children: <Text>Het concept van de aanmelding van {intake.caseName} wordt verwijderd, met de bijlagen.</Text>,
      labels: { confirm: 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const undo = editor.discard();
        try {
          await invoke('intakes.remove', { id: intake.id });
          notifications.show({ color: 'teal', message: 'Concept verwijderd' });
          // Lists read afresh, so the removed concept does not show for a moment from the cache.
          queryClient.removeQueries({ queryKey: [...intakesKey, 'list'] });
          navigate('/aanmeldingen');
          queryClient.removeQueries({ queryKey: [...intakesKey, 'detail', intake.id] });
        } catch (error) {
          undo();
          notifications.show({
            color: 'red',
            title: 'Niet verwijderd',
            message: error instanceof Error ? error.message : 'Er ging iets mis.',
          });
        }
      },
    });

  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to="/aanmeldingen">
          Aanmeldingen
        </Anchor>
        <Text>{intake.caseName}</Text>
      </Breadcrumbs>

      {/* Sticky: the save state, Indienen and what went wrong stay in view while the user works down the form. */}
      <Box
        pos="sticky"
        top="var(--app-shell-header-height, 60px)"
        bg="var(--mantine-color-body)"
        py="sm"
        style={{ zIndex: 5, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" align="center" gap="sm">
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={1}>{intake.caseName}</Title>
              <StatusBadge status={intake.status} size="lg" />
              {intake.late && <LateBadge size="lg" />}
            </Group>
            <Text size="sm" c="dimmed">
              Aanmelding{intake.className && ` · klas ${intake.className}`}
              {intake.meeting && ` · ${meetingLabel(intake.meeting)}`}
            </Text>
          </Stack>
          <Group gap="sm">
            {intake.canEdit && <SaveIndicator state={editor.saveState} onRetry={() => void editor.save()} />}
            {intake.canRemove && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} onClick={confirmRemove}>
                Concept verwijderen
              </Button>
            )}
            {intake.canEdit && (
              <Button leftSection={<IconSend size={18} />} loading={submitting} onClick={() => void handIn()}>
                {intake.status === 'teruggestuurd' ? 'Opnieuw indienen' : 'Indienen'}
              </Button>
            )}
          </Group>
        </Group>
        {(editor.saveState.kind === 'conflict' || editor.saveState.kind === 'failed' || errorCount > 0 || submitError !== null) && (
          <Stack gap="xs" mt="sm">
            {editor.saveState.kind === 'conflict' && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} title="Niet opgeslagen: iemand anders was eerder" role="alert">
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{editor.saveState.error instanceof Error ? editor.saveState.error.message : ''}</Text>
                  <Button size="xs" variant="light" color="red" onClick={() => void editor.loadLatest()}>
                    Nieuwste versie laden
                  </Button>
                </Stack>
              </Alert>
            )}
            {editor.saveState.kind === 'failed' && <ErrorAlert error={editor.saveState.error} title="Niet opgeslagen" />}
            {errorCount > 0 && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} title={missingSummary(errorCount)} role="alert" py="xs">
                De velden staan hieronder in rood. Wat je al hebt ingevuld, is bewaard.
              </Alert>
            )}
            {submitError !== null && <ErrorAlert error={submitError} title="Niet ingediend" />}
          </Stack>
        )}
      </Box>

      {intake.status === 'teruggestuurd' && intake.returnReason && (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp />}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={700} size="sm">
              Teruggestuurd:
            </Text>{' '}
            {intake.returnReason}
          </Text>
        </Alert>
      )}
      <RefusedAlert intake={intake} />
      {intake.canDecide && <DecisionPanel intake={intake} />}
      {gateOnTop && (
        <FormCard title="Toestemming">
          <ConsentGate intake={intake} />
        </FormCard>
      )}

      <FormCard title="Aanmelding" onBlur={() => void editor.save()}>
        <AanmeldingSection intake={intake} draft={draft} errors={shownErrors} readOnly={readOnly} onChange={change} />
      </FormCard>

      {visibleSections(intake.questions).map(({ section, questions }) => (
        <FormCard key={section} title={section} onBlur={() => void editor.save()}>
          {questions.map((q) => (
            <QuestionField
              key={q.key}
              question={q}
              value={draft.answers[q.key]}
              required={isRequired(q, intake.studentAge)}
              error={shownErrors[q.key]}
              readOnly={readOnly}
              onChange={(value) => {
                clearError(q.key);
                editor.setAnswer(q.key, value);
              }}
            />
          ))}
        </FormCard>
      ))}

      <FormCard title="Bijlagen">
        <AttachmentList
          owner={{ intakeId: intake.id }}
          items={intake.attachments}
          readOnly={!intake.canEdit && !(intake.canDecide && intake.status !== 'afgesloten')}
          onChanged={() => void refreshIntakes(queryClient)}
        />
      </FormCard>

      {!gateOnTop && (
        <FormCard title="Toestemming">
          <ConsentGate intake={intake} />
        </FormCard>
      )}
    </Stack>
  );
}

function FormCard({ title, children, onBlur }: { title: string; children: ReactNode; onBlur?(): void }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title} onBlur={onBlur}>
      <Title order={2} size="h3" mb="md">
        {title}
      </Title>
      <Stack gap="lg">{children}</Stack>
    </Card>
  );
}
