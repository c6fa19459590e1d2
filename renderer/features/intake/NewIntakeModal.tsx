import { Modal, Select, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { refreshIntakes, useMeetingOptions } from './queries';
import { StudentPicker, type PickedStudent } from '../people/StudentPicker';

const yearLevels = ['1', '2', '3', '4', '5', '6'];

/**
 * Starts an aanmelding: for a student (or anonymously, by leerjaar) and an overlegvorm; the
 * backend picks the first meeting of that series whose deadline is still open. Then the form opens.
 */
export function NewIntakeModal({ opened, onClose, student = null }: { opened: boolean; onClose(): void; student?: PickedStudent | null }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Nieuwe aanmelding" size="lg">
      {opened && <NewIntakeForm student={student} onCancel={onClose} />}
    </Modal>
  );
}

function NewIntakeForm({ student: preset, onCancel }: { student: PickedStudent | null; onCancel(): void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useMeetingOptions(null);
  const [anonymous, setAnonymous] = useState(false);
  const [student, setStudent] = useState<PickedStudent | null>(preset);
  const [yearLevel, setYearLevel] = useState<string | null>(null);
  const [seriesId, setSeriesId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const series = options.data?.series ?? [];
  // With one series there is nothing to choose.
  const chosenSeries = seriesId ?? (series.length === 1 ? series[0]!.id : null);

  const create = useMutation({
    mutationFn: () =>
      invoke('intakes.create', {
        studentId: anonymous ? null : (student?.id ?? null),
        anonymousYearLevel: anonymous && yearLevel ? Number(yearLevel) : null,
        seriesId: chosenSeries,
      }),
    onSuccess: async ({ id }) => {
      await refreshIntakes(queryClient);
      navigate(`/aanmeldingen/${id}`);
    },
  });

  function submit() {
    const found: Record<string, string> = {};
    if (!anonymous && !student) found.student = 'Kies de leerling die je aanmeldt.';
    if (anonymous && !yearLevel) found.yearLevel = 'Kies het leerjaar.';
    if (series.length > 0 && !chosenSeries) found.series = 'Kies het overleg waarvoor je aanmeldt.';
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate();
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Switch
          label="Anoniem aanmelden"
          description="Alleen bij uitzondering: het overleg bespreekt de leerling zonder naam, alleen met het leerjaar."
          checked={anonymous}
          onChange={(e) => {
            setAnonymous(e.currentTarget.checked);
            setErrors({});
          }}
        />
        {anonymous ? (
          <Select
            label="Leerjaar"
            required
            data={yearLevels}
            value={yearLevel}
            onChange={(v) => {
              setYearLevel(v);
              setErrors(({ yearLevel: _chosen, ...rest }) => rest);
            }}
            error={errors.yearLevel}
            allowDeselect={false}
          />
        ) : (
          <StudentPicker
            value={student}
            onChange={(s) => {
              setStudent(s);
              setErrors(({ student: _chosen, ...rest }) => rest);
            }}
            error={errors.student}
            autoFocus={!preset}
          />
        )}
        <Select
          label="Overlegvorm"
          required={series.length > 0}
          placeholder={series.length === 0 ? 'Er zijn nog geen overlegvormen' : 'Kies een overlegvorm'}
          description="Het eerstvolgende overleg waarvoor je nog kunt aanmelden, wordt vooraf gekozen."
          data={series.map((s) => ({ value: s.id, label: s.name }))}
          value={chosenSeries}
          onChange={(v) => {
            setSeriesId(v);
            setErrors(({ series: _chosen, ...rest }) => rest);
          }}
          error={errors.series}
          allowDeselect={false}
          disabled={options.isPending}
        />
        {options.isError && <ErrorAlert error={options.error} />}
        {series.length === 0 && options.isSuccess && (
          <Text size="sm" c="dimmed">
            Leg overlegvormen vast in het Jaarrooster; je kunt het overleg ook later in het formulier kiezen.
          </Text>
        )}
        <FormFooter mutation={create} errorTitle="Niet aangemaakt" onCancel={onCancel} submit="Aanmelding starten" />
      </Stack>
    </form>
  );
}
