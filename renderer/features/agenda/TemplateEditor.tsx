import { ActionIcon, Button, Group, Loader, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/app/contract';
import { agendaItemKinds } from '../../../electron/features/agenda/vocabulary';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons';
import { useSeries } from '../schedule/queries';
import { meetingsKey } from './queries';

type Template = MethodOutput<'agenda.template'>;
type Values = { caseMinutes: number; items: NonNullable<MethodInput<'agenda.saveTemplate'>['items']> };

const kindLabels: Record<Values['items'][number]['kind'], string> = {
  opening: 'Opening',
  mededelingen: 'Mededelingen',
  notulen: 'Notulen vaststellen',
  actiepunten: 'Actiepunten',
  rondvraag: 'Rondvraag',
  sluiting: 'Sluiting',
  'volgende-overleg': 'Volgende vergadering',
  overig: 'Eigen punt',
};

function TemplateForm({ template, onDone }: { template: Template; onDone(): void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { caseMinutes: template.caseMinutes, items: template.items ?? template.standard },
  });
  const save = async (items: Values['items'] | null) => {
    try {
      await invoke('agenda.saveTemplate', { seriesId: template.seriesId, caseMinutes: form.values.caseMinutes, items });
      await queryClient.invalidateQueries({ queryKey: meetingsKey });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) form.setErrors(err.fields);
      else setError(err);
    }
  };
  return (
    <form onSubmit={form.onSubmit((values) => void save(values.items))}>
      <Stack>
        {error !== null && <ErrorAlert error={error} />}
        <NumberInput
          label="Tijd per leerling (minuten)"
          description="Elke leerling op de agenda krijgt deze tijd; per punt aan te passen."
          min={1}
          max={120}
          allowDecimal={false}
          clampBehavior="none"
          w={280}
          {...form.getInputProps('caseMinutes')}
        />
        <Text fw={600} size="sm">
          Vaste punten (de leerlingen komen na "Actiepunten")
        </Text>
        {form.values.items.map((_, index) => (
          <Group key={index} align="start" gap="xs" wrap="nowrap">
            <Select
              aria-label="Soort punt"
              w={190}
              data={agendaItemKinds
                .filter((k) => k !== 'casus')
                .map((k) => ({ value: k, label: kindLabels[k as keyof typeof kindLabels] }))}
              {...form.getInputProps(`items.${index}.kind`)}
            />
            <TextInput aria-label="Titel" style={{ flex: 1 }} {...form.getInputProps(`items.${index}.title`)} />
            <NumberInput
              aria-label="Minuten"
              w={90}
              min={1}
              max={240}
              allowDecimal={false}
              clampBehavior="none"
              {...form.getInputProps(`items.${index}.minutes`)}
            />
            <ActionIcon
              variant="subtle"
              mt={6}
              aria-label="Omhoog"
              disabled={index === 0}
              onClick={() => form.reorderListItem('items', { from: index, to: index - 1 })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              mt={6}
              aria-label="Omlaag"
              disabled={index === form.values.items.length - 1}
              onClick={() => form.reorderListItem('items', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <RemoveRowButton label="Punt verwijderen" onClick={() => form.removeListItem('items', index)} />
          </Group>
        ))}
        <AddRowButton onClick={() => form.insertListItem('items', { kind: 'overig', title: '', minutes: 5 })}>
          Vast punt toevoegen
        </AddRowButton>
        <FormFooter
          onCancel={onDone}
          submit="Opslaan"
          start={
            <Button variant="subtle" onClick={() => void save(null)}>
              Standaardagenda gebruiken
            </Button>
          }
        />
      </Stack>
    </form>
  );
}

/** The fixed items each series' agendas start from, and the time per student (the coordinator's). */
export function TemplateEditor({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const series = useSeries();
  const [seriesId, setSeriesId] = useState<string | null>(null);
  const template = useQuery({
    queryKey: [...meetingsKey, 'template', seriesId],
    queryFn: () => invoke('agenda.template', { seriesId: seriesId! }),
    enabled: seriesId !== null,
    staleTime: 0,
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Vaste agenda per overlegvorm" size="xl">
      <Stack>
        <Select
          label="Overlegvorm"
          placeholder="Kies een overlegvorm"
          data={(series.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={seriesId}
          onChange={setSeriesId}
          w={320}
        />
        {template.isFetching && <Loader size="sm" />}
        {template.error && <ErrorAlert error={template.error} />}
        {template.data && !template.isFetching && <TemplateForm key={template.data.seriesId} template={template.data} onDone={onClose} />}
      </Stack>
    </Modal>
  );
}
