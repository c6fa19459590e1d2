import { Badge, Box, Group } from '@mantine/core';
import type { MethodOutput } from '../../../electron/app/contract';
import { InactiveBadge, RecordList } from '../../components/RecordList';
import { useMayCall } from '../../api/session';
import { seriesColor, weekdayOptions } from './labels';
import { useSeries } from './queries';
import { SeriesForm } from './SeriesForm';

type Series = MethodOutput<'series.list'>[number];

function rhythm(s: Series): string {
  if (s.intervalWeeks === null) return `op afspraak, ${s.startTime}`;
  const day = weekdayOptions.find((w) => w.value === String(s.weekday))?.label ?? '';
  return `${s.intervalWeeks === 1 ? 'elke week' : `elke ${s.intervalWeeks} weken`} op ${day} ${s.startTime}`;
}

/** The meeting series (overlegvormen) of the school. */
export function SeriesPanel() {
  const series = useSeries();
  const editable = useMayCall('series.save');
  return (
    <RecordList
      editable={editable}
      noun="Overlegvorm"
      label="Overlegvormen"
      intro="IOT, ZAT, OT, FlexZAT, MDO of eigen overlegvormen, elk met een eigen ritme en vaste deelnemers."
      records={series.data}
      query={series}
      empty="Er zijn nog geen overlegvormen. Voeg bijvoorbeeld het IOT toe."
      rowKey={(s) => s.id}
      name={(s) => s.name}
      columns={[
        {
          header: 'Naam',
          cell: (s) => (
            <Group gap={6} wrap="nowrap">
              <Box w={12} h={12} style={{ borderRadius: 3, background: seriesColor(s.color) }} />
              {s.name}
              {s.withExternalPartners && (
                <Badge size="xs" variant="light">
                  met externen
                </Badge>
              )}
              {!s.active && <InactiveBadge size="xs" />}
            </Group>
          ),
        },
        { header: 'Ritme', cell: rhythm },
        { header: 'Locatie', cell: (s) => s.location },
        {
          header: 'Aanmelden',
          cell: (s) => `${s.intakeDeadlineSchoolDays === 1 ? '1 schooldag' : `${s.intakeDeadlineSchoolDays} schooldagen`} vooraf`,
        },
        { header: 'Overleggen', cell: (s) => s.meetingCount },
      ]}
      dialogSize="xl"
      form={(item, close) => <SeriesForm series={item} usedColors={(series.data ?? []).map((s) => s.color)} onSaved={close} />}
    />
  );
}
