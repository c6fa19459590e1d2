import { Anchor, Input, Select, SimpleGrid, Text } from '@mantine/core';
import { format } from 'date-fns';
import { Link } from 'react-router';
import { dateProblem } from '../../../electron/shared/date-rules';
import { deadlineDate } from '../../../electron/shared/dutch-dates';
import { DateField } from '../../components/DateField';
import { useStaff } from '../people/queries';
import { meetingOptionLabel } from './labels';
import { useMeetingOptions, type IntakeDetail, type MeetingOption } from './queries';
import { fieldId } from './QuestionField';
import type { Draft } from './useIntakeDraft';

/** Who refers, when, which student, and for which meeting. */
export function AanmeldingSection({
  intake,
  draft,
  errors,
  readOnly,
  onChange,
}: {
  intake: IntakeDetail;
  draft: Draft;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange(key: 'referrerId' | 'referredOn' | 'meetingId', patch: Partial<Draft>): void;
}) {
  const staff = useStaff();
  const options = useMeetingOptions(intake.seriesId);
  const today = format(new Date(), 'yyyy-MM-dd');
  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active || s.id === draft.referrerId)
    .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  const meetings: MeetingOption[] = [...(options.data?.meetings ?? [])];
  // The meeting saved earlier stays choosable even when it is past or of another series.
  if (intake.meeting && !meetings.some((m) => m.id === intake.meeting!.id)) {
    meetings.unshift({
      ...intake.meeting,
      seriesId: intake.seriesId,
      deadlinePassed: !!intake.meeting.intakeDeadline && intake.meeting.intakeDeadline < today,
    });
  }
  const chosen = meetings.find((m) => m.id === draft.meetingId);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
      <Select
        id={fieldId('referrerId')}
        label="Aanmelder"
        required
        searchable
        readOnly={readOnly}
        variant={readOnly ? 'filled' : 'default'}
        data={staffOptions}
        value={draft.referrerId}
        onChange={(v) => onChange('referrerId', { referrerId: v })}
        error={errors.referrerId}
        nothingFoundMessage="Geen medewerker gevonden"
      />
      <DateField
        id={fieldId('referredOn')}
        label="Datum van aanmelding"
        required
        readOnly={readOnly}
        variant={readOnly ? 'filled' : 'default'}
        maxDate={today}
        value={draft.referredOn}
        // The draft saves itself: only a real date (or none) goes in; what cannot be read stays in the field with its message.
        onChange={(v) => (v === null || dateProblem(v, 'Datum van aanmelding') === null) && onChange('referredOn', { referredOn: v ?? '' })}
        error={errors.referredOn}
      />
      <Input.Wrapper label="Leerling" labelElement="div">
        <Text mt={4}>
          {intake.studentId ? (
            <Anchor component={Link} to={`/leerlingen/${intake.studentId}`}>
              {intake.caseName}
              {intake.className && ` (${intake.className})`}
            </Anchor>
          ) : (
            `${intake.caseName} (anoniem)`
          )}
        </Text>
      </Input.Wrapper>
      <Select
        id={fieldId('meetingId')}
        label="Overleg"
        required
        readOnly={readOnly}
        variant={readOnly ? 'filled' : 'default'}
        placeholder={options.isPending ? 'Laden…' : meetings.length === 0 ? 'Er is geen overleg gepland' : 'Kies het overleg'}
        data={meetings.map((m) => ({ value: m.id, label: meetingOptionLabel(m, today) }))}
        value={draft.meetingId}
        onChange={(v) => onChange('meetingId', { meetingId: v })}
        error={errors.meetingId}
        description={chosen && <DeadlineNote meeting={chosen} today={today} />}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

function DeadlineNote({ meeting, today }: { meeting: MeetingOption; today: string }) {
  if (!meeting.intakeDeadline) return <>Geen aanmeldtermijn.</>;
  const note = meeting.intakeDeadlineNote ? ` (${meeting.intakeDeadlineNote})` : '';
  if (meeting.deadlinePassed) {
    return (
      <Text span size="xs" c="orange.9">
        De aanmeldtermijn liep tot {deadlineDate(meeting.intakeDeadline, today)}
        {note}: deze aanmelding komt te laat binnen.
      </Text>
    );
  }
  return (
    <>
      Aanmelden t/m {deadlineDate(meeting.intakeDeadline, today)}
      {note}
      {meeting.withPartners ? ' · met externe partners: toestemming nodig' : ''}
    </>
  );
}
