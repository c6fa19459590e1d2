import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { IconArrowLeft, IconKeyboard } from '@tabler/icons-react';
import { format, parseISO } from 'date-fns';
import { Link } from 'react-router';
import { meetingStateLabels } from '../../../electron/features/agenda/vocabulary';
import { clockAfter } from '../../../electron/features/agenda/template';
import { weekdayLongDate } from '../../../electron/shared/dutch-dates';
import { today } from '../../../electron/shared/clock';
import { meetingDayQuestion } from '../../../electron/features/schedule/meeting-day';
import { base64ToBlob, downloadFile } from '../../components/download';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { SaveIndicator } from '../../components/SaveIndicator';
import { useAutosaveBoard, useAutosaveOverall } from '../../components/autosave';
import { stateColors } from './labels';
import { meetingParts, type MeetingPartProps } from './meeting-parts';
import { MeetingDetailsModal } from './MeetingModals';
import { refreshMeeting } from './queries';

/**
 * The meeting's title, times and people, and what can be done with it: the agenda's steps
 * (make, send, start, close, fix) and the buttons the later domains register.
 */
export function MeetingHeader({
  parts,
  onSent,
  onShortcuts,
}: {
  parts: MeetingPartProps;
  /** What "Agenda versturen" did, to be said plainly. */
  onSent(note: string): void;
  onShortcuts(): void;
}) {
  const { meeting: data, run } = parts;
  const m = data.meeting;
  const id = m.id;
  const mayEditMeeting = useMayCall('meetings.save');
  const queryClient = useQueryClient();
  const board = useAutosaveBoard();
  const overall = useAutosaveOverall();
  const [details, showDetails] = useDisclosure(false);
  const hasAgenda = data.items.length > 0;

  /** The draft to the mail program (desktop) or the Downloads folder (browser); then the agenda counts as sent. */
  const mailAgenda = async () => {
    const draft = await invoke('documents.agendaMail', { meetingId: id });
    let where: string;
    const opened = window.host?.openMailDraft ? await window.host.openMailDraft(draft.contentBase64) : null;
    if (opened?.ok) where = 'Hij staat open in je e-mailprogramma: kijk hem na en verstuur hem daar.';
    else {
      downloadFile(draft.fileName, base64ToBlob(draft.contentBase64, 'message/rfc822'));
      where =
        `${opened ? `${opened.message} ` : ''}Open het bestand ${draft.fileName} (in Downloads) met Outlook of Thunderbird, ` +
        'kijk hem na en verstuur hem daar.';
    }
    const count = draft.recipients.length;
    const missing = draft.withoutAddress.length;
    const made =
      count === 0
        ? 'Concept-e-mail gemaakt zonder geadresseerden'
        : `Concept-e-mail gemaakt voor ${count} ${count === 1 ? 'deelnemer' : 'deelnemers'}`;
    const without = missing === 0 ? '' : `; ${missing} zonder e-mailadres: ${draft.withoutAddress.join(', ')}`;
    if (m.progress === 'gepland') await invoke('agenda.setProgress', { meetingId: id, progress: 'agenda-verstuurd' });
    onSent(`${made}${without}. ${where} De agenda staat nu op verstuurd.`);
  };

  const send = () =>
    modals.openConfirmModal({
      title: 'Agenda versturen',
      children: (
        <Text size="sm">
          Zorgoverleg maakt een concept-e-mail aan de deelnemers met de agenda als bijlage (leerlingen met initialen); je verstuurt hem zelf
          vanuit je e-mailprogramma. Daarna ligt de agenda vast: wat nog verandert, wordt gemarkeerd als wijziging.
        </Text>
      ),
      labels: { confirm: 'Concept-e-mail maken', cancel: 'Annuleren' },
      onConfirm: () => run(mailAgenda),
    });

  /** Starting or closing a meeting far ahead of its date asks first (schedule/meeting-day.ts decides). */
  const step = (progress: 'bezig' | 'afgelopen', word: 'starten' | 'afronden') => {
    const go = () => run(() => invoke('agenda.setProgress', { meetingId: id, progress }));
    const question = meetingDayQuestion(m.date, today(), word);
    if (!question) return go();
    modals.openConfirmModal({
      title: word === 'starten' ? 'Overleg starten' : 'Overleg afronden',
      children: <Text size="sm">{question}</Text>,
      labels: { confirm: word === 'starten' ? 'Toch starten' : 'Toch afronden', cancel: 'Annuleren' },
      onConfirm: go,
    });
  };

  return (
    <>
      <Anchor component={Link} to="/overleggen" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Overleggen
        </Group>
      </Anchor>
      <Group justify="space-between" align="start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {m.title} {weekdayLongDate(m.date)}
            </Title>
            <Badge color={stateColors[m.state]} variant={m.state === 'bezig' ? 'filled' : 'light'} size="lg">
              {meetingStateLabels[m.state]}
            </Badge>
          </Group>
          <Text c="dimmed">
            {m.startTime}–{clockAfter(m.startTime, m.durationMinutes)}
            {m.location ? ` · ${m.location}` : ''}
            {m.chair ? ` · voorzitter ${m.chair.code} (${m.chair.name})` : ''}
            {m.secretary ? ` · notulist ${m.secretary.code} (${m.secretary.name})` : ''}
          </Text>
          {m.minutesFixedAt && <Text size="sm">Notulen vastgesteld op {format(parseISO(m.minutesFixedAt), 'dd-MM-yyyy')}</Text>}
        </Stack>
        <Stack gap="xs" align="end">
          <Group gap="xs" wrap="nowrap">
            {!hasAgenda && data.canEditAgenda && (
              <Button onClick={() => run(() => invoke('agenda.create', { meetingId: id }))}>Agenda maken</Button>
            )}
            {hasAgenda && (m.progress === 'gepland' || m.progress === 'agenda-verstuurd') && data.canEditAgenda && (
              // Again after it was sent: someone was added to the invite list, or the first mail went astray.
              <Button variant="default" onClick={send}>
                {m.progress === 'gepland' ? 'Agenda versturen' : 'Agenda opnieuw versturen'}
              </Button>
            )}
            {(m.progress === 'gepland' || m.progress === 'agenda-verstuurd') && hasAgenda && data.canEditAgenda && (
              <Button onClick={() => step('bezig', 'starten')}>Overleg starten</Button>
            )}
            {m.progress === 'bezig' && data.canEditAgenda && (
              <Button color="orange" onClick={() => step('afgelopen', 'afronden')}>
                Overleg afronden
              </Button>
            )}
            {m.progress === 'afgelopen' && !m.minutesFixedAt && data.canFix && (
              <>
                <Button variant="default" onClick={() => run(() => invoke('agenda.setProgress', { meetingId: id, progress: 'bezig' }))}>
                  Heropenen
                </Button>
                <Button onClick={() => run(() => invoke('minutes.fix', { meetingId: id, atMeetingId: null }))}>Notulen vaststellen</Button>
              </>
            )}
            {meetingParts().map(({ Buttons }, i) => Buttons && <Buttons key={i} {...parts} />)}
            {mayEditMeeting && !m.minutesFixedAt && (
              <Button variant="subtle" onClick={showDetails.open}>
                Gegevens wijzigen
              </Button>
            )}
          </Group>
          <Group gap="md">
            {data.canEditMinutes ? (
              <SaveIndicator state={overall} onRetry={() => void board.flushAll()} />
            ) : (
              <Text size="sm" c="dimmed">
                {m.minutesFixedAt ? 'Vastgesteld: alleen te lezen, aan te vullen met een aanvulling' : 'Alleen te lezen'}
              </Text>
            )}
            <Button variant="subtle" size="compact-sm" leftSection={<IconKeyboard size={16} />} onClick={onShortcuts}>
              Sneltoetsen (?)
            </Button>
          </Group>
        </Stack>
      </Group>
      <MeetingDetailsModal
        meeting={m}
        opened={details}
        onClose={() => {
          showDetails.close();
          void refreshMeeting(queryClient, id);
        }}
      />
    </>
  );
}
