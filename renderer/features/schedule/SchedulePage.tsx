import { Button, Group, Loader, Menu, Modal, Select, Stack, Tabs, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconCalendarPlus, IconCalendarRepeat, IconChevronDown, IconDownload, IconFileTypeDocx } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/app/contract';
import { schoolYearOf } from '../../../electron/features/schedule/vocabulary';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { RoleGate } from '../../components/RoleGate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { base64ToBlob, downloadFile } from '../../components/download';
import { DaysOffPanel } from './DaysOffPanel';
import { MeetingForm } from './MeetingForm';
import { MeetingsTable } from './MeetingsTable';
import { PlanYearModal } from './PlanYearModal';
import { useScheduleOverview } from './queries';
import { SeriesPanel } from './SeriesPanel';
import { YearGrid } from './YearGrid';
import { EditModal } from '../../components/EditModal';

type Meeting = MethodOutput<'schedule.overview'>['meetings'][number];

/** Jaarrooster: the coordinator plans the school year's meetings around holidays here. */
export function SchedulePage() {
  const today = format(new Date(), 'yyyy-MM-dd');
  const [schoolYear, setSchoolYear] = useState(() => schoolYearOf(today));
  const overview = useScheduleOverview(schoolYear);
  const [planning, setPlanning] = useState(false);
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  // Planning is the coordinator's (the roles table); the others see the year.
  const mayPlanMeetings = useMayCall('meetings.save');
  const mayPlanYear = useMayCall('schedule.applyYear');
  const edit = mayPlanMeetings ? setEditing : null;
  const exportIcs = useMutation({
    mutationFn: (seriesId: string | null) => invoke('schedule.exportIcs', { schoolYear, seriesId }),
    onSuccess: ({ fileName, content }) => downloadFile(fileName, new Blob([content], { type: 'text/calendar' })),
    onError: (err) => notifications.show({ color: 'red', title: 'Niet geëxporteerd', message: err.message }),
  });
  const exportDocx = useMutation({
    mutationFn: () => invoke('schedule.exportDocx', { schoolYear }),
    onSuccess: ({ fileName, contentBase64 }) =>
      downloadFile(fileName, base64ToBlob(contentBase64, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    onError: (err) => notifications.show({ color: 'red', title: 'Niet geëxporteerd', message: err.message }),
  });
  const data = overview.data;
  const upcoming = data?.meetings.filter((m) => m.date >= today) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Group>
          <Title order={1}>Jaarrooster</Title>
          <Select
            aria-label="Schooljaar"
            data={data?.schoolYears ?? [schoolYear]}
            value={schoolYear}
            onChange={(v) => v && setSchoolYear(v)}
            allowDeselect={false}
            w={140}
          />
        </Group>
        <Group>
          <RoleGate method="meetings.save" may={mayPlanMeetings}>
            {(refused) => (
              <Button variant="light" leftSection={<IconCalendarPlus size={18} />} onClick={() => setEditing('new')} disabled={refused}>
                Overleg toevoegen
              </Button>
            )}
          </RoleGate>
          <RoleGate method="schedule.applyYear" may={mayPlanYear}>
            {(refused) => (
              <Button leftSection={<IconCalendarRepeat size={18} />} onClick={() => setPlanning(true)} disabled={refused || !data}>
                Jaar plannen
              </Button>
            )}
          </RoleGate>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} />} loading={exportIcs.isPending || exportDocx.isPending}>
                Exporteren
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Agenda (.ics, Outlook en Google)</Menu.Label>
              <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => exportIcs.mutate(null)}>
                Alle overleggen
              </Menu.Item>
              {data?.series.map((s) => (
                <Menu.Item key={s.id} leftSection={<IconDownload size={16} />} onClick={() => exportIcs.mutate(s.id)}>
                  Alleen {s.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item leftSection={<IconFileTypeDocx size={16} />} onClick={() => exportDocx.mutate()}>
                Jaarrooster als Word-document
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {overview.isPending && <Loader aria-label="Laden" />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {data && (
        <Tabs defaultValue="year" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="year">Jaaroverzicht</Tabs.Tab>
            <Tabs.Tab value="meetings">Alle overleggen ({data.meetings.length})</Tabs.Tab>
            <Tabs.Tab value="series">Overlegvormen</Tabs.Tab>
            <Tabs.Tab value="daysOff">Vakanties en vrije dagen</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="year" pt="lg">
            <Stack gap="xl">
              <YearGrid overview={data} onMeetingClick={(m) => edit?.(m)} />
              <Stack gap="sm">
                <Title order={2}>Komende overleggen</Title>
                <MeetingsTable meetings={upcoming.slice(0, 10)} onEdit={edit} />
              </Stack>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="meetings" pt="lg">
            <MeetingsTable meetings={data.meetings} onEdit={edit} />
          </Tabs.Panel>
          <Tabs.Panel value="series" pt="lg">
            <SeriesPanel />
          </Tabs.Panel>
          <Tabs.Panel value="daysOff" pt="lg">
            <DaysOffPanel overview={data} />
          </Tabs.Panel>
        </Tabs>
      )}
      <Modal opened={planning} onClose={() => setPlanning(false)} title={`Jaar plannen: ${schoolYear}`} size="xl">
        {data && planning && <PlanYearModal overview={data} onDone={() => setPlanning(false)} />}
      </Modal>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ add: 'Overleg toevoegen', edit: 'Overleg wijzigen' }}
        size="lg"
      >
        {(meeting) => <MeetingForm meeting={meeting} onDone={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}
