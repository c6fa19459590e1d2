import { Alert, Badge, Button, Card, Checkbox, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArchive, IconCalendarCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { longDate, monthYear } from '../../../electron/shared/dutch-dates';
import { leavingDestinationLabels } from '../../../electron/features/retention/vocabulary';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EraseDialog, KeepDialog } from './RetentionDialogs';
import { fieldError, worklistKey, type Listed, type Worklist } from './worklist';

/**
 * Instellingen → Bewaartermijnen, for the coordinator: the school's periods, and the monthly
 * worklist of students whose period has passed. Nothing goes without a confirmation that says what
 * will happen; keeping needs a reason and a date on which the student comes back.
 */
export function RetentionPanel() {
  const list = useQuery({ queryKey: worklistKey, queryFn: () => invoke('retention.worklist', {}), staleTime: 0 });
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loader />;
  return (
    <Stack gap="xl">
      <Text size="sm" c="dimmed" maw={760}>
        Gegevens van leerlingen die de school hebben verlaten, worden niet langer bewaard dan nodig. Elke maand staat hier wie aan de beurt
        is. Er wordt niets verwijderd zonder jouw bevestiging; wat je langer bewaart, komt op de gekozen datum terug.
      </Text>
      <Text size="sm" c="dimmed" maw={760} data-testid="retention-backups">
        Back-ups worden tot twaalf maanden bewaard en kunnen leerlingen bevatten die hier al zijn verwijderd. Zet je zo'n back-up terug, dan
        worden zij meteen opnieuw verwijderd, voordat iemand de teruggezette gegevens kan zien; het logboek vermeldt dat, zonder naam.
      </Text>
      <Worklist data={list.data} />
      <PeriodsForm periods={list.data.periods} />
    </Stack>
  );
}

function ReviewState({ data }: { data: Worklist }) {
  const queryClient = useQueryClient();
  const reviewed = useMutation({
    mutationFn: () => invoke('retention.markReviewed', {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: worklistKey });
      notifications.show({ color: 'teal', message: `Bewaartermijnen van ${monthYear(data.on)} nagelopen.` });
    },
  });
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text data-testid="retention-last-review">
          {data.lastReview
            ? `Laatst nagelopen op ${longDate(data.lastReview.on)}${data.lastReview.by ? ` door ${data.lastReview.by}` : ''}.`
            : 'Nog nooit nagelopen.'}
        </Text>
        {data.reviewDue ? (
          <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
            Ronde van {monthYear(data.on)} te doen
          </Badge>
        ) : (
          <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
            Volgende ronde {longDate(data.nextReviewOn)}
          </Badge>
        )}
      </Group>
      {data.reviewDue && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconCalendarCheck size={18} />}
            disabled={data.proposals.length > 0}
            loading={reviewed.isPending}
            onClick={() => reviewed.mutate()}
          >
            Ronde afronden
          </Button>
          {data.proposals.length > 0 && (
            <Text size="sm" c="dimmed">
              Eerst over elke voorgestelde leerling beslissen: verwijderen of bewaren.
            </Text>
          )}
        </Group>
      )}
      {reviewed.isError && <ErrorAlert error={reviewed.error} />}
    </Stack>
  );
}

function Worklist({ data }: { data: Worklist }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [erasing, setErasing] = useState<Listed[] | null>(null);
  const [keeping, setKeeping] = useState<Listed[] | null>(null);
  // Whoever was erased or kept is off the list, so no longer chosen: only ids still on it count.
  const chosen = data.proposals.filter((p) => selected.includes(p.studentId));
  const toggle = (id: string) => {
    const ids = chosen.map((p) => p.studentId);
    setSelected(ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Bewaartermijnen — werklijst
      </Title>
      <ReviewState data={data} />
      {data.proposals.length === 0 ? (
        <Alert variant="light" color="gray">
          Geen leerlingen van wie de bewaartermijn is verstreken.
        </Alert>
      ) : (
        <>
          <Group gap="sm">
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={18} />}
              disabled={chosen.length === 0}
              onClick={() => setErasing(chosen)}
            >
              Selectie verwijderen ({chosen.length})
            </Button>
            <Button
              variant="default"
              leftSection={<IconArchive size={18} />}
              disabled={chosen.length === 0}
              onClick={() => setKeeping(chosen)}
            >
              Selectie bewaren ({chosen.length})
            </Button>
          </Group>
          <Table aria-label="Voorgesteld om te verwijderen" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    aria-label="Alles selecteren"
                    checked={chosen.length === data.proposals.length}
                    indeterminate={chosen.length > 0 && chosen.length < data.proposals.length}
                    onChange={() => setSelected(chosen.length === data.proposals.length ? [] : data.proposals.map((p) => p.studentId))}
                  />
                </Table.Th>
                <Table.Th>Leerling</Table.Th>
                <Table.Th>Waarom</Table.Th>
                <Table.Th>Wat er gebeurt</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.proposals.map((p) => (
                <Table.Tr key={p.studentId} data-testid="retention-proposal">
                  <Table.Td>
                    <Checkbox
                      aria-label={`${p.name} selecteren`}
                      checked={selected.includes(p.studentId)}
                      onChange={() => toggle(p.studentId)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text fw={600}>{p.name}</Text>
                    <Text size="sm" c="dimmed">
                      {p.studentNumber}
                      {p.className ? `, ${p.className}` : ''}
                      {p.destination ? ` · naar ${leavingDestinationLabels[p.destination]}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.why}</Text>
                    {p.kept && (
                      <Text size="sm" c="orange.8">
                        Bewaard tot {longDate(p.kept.until)}: {p.kept.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.outcome}</Text>
                    {p.holds.length > 0 && (
                      <Text size="sm" c="dimmed">
                        Nu: {p.holds.join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" color="red" variant="light" onClick={() => setErasing([p])}>
                        Verwijderen…
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setKeeping([p])}>
                        Bewaren…
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {data.kept.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            Langer bewaard
          </Title>
          <Table aria-label="Langer bewaard">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Leerling</Table.Th>
                <Table.Th>Terug op de lijst</Table.Th>
                <Table.Th>Reden</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.kept.map((k) => (
                <Table.Tr key={k.studentId}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>{k.kept ? longDate(k.kept.until) : '—'}</Table.Td>
                  <Table.Td>
                    {k.kept?.reason}
                    {k.kept?.by ? <Text span c="dimmed" size="sm">{` (${k.kept.by})`}</Text> : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {erasing && <EraseDialog students={erasing} onClose={() => setErasing(null)} />}
      {keeping && <KeepDialog students={keeping} until={data.nextReviewOn} onClose={() => setKeeping(null)} />}
    </Stack>
  );
}

function PeriodsForm({ periods }: { periods: Worklist['periods'] }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<'studentFileYears' | 'absenceYears' | 'specialEducationYears', number | string>>({
    studentFileYears: periods.studentFileYears,
    absenceYears: periods.absenceYears,
    specialEducationYears: periods.specialEducationYears,
  });
  const save = useMutation({
    mutationFn: () =>
      invoke('retention.savePeriods', {
        // What is typed goes as typed: the contract names a wrong or empty value, nothing is clamped.
        studentFileYears: values.studentFileYears === '' ? Number.NaN : Number(values.studentFileYears),
        absenceYears: values.absenceYears === '' ? Number.NaN : Number(values.absenceYears),
        specialEducationYears: values.specialEducationYears === '' ? Number.NaN : Number(values.specialEducationYears),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: worklistKey });
      notifications.show({ color: 'teal', message: 'Bewaartermijnen opgeslagen.' });
    },
  });
  const field = (key: keyof typeof values, label: string, description: string) => (
    <NumberInput
      label={label}
      description={description}
      suffix=" jaar"
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      w={260}
      value={values[key]}
      onChange={(v) => setValues((s) => ({ ...s, [key]: v }))}
      error={fieldError(save.error, key)}
    />
  );
  return (
    <Card withBorder padding="lg" maw={900}>
      <Stack>
        <Title order={2} size="h3">
          Termijnen van de school
        </Title>
        <Text size="sm" c="dimmed">
          {periods.updatedAt
            ? `Vastgesteld${periods.updatedBy ? ` door ${periods.updatedBy}` : ''} op ${longDate(periods.updatedAt.slice(0, 10))}.`
            : 'De standaardtermijnen; de school heeft ze nog niet zelf vastgesteld.'}{' '}
          Verzuimgegevens zijn de antwoorden over verzuim in aanmeldformulieren („Verzuim en resultaten” en de zorg bij „Verzuim”); die
          blijven bewaard als de rest van het dossier al weg is.
        </Text>
        <Group align="start" gap="lg">
          {field('studentFileYears', 'Leerlingdossier', 'Na uitschrijving')}
          {field('specialEducationYears', 'Dossier bij uitstroom naar VSO', 'Na uitschrijving')}
          {field('absenceYears', 'Verzuimgegevens', 'Na uitschrijving')}
        </Group>
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            Termijnen opslaan
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
