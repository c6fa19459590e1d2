import { Box, Group, Menu, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { addDays, eachDayOfInterval, eachMonthOfInterval, endOfMonth, format, getISODay, getISOWeek, parseISO } from 'date-fns';
import { Fragment, useMemo } from 'react';
import { nl } from 'date-fns/locale';
import type { MethodOutput } from '../../../electron/app/contract';
import { shortWeekdayDate } from '../../../electron/shared/dutch-dates';
import { seriesColor } from './labels';

type Overview = MethodOutput<'schedule.overview'>;
type Meeting = Overview['meetings'][number];
type DayOff = Overview['daysOff'][number];

const dayHeaders = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** A day off as the tooltip names it: a feestdag is called one, the school's own days (vrijdag na Hemelvaart) are not. */
function dayOffLabel(d: DayOff): string {
  if (d.kind === 'public-holiday') return `${d.name} (feestdag)`;
  if (d.source === 'school' && d.kind === 'holiday' && d.start === d.end) return `${d.name} (vrije dag van de school)`;
  return d.name;
}

/** "Verplaatst van di 13 oktober: herfstvakantie", or null for a meeting on its own date. */
function movedLine(meeting: Pick<Meeting, 'movedFrom'>, daysOff: readonly DayOff[]): string | null {
  const from = meeting.movedFrom;
  if (!from) return null;
  if (from.reason === null) return `Met de hand verplaatst van ${shortWeekdayDate(from.date)}`;
  const off = daysOff.find((d) => d.start <= from.date && from.date <= d.end && d.name === from.reason);
  return `Verplaatst van ${shortWeekdayDate(from.date)}: ${off ? dayOffLabel(off) : from.reason}`;
}

/** The school year at a glance: one small month per block, days off shaded, meetings in their series' colour. */
export function YearGrid({ overview, onMeetingClick }: { overview: Overview; onMeetingClick(m: Meeting): void }) {
  const { offByDate, meetingsByDate } = useMemo(() => {
    const offByDate = new Map<string, Overview['daysOff'][number]>();
    for (const d of overview.daysOff) {
      for (let day = parseISO(d.start); iso(day) <= d.end; day = addDays(day, 1)) {
        // The school's own entries (study days) win over holidays: they are the news on that day.
        const own = d.kind === 'study-day' || d.kind === 'no-meetings';
        if (!offByDate.has(iso(day)) || own) offByDate.set(iso(day), d);
      }
    }
    const meetingsByDate = new Map<string, Meeting[]>();
    for (const m of overview.meetings) meetingsByDate.set(m.date, [...(meetingsByDate.get(m.date) ?? []), m]);
    return { offByDate, meetingsByDate };
  }, [overview]);
  const months = eachMonthOfInterval({ start: parseISO(overview.start), end: parseISO(overview.end) });
  const today = iso(new Date());

  return (
    <Stack gap="sm">
      <Legend overview={overview} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="md" data-testid="year-grid">
        {months.map((month) => {
          const days = eachDayOfInterval({ start: month, end: endOfMonth(month) });
          const blanks = getISODay(days[0]!) - 1;
          return (
            <Paper key={iso(month)} withBorder p="xs" role="group" aria-label={format(month, 'MMMM yyyy', { locale: nl })}>
              <Text fw={600} size="sm" mb={4} tt="capitalize">
                {format(month, 'MMMM yyyy', { locale: nl })}
              </Text>
              {/* Schools plan in week numbers ("week 41"): the first column shows them. */}
              <Box style={{ display: 'grid', gridTemplateColumns: 'auto repeat(7, 1fr)', gap: 2 }}>
                <Text size="xs" c="dimmed" ta="right" pr={4} aria-hidden>
                  wk
                </Text>
                {dayHeaders.map((h) => (
                  <Text key={h} size="xs" c="dimmed" ta="center">
                    {h}
                  </Text>
                ))}
                <WeekNumber day={days[0]!} />
                {Array.from({ length: blanks }, (_, i) => (
                  <span key={`blank-${i}`} />
                ))}
                {days.map((day, index) => {
                  const date = iso(day);
                  const weekStart = index > 0 && getISODay(day) === 1 ? <WeekNumber day={day} /> : null;
                  const off = offByDate.get(date);
                  const dayMeetings = meetingsByDate.get(date) ?? [];
                  const weekend = getISODay(day) > 5;
                  const lines = [
                    format(day, 'EEEE d MMMM', { locale: nl }),
                    off && dayOffLabel(off),
                    ...dayMeetings.flatMap((m) => [`${m.title} ${m.startTime}`, movedLine(m, overview.daysOff)]),
                  ].filter((line): line is string => !!line);
                  const label = lines.join(' · ');
                  const first = dayMeetings[0];
                  const cell = (
                    <Box
                      ta="center"
                      fz="xs"
                      py={2}
                      style={{
                        borderRadius: 4,
                        background: first
                          ? seriesColor(first.color)
                          : off
                            ? off.kind === 'holiday' || off.kind === 'public-holiday'
                              ? 'var(--mantine-color-gray-3)'
                              : 'var(--mantine-color-yellow-2)'
                            : weekend
                              ? 'var(--mantine-color-gray-0)'
                              : undefined,
                        color: first ? 'white' : weekend ? 'var(--mantine-color-dimmed)' : undefined,
                        fontWeight: first ? 700 : undefined,
                        // A meeting on a day that became a day off later is flagged until someone moves it.
                        outline:
                          first && off
                            ? '2px solid var(--mantine-color-red-7)'
                            : date === today
                              ? '2px solid var(--mantine-color-cyan-8)'
                              : undefined,
                        boxShadow: dayMeetings.length > 1 ? `inset 0 -4px 0 ${seriesColor(dayMeetings[1]!.color)}` : undefined,
                      }}
                    >
                      {day.getDate()}
                    </Box>
                  );
                  if (dayMeetings.length > 1) {
                    // Two meetings on one day: a small menu picks which one to open.
                    return (
                      <Fragment key={date}>
                        {weekStart}
                        <Menu position="bottom">
                          <Menu.Target>
                            <UnstyledButton aria-label={label} data-meeting-date={date}>
                              {cell}
                            </UnstyledButton>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {dayMeetings.map((m) => (
                              <Menu.Item key={m.id} onClick={() => onMeetingClick(m)}>
                                {m.title} {m.startTime}
                                {m.movedFrom && (
                                  <Text size="xs" c="dimmed">
                                    {movedLine(m, overview.daysOff)}
                                  </Text>
                                )}
                              </Menu.Item>
                            ))}
                          </Menu.Dropdown>
                        </Menu>
                      </Fragment>
                    );
                  }
                  return (
                    <Fragment key={date}>
                      {weekStart}
                      <Tooltip
                        label={
                          <Stack gap={0}>
                            {lines.map((line) => (
                              <span key={line}>{line}</span>
                            ))}
                          </Stack>
                        }
                        openDelay={200}
                        disabled={!off && dayMeetings.length === 0}
                      >
                        {first ? (
                          <UnstyledButton aria-label={label} onClick={() => onMeetingClick(first)} data-meeting-date={date}>
                            {cell}
                          </UnstyledButton>
                        ) : (
                          cell
                        )}
                      </Tooltip>
                    </Fragment>
                  );
                })}
              </Box>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function WeekNumber({ day }: { day: Date }) {
  return (
    <Text size="xs" c="dimmed" ta="right" pr={4} py={2}>
      {getISOWeek(day)}
    </Text>
  );
}

function Legend({ overview }: { overview: Overview }) {
  return (
    <Group gap="lg">
      {overview.series
        .filter((s) => s.active)
        .map((s) => (
          <Group key={s.id} gap={6}>
            <Box w={14} h={14} style={{ borderRadius: 3, background: seriesColor(s.color) }} />
            <Text size="sm">{s.name}</Text>
          </Group>
        ))}
      <Group gap={6}>
        <Box w={14} h={14} style={{ borderRadius: 3, background: 'var(--mantine-color-gray-3)' }} />
        <Text size="sm">vakantie, feestdag of vrije dag</Text>
      </Group>
      <Group gap={6}>
        <Box w={14} h={14} style={{ borderRadius: 3, background: 'var(--mantine-color-yellow-2)' }} />
        <Text size="sm">studiedag of geen overleg</Text>
      </Group>
    </Group>
  );
}
