import { Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconClipboardPlus } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IntakeTable } from './IntakeTable';
import { NewIntakeModal } from './NewIntakeModal';
import { useIntakeList } from './queries';

/** The student page's intakes: every aanmelding for this student, and a new one for them. */
export function StudentIntakes({ student }: { student: { id: string; name: string; className: string; studentNumber: string } }) {
  const intakes = useIntakeList({ status: null, meetingId: null, studentId: student.id, mine: false });
  const [adding, add] = useDisclosure(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Aanmeldingen</Title>
        <Button variant="light" leftSection={<IconClipboardPlus size={18} />} onClick={add.open}>
          Aanmelden voor een overleg
        </Button>
      </Group>
      {intakes.isPending && <Loader aria-label="Laden" />}
      {intakes.isError && <ErrorAlert error={intakes.error} />}
      {intakes.data && (
        <IntakeTable
          rows={intakes.data}
          hide={['student', 'className']}
          label={`Aanmeldingen van ${student.name}`}
          empty="Deze leerling is nog niet aangemeld voor een overleg."
        />
      )}
      <NewIntakeModal
        opened={adding}
        onClose={add.close}
        student={{
          id: student.id,
          label: `${student.name}${student.className ? ` (${student.className})` : ''} · ${student.studentNumber}`,
        }}
      />
    </Stack>
  );
}
