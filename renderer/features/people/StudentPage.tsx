import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconEdit, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { format } from 'date-fns';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MethodOutput } from '../../../electron/app/contract';
import { fullName } from '../../../electron/features/people/names';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { GuardianForm } from './GuardianForm';
import { formatDate, peopleKey, useStudent } from './queries';
import { StudentForm } from './StudentForm';
import { EditModal } from '../../components/EditModal';
import { leavingDrafts, studentActions, studentSections } from './student-sections';

type Student = MethodOutput<'students.get'>;
type Guardian = Student['guardians'][number];

/** One student: details and guardians. Later features add intakes, consent, meetings and letters here. */
export function StudentPage() {
  const { id = '' } = useParams();
  const student = useStudent(id);
  const [editing, edit] = useDisclosure(false);
  // The facts consent rests on (birth date, gezag, leaving) are the coordinator's: others only read them.
  const mayEdit = useMayCall('students.save');
  const mayEnrol = useMayCall('students.setStatus');

  if (student.isPending) return <Loader aria-label="Laden" />;
  if (student.isError) return <ErrorAlert error={student.error} />;
  const s = student.data;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/leerlingen">
          Leerlingen
        </Anchor>
        <Text>{fullName(s)}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1}>{fullName(s)}</Title>
          {s.status === 'left' ? (
            <Badge color="gray" size="lg" variant="light">
              Uitgeschreven per {formatDate(s.leftOn)}
            </Badge>
          ) : (
            <Badge color="teal" size="lg" variant="light">
              Ingeschreven
            </Badge>
          )}
        </Group>
        <Group>
          {mayEdit && (
            <Button variant="default" leftSection={<IconEdit size={18} />} onClick={edit.open}>
              Gegevens wijzigen
            </Button>
          )}
          {mayEnrol && <EnrolmentButton student={s} />}
          {studentActions().map(({ key, Action }) => (
            <Action key={key} studentId={s.id} />
          ))}
        </Group>
      </Group>

      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
          <Detail label="Leerlingnummer" value={s.studentNumber} mono />
          <Detail label="Geboortedatum" value={formatDate(s.birthDate)} />
          <Detail label="Klas" value={s.className} />
          <Detail label="Leerjaar" value={s.yearLevel ? String(s.yearLevel) : ''} />
          <Detail label="Niveau" value={s.level} />
          <Detail label="Mentor" value={s.mentor ? `${s.mentor.name} (${s.mentor.code})` : ''} />
        </SimpleGrid>
      </Card>

      <Guardians student={s} />
      <LetterRecipients student={s} />
      {studentSections().map(({ key, Section }) => (
        <Section key={key} student={{ id: s.id, name: fullName(s), className: s.className, studentNumber: s.studentNumber }} />
      ))}

      {mayEdit && (
        <Modal opened={editing} onClose={edit.close} title="Gegevens van de leerling" size="lg">
          <StudentForm student={s} onSaved={edit.close} />
        </Modal>
      )}
    </Stack>
  );
}

function Detail({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text ff={mono ? 'monospace' : undefined}>{value || '—'}</Text>
    </div>
  );
}

/** Unenrolling keeps the student: the date of leaving is where retention periods start. */
function EnrolmentButton({ student }: { student: Student }) {
  const queryClient = useQueryClient();
  const [asking, ask] = useDisclosure(false);
  const [leftOn, setLeftOn] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  // Fields later domains add (where the student went, for retention), stored once the student is unenrolled.
  const [drafts, setDrafts] = useState(leavingDrafts);
  const setStatus = useMutation({
    mutationFn: async (input: { status: 'active' | 'left'; leftOn: string | null }) => {
      await invoke('students.setStatus', { id: student.id, ...input });
      if (input.status === 'left') await Promise.all(drafts.map(({ draft }) => draft.save(student.id)));
    },
    onSuccess: async (_, input) => {
      await queryClient.invalidateQueries({ queryKey: peopleKey });
      ask.close();
      notifications.show({
        color: 'teal',
        message: input.status === 'left' ? `${fullName(student)} is uitgeschreven.` : `${fullName(student)} is weer ingeschreven.`,
      });
    },
  });

  if (student.status === 'left') {
    return (
      <Button variant="light" loading={setStatus.isPending} onClick={() => setStatus.mutate({ status: 'active', leftOn: null })}>
        Weer inschrijven
      </Button>
    );
  }
  return (
    <>
      <Button
        variant="light"
        color="gray"
        leftSection={<IconUserMinus size={18} />}
        onClick={() => {
          setStatus.reset();
          ask.open();
        }}
      >
        Uitschrijven
      </Button>
      <Modal opened={asking} onClose={ask.close} title="Leerling uitschrijven">
        <Stack>
          <Text>{fullName(student)} blijft bewaard; vanaf de datum van uitschrijving loopt de bewaartermijn van het leerlingdossier.</Text>
          <DateField label="Uitgeschreven per" value={leftOn} onChange={(v) => setLeftOn(v ?? '')} />
          {drafts.map(({ key, draft }) => (
            <Fragment key={key}>
              {draft.render((next) => setDrafts((all) => all.map((d) => (d.key === key ? { key, draft: next } : d))))}
            </Fragment>
          ))}
          {setStatus.isError && <ErrorAlert error={setStatus.error} title="Niet uitgeschreven" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={ask.close}>
              Annuleren
            </Button>
            <Button loading={setStatus.isPending} onClick={() => setStatus.mutate({ status: 'left', leftOn: leftOn || null })}>
              Uitschrijven
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

const letterKindLabels = {
  ouders: null,
  leerling: 'Aan de leerling zelf (16 jaar of ouder)',
  afschrift: 'Afschrift',
} as const;

/** Where letters home go, as Brieven sends them: guardians with gezag, one letter per address; from 16 the student. */
function LetterRecipients({ student }: { student: Student }) {
  if (student.letterRecipients.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={2}>Brieven naar huis</Title>
      <Text size="sm" c="dimmed">
        Brieven gaan naar de ouders met gezag: op hetzelfde adres samen één brief, gescheiden ouders ieder een eigen brief. Vanaf 16 jaar
        krijgt de leerling de brief zelf.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {student.letterRecipients.map((r) => (
          <Card key={`${r.kind}-${r.guardianIds.join('-')}`} withBorder padding="md" data-testid="letter-recipient">
            {letterKindLabels[r.kind] && (
              <Text size="xs" c="dimmed">
                {letterKindLabels[r.kind]}
              </Text>
            )}
            {r.addressLines.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
            <Text size="sm" c="dimmed" mt={6}>
              {r.salutation}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Guardians({ student }: { student: Student }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Guardian | 'new' | null>(null);
  const mayEdit = useMayCall('guardians.save');
  const mayRemove = useMayCall('guardians.remove');
  const remove = useMutation({
    mutationFn: (g: Guardian) => invoke('guardians.remove', { id: g.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
  const confirmRemove = (g: Guardian) =>
    modals.openConfirmModal({
      title: 'Ouder/verzorger verwijderen',
      children: (
        <Text>
          {fullName(g)} wordt verwijderd bij {fullName(student)}.
        </Text>
      ),
      labels: { confirm: 'Verwijderen', cancel: 'Annuleren' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(g),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Ouders en verzorgers</Title>
        {mayEdit && (
          <Button variant="light" leftSection={<IconUserPlus size={18} />} onClick={() => setEditing('new')}>
            Ouder/verzorger toevoegen
          </Button>
        )}
      </Group>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {student.guardians.length === 0 && <Text c="dimmed">Er zijn nog geen ouders of verzorgers vastgelegd.</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {student.guardians.map((g) => (
          <Card key={g.id} withBorder padding="md" data-testid="guardian-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Group gap="xs">
                  <Text fw={600}>{fullName(g)}</Text>
                  <Badge variant="light">{g.relation}</Badge>
                  {g.parentalAuthority ? (
                    <Badge color="teal" variant="light">
                      gezag
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      geen gezag
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  {[g.street, g.houseNumber].filter(Boolean).join(' ')}
                  {g.street && <br />}
                  {[g.postalCode, g.city].filter(Boolean).join(' ')}
                </Text>
                <Text size="sm">{[g.email, g.phone].filter(Boolean).join(' · ')}</Text>
                <Text size="sm" c="dimmed">
                  Aanhef: {g.salutation}
                </Text>
              </div>
              <Stack gap={4}>
                {mayEdit && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(g)}>
                    Wijzigen
                  </Button>
                )}
                {mayRemove && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(g)}>
                    Verwijderen
                  </Button>
                )}
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ add: 'Ouder/verzorger toevoegen', edit: 'Ouder/verzorger wijzigen' }}
        size="lg"
      >
        {(guardian) => <GuardianForm studentId={student.id} guardian={guardian} onSaved={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}
