import { Alert, Badge, Button, Checkbox, Divider, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconLock, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { agendaChangeLabels, caseOriginLabels, guestKindLabels } from '../../../electron/features/agenda/vocabulary';
import { caseFields, infoField, infoPrefix, notesField } from '../../../electron/features/minutes/rules';
import { decisionLabels, decisionTypes, type DecisionType } from '../../../electron/features/minutes/vocabulary';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { meetingLabel } from '../../components/meeting-label';
import type { AgendaItem, MeetingMinutes, MinuteFieldView } from '../agenda/queries';
import { refreshMeeting } from '../agenda/queries';
import { useStaff } from '../people/queries';
import { useSeries } from '../schedule/queries';
import { ActionEditor } from './ActionEditor';
import { CarriedActions } from './CarriedActions';
import { MinuteField } from './MinuteField';

// On screen the decision's paragraph is named apart from the "Soort besluit" select above it.
const fieldLabels = new Map(caseFields.map((f) => [f.key, f.key === 'besluit' ? 'Besluit (toelichting)' : f.label]));

/** The decision of a case and whether it is taken; stored at once. */
function DecisionControl({ item, meeting, editable }: { item: AgendaItem; meeting: MeetingMinutes; editable: boolean }) {
  const meetingId = meeting.meeting.id;
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const series = useSeries();
  // Where a referral can go: every other active series; the FlexZAT, ZAT and MDO first.
  const targets = (series.data ?? [])
    .filter((s) => s.active && s.id !== meeting.meeting.seriesId)
    .sort(
      (a, b) =>
        Number(!/^(flexzat|zat|mdo)$/i.test(a.kind)) - Number(!/^(flexzat|zat|mdo)$/i.test(b.kind)) || a.name.localeCompare(b.name, 'nl'),
    );
  /** Sends only what the control changed: the rest stays as stored, whatever this screen last read. */
  const set = async (change: { decision?: DecisionType | null; decided?: boolean; referralSeriesId?: string }) => {
    try {
      await invoke('minutes.setDecision', { itemId: item.id, ...change });
      setError(null);
      await refreshMeeting(queryClient, meetingId);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Stack gap={4}>
      <Group align="end" gap="md">
        <Select
          label="Soort besluit"
          placeholder="Typ of kies het soort besluit"
          data={decisionTypes.map((d) => ({ value: d, label: decisionLabels[d] }))}
          value={item.decision}
          onChange={(v) => void set({ decision: v as DecisionType | null })}
          readOnly={!editable}
          // Typing filters ("door" finds Doorverwijzen) and Enter takes the highlighted option, not the first of the whole list.
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage="Geen soort besluit gevonden"
          clearable
          w={360}
        />
        {item.decision === 'doorverwijzen-overleg' && targets.length > 0 && (
          <Select
            label="Naar welk overleg"
            placeholder="Kies het overleg"
            data={targets.map((t) => ({ value: t.id, label: t.name }))}
            value={item.referralSeriesId}
            onChange={(v) => v && void set({ decision: 'doorverwijzen-overleg', referralSeriesId: v })}
            readOnly={!editable}
            error={
              (error instanceof ApiError ? error.fields.referralSeriesId : undefined) ??
              (item.referralSeriesId === null && editable ? 'Kies het overleg: anders komt de verwijzing nergens aan.' : undefined)
            }
            w={220}
          />
        )}
        <Checkbox
          label="Besloten (Alt+B)"
          checked={item.decided}
          disabled={!editable}
          onChange={(e) => void set({ decided: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      {item.decision === 'doorverwijzen-overleg' && targets.length === 0 && series.data && (
        <Text size="xs" c="dimmed">
          Er is geen ander overleg in het jaarrooster om naar door te verwijzen; de verwijzing staat alleen in de notulen.
        </Text>
      )}
      {item.decision === 'doorverwijzen-overleg' && item.referralSeriesId && (
        <Text size="xs" c="dimmed">
          {item.studentId ? 'De leerling' : 'Deze casus'} staat als voorstel klaar bij het volgende{' '}
          {targets.find((t) => t.id === item.referralSeriesId)?.name ?? 'overleg'}, met de vraag en het besluit.
        </Text>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}

/**
 * The minutes of one agenda item: for a case the structured paragraphs (question, new information
 * per person, discussion, decision, who informs, response), the decision, the actions and the
 * student's open actions from earlier; for other items their notes.
 */
export function ItemMinutes({
  meeting,
  item,
  focusActionId,
  focusFirstField,
  onNewAction,
}: {
  meeting: MeetingMinutes;
  item: AgendaItem;
  focusActionId: string | null;
  focusFirstField: boolean;
  onNewAction(): void;
}) {
  const queryClient = useQueryClient();
  const staff = useStaff();
  const editable = meeting.canEditMinutes && item.change !== 'vervallen';
  const [extraInfo, setExtraInfo] = useState<string[]>([]);
  const [fixError, setFixError] = useState<unknown>(null);
  const isCase = item.kind === 'casus';
  const byField = new Map(item.fields.map((f) => [f.field, f]));

  const personName = (person: string) => {
    if (person === 'ouders') return 'Ouders';
    if (person === 'leerling') return 'Leerling';
    const attendee = meeting.attendees.find((a) => a.person === person);
    if (attendee) return attendee.code ? `${attendee.code} — ${attendee.name}` : attendee.name;
    const s = staff.data?.find((x) => `staff:${x.id}` === person);
    return s ? `${s.code} — ${s.name}` : 'onbekend';
  };
  const infoFields: MinuteFieldView[] = [
    ...item.fields.filter((f) => f.field.startsWith(infoPrefix)),
    ...extraInfo
      .filter((k) => !byField.has(k))
      .map((k) => ({ field: k, text: '', audience: 'intern' as const, revision: 0, updatedBy: null, updatedAt: null })),
  ];
  const taken = infoFields.map((f) => f.field).join('|');
  // Stable between renders (see holder options), recomputed when attendees or paragraphs change.
  const infoChoices = useMemo(
    () =>
      [
        ...meeting.attendees.map((a) => ({ value: a.person, label: a.code ? `${a.code} — ${a.name}` : a.name })),
        { value: 'ouders', label: 'Ouders' },
        { value: 'leerling', label: 'Leerling' },
      ].filter((c) => !taken.split('|').includes(infoField(c.value))),
    [meeting.attendees, taken],
  );

  const fix = async (toFix: NonNullable<MeetingMinutes['toFix']>) => {
    try {
      await invoke('minutes.fix', { meetingId: toFix.id, atMeetingId: meeting.meeting.id });
      setFixError(null);
      await refreshMeeting(queryClient, meeting.meeting.id);
    } catch (err) {
      setFixError(err);
    }
  };

  const field = (key: string, autoFocus = false) => {
    const view = byField.get(key);
    return view ? (
      <MinuteField
        key={key}
        meetingId={meeting.meeting.id}
        itemId={item.id}
        studentId={item.studentId}
        field={view}
        label={fieldLabels.get(key) ?? notesField.label}
        editable={editable}
        autoFocus={autoFocus}
      />
    ) : null;
  };

  return (
    <Stack gap="md" aria-label={`Agendapunt ${item.number ?? ''} ${item.title}`} role="region">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h3">
            {item.number !== null ? `${item.number}. ` : ''}
            {item.title}
          </Title>
          {item.className && <Badge variant="light">{item.className}</Badge>}
          {item.confidential && (
            <Badge color="dark" leftSection={<IconLock size={12} />}>
              Vertrouwelijk
            </Badge>
          )}
          {item.origin && <Badge variant="outline">{caseOriginLabels[item.origin]}</Badge>}
          {item.change && <Badge color={item.change === 'vervallen' ? 'gray' : 'orange'}>{agendaChangeLabels[item.change]}</Badge>}
          {item.consent?.state === 'ok' && (
            <Badge color="green" variant="light" leftSection={<IconShieldCheck size={12} />} style={{ textTransform: 'none' }}>
              {item.consent.label}
            </Badge>
          )}
          {item.decided && <Badge color="teal">Besloten</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {item.start ? `${item.start} · ` : ''}
          {item.durationMinutes} min
          {item.presenter ? ` · inbrenger ${item.presenter.code} (${item.presenter.name})` : ''}
          {item.guests.length > 0
            ? ` · gasten: ${item.guests.map((g) => `${g.name} (${guestKindLabels[g.kind].toLowerCase()})`).join(', ')}`
            : ''}
        </Text>
        {item.studentId && (
          <Text size="sm">
            <Link to={`/leerlingen/${item.studentId}`}>Leerlingdossier van {item.caseName}</Link>
            {item.referredFrom && (
              <>
                {' · '}
                <Link to={`/overleggen/${item.referredFrom.meetingId}`}>
                  Doorverwezen vanuit {meetingLabel({ title: item.referredFrom.meetingTitle, date: item.referredFrom.meetingDate })}
                </Link>
              </>
            )}
            {item.intakeId && (
              <>
                {' · '}
                <Link to={`/aanmeldingen/${item.intakeId}`}>Aanmeldformulier</Link>
              </>
            )}
          </Text>
        )}
        {item.consent && item.consent.state !== 'intern' && item.consent.state !== 'ok' && (
          <Alert
            color={item.consent.blocking ? 'red' : 'yellow'}
            variant="light"
            icon={<IconAlertTriangle />}
            title={item.consent.blocking ? 'Toestemming ontbreekt' : 'Toestemming'}
          >
            {item.consent.label}
          </Alert>
        )}
      </Stack>

      {isCase ? (
        <>
          {field('vraag', focusFirstField)}
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Nieuwe informatie
            </Text>
            {infoFields.map((f) => (
              <MinuteField
                key={f.field}
                meetingId={meeting.meeting.id}
                itemId={item.id}
                studentId={item.studentId}
                field={f}
                label={personName(f.field.slice(infoPrefix.length))}
                editable={editable}
                autoFocus={extraInfo.at(-1) === f.field}
              />
            ))}
            {editable && infoChoices.length > 0 && (
              <Select
                aria-label="Inbreng toevoegen van"
                placeholder="+ Inbreng van… (typ een code)"
                data={infoChoices}
                value={null}
                onChange={(v) => v && setExtraInfo((list) => [...list, infoField(v)])}
                searchable
                selectFirstOptionOnChange
                w={320}
              />
            )}
          </Stack>
          {field('bespreking')}
          <DecisionControl item={item} meeting={meeting} editable={editable} />
          {field('besluit')}
          {field('informeren')}
          {field('reactie')}
        </>
      ) : (
        field('notities', focusFirstField)
      )}

      {item.kind === 'volgende-overleg' && (
        <Text size="sm">
          {meeting.next ? (
            <>
              Volgend overleg: <Link to={`/overleggen/${meeting.next.id}`}>{meetingLabel(meeting.next)}</Link>
            </>
          ) : (
            'Er is nog geen volgend overleg van deze reeks gepland.'
          )}
        </Text>
      )}

      {item.kind === 'notulen' && meeting.toFix && (
        <Alert color="blue" variant="light" title="Notulen ter vaststelling">
          <Stack gap="xs">
            <Text size="sm">
              De notulen van {meetingLabel(meeting.toFix)} zijn nog niet vastgesteld. Na vaststellen zijn ze alleen nog aan te vullen.
            </Text>
            <Group gap="xs">
              <Button size="xs" component={Link} to={`/overleggen/${meeting.toFix.id}`} variant="default">
                Notulen bekijken
              </Button>
              {meeting.canFix && (
                <Button size="xs" onClick={() => void fix(meeting.toFix!)}>
                  Notulen vaststellen
                </Button>
              )}
            </Group>
            {fixError !== null && <ErrorAlert error={fixError} />}
          </Stack>
        </Alert>
      )}

      {(isCase || item.kind === 'actiepunten' || item.actions.length > 0) && (
        <>
          <Divider />
          <Group justify="space-between">
            <Text fw={600}>Acties</Text>
            {editable && (
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onNewAction}>
                Nieuwe actie (Alt+A)
              </Button>
            )}
          </Group>
          <ActionEditor actions={item.actions} meetingId={meeting.meeting.id} editable={editable} focusId={focusActionId} />
        </>
      )}
      {item.kind === 'actiepunten' && meeting.olderSeriesActions > 0 && meeting.meeting.seriesId && (
        <Text size="sm" c="dimmed">
          Daarnaast staan er nog{' '}
          {meeting.olderSeriesActions === 1 ? '1 oudere open actie' : `${meeting.olderSeriesActions} oudere open acties`} van deze reeks
          open: <Link to={`/acties?overleg=${meeting.meeting.seriesId}`}>bekijk ze onder Acties</Link>.
        </Text>
      )}
      <CarriedActions
        actions={item.carried}
        meetingId={meeting.meeting.id}
        title={item.kind === 'actiepunten' ? 'Open acties uit eerdere overleggen' : 'Open acties van deze leerling'}
      />
    </Stack>
  );
}
