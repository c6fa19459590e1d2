import { Anchor, Badge, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';

import { useState } from 'react';
import { Link } from 'react-router';
import type { MethodInput } from '../../../electron/app/contract';
import { caseOriginLabels, guestKindLabels, guestKinds } from '../../../electron/features/agenda/vocabulary';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormFooter } from '../../components/FormFooter';
import { AddRowButton, RemoveRowButton } from '../../components/RowButtons';
import { StudentPicker, type PickedStudent } from '../people/StudentPicker';
import { useStaff } from '../people/queries';
import { refreshMeeting, useSuggestions, type AgendaItem } from './queries';

/** The two ways onto a meeting's agenda: a case, or a point of the team's own. */
interface AddModalProps {
  meetingId: string;
  opened: boolean;
  onClose(): void;
  onAdded(id: string): void;
}

/** Adding cases: the accepted intakes and the cases the minutes offer first, any student after. */
export function AddCaseModal({ meetingId, opened, onClose, onAdded }: AddModalProps) {
  const queryClient = useQueryClient();
  const suggestions = useSuggestions(meetingId, opened);
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async (input: Extract<MethodInput<'agenda.addItem'>, { kind: 'casus' }>) => {
    try {
      const { id } = await invoke('agenda.addItem', input);
      setError(null);
      setStudent(null);
      await refreshMeeting(queryClient, meetingId);
      onAdded(id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Leerling op de agenda" size="lg">
      <Stack>
        {error !== null && <ErrorAlert error={error} />}
        <Text fw={600} size="sm">
          Voorgesteld
        </Text>
        {suggestions.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            Geen geaccepteerde aanmeldingen of terugkomers die nog niet op de agenda staan.
          </Text>
        )}
        {suggestions.data && suggestions.data.length > 0 && (
          <Table verticalSpacing={6} aria-label="Voorgestelde leerlingen">
            <Table.Tbody>
              {suggestions.data.map((s) => (
                <Table.Tr key={`${s.intakeId ?? ''}${s.studentId ?? ''}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {s.caseName}{' '}
                      {s.className && (
                        <Text span c="dimmed" size="sm">
                          ({s.className})
                        </Text>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.reason}
                      {s.referredFrom && (
                        <>
                          {' — '}
                          <Anchor component={Link} to={`/overleggen/${s.referredFrom.meetingId}`} size="xs" onClick={onClose}>
                            bekijk de bespreking in {s.referredFrom.meetingTitle}
                          </Anchor>
                        </>
                      )}
                    </Text>
                    {s.question && (
                      <Text size="xs" style={{ whiteSpace: 'pre-wrap' }} aria-label={`Vraag bij ${s.caseName}`}>
                        {s.question}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline">{caseOriginLabels[s.origin]}</Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      disabled={!s.studentId}
                      onClick={() =>
                        s.studentId &&
                        void add({
                          meetingId,
                          kind: 'casus',
                          studentId: s.studentId,
                          intakeId: s.intakeId,
                          origin: s.origin,
                        })
                      }
                    >
                      Toevoegen
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text fw={600} size="sm">
          Andere leerling
        </Text>
        <Group align="end">
          <div style={{ flex: 1 }}>
            <StudentPicker value={student} onChange={setStudent} />
          </div>
          <Button
            disabled={!student}
            onClick={() => student && void add({ meetingId, kind: 'casus', studentId: student.id, intakeId: null, origin: 'handmatig' })}
          >
            Toevoegen
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A point of the team's own ("Werkwijze ZAT evalueren"), placed before the rondvraag. */
export function AddOtherItemModal({ meetingId, opened, onClose, onAdded }: AddModalProps) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    try {
      const { id } = await invoke('agenda.addItem', { meetingId, kind: 'overig', title });
      setTitle('');
      setError(null);
      await refreshMeeting(queryClient, meetingId);
      onAdded(id);
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields.title ?? err.message) : 'Er ging iets mis.');
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Agendapunt toevoegen">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Stack>
          <TextInput label="Titel" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={error} data-autofocus required />
          <FormFooter submit="Toevoegen" />
        </Stack>
      </form>
    </Modal>
  );
}

type ItemForm = Omit<MethodInput<'agenda.updateItem'>, 'id'>;

/** Title, inbrenger, time slot, confidentiality and guests of one item; removing it too. */
export function ItemSettingsModal({ item, meetingId, onClose }: { item: AgendaItem | null; meetingId: string; onClose(): void }) {
  return (
    <Modal opened={item !== null} onClose={onClose} title="Agendapunt wijzigen" size="lg">
      {item && <ItemSettingsForm item={item} meetingId={meetingId} onClose={onClose} />}
    </Modal>
  );
}

function ItemSettingsForm({ item, meetingId, onClose }: { item: AgendaItem; meetingId: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const staff = useStaff();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<ItemForm>({
    initialValues: {
      title: item.title,
      presenterId: item.presenter?.id ?? null,
      durationMinutes: item.durationMinutes,
      confidential: item.confidential,
      guests: item.guests,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await invoke('agenda.updateItem', { id: item.id, ...values });
      await refreshMeeting(queryClient, meetingId);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) form.setErrors(err.fields);
      else setError(err);
    }
  });
  const remove = async () => {
    try {
      await invoke('agenda.removeItem', { id: item.id });
      await refreshMeeting(queryClient, meetingId);
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        {error !== null && <ErrorAlert error={error} />}
        <TextInput label="Titel" required {...form.getInputProps('title')} />
        <Group grow align="start">
          <Select
            label="Inbrenger"
            placeholder="Typ een code"
            searchable
            clearable
            data={(staff.data ?? [])
              .filter((s) => s.active || s.id === form.values.presenterId)
              .map((s) => ({ value: s.id, label: `${s.code} — ${s.name}` }))}
            {...form.getInputProps('presenterId')}
          />
          <NumberInput
            label="Tijd (minuten)"
            min={1}
            max={240}
            allowDecimal={false}
            clampBehavior="none"
            {...form.getInputProps('durationMinutes')}
          />
        </Group>
        <Checkbox
          label="Vertrouwelijk: niet op de projector en alleen voor wie erbij hoort"
          {...form.getInputProps('confidential', { type: 'checkbox' })}
        />
        <Stack gap={6}>
          <Text fw={600} size="sm">
            Gasten bij dit punt
          </Text>
          {form.values.guests.map((_, index) => (
            <Group key={index} align="start">
              <Select
                data={guestKinds.map((k) => ({ value: k, label: guestKindLabels[k] }))}
                w={140}
                aria-label="Soort gast"
                {...form.getInputProps(`guests.${index}.kind`)}
              />
              <TextInput
                placeholder="Naam"
                aria-label="Naam van de gast"
                style={{ flex: 1 }}
                {...form.getInputProps(`guests.${index}.name`)}
              />
              <RemoveRowButton label="Gast verwijderen" onClick={() => form.removeListItem('guests', index)} />
            </Group>
          ))}
          <AddRowButton onClick={() => form.insertListItem('guests', { kind: 'ouders', name: '' })}>Gast toevoegen</AddRowButton>
        </Stack>
        <FormFooter
          onCancel={onClose}
          submit="Opslaan"
          start={
            <Button variant="subtle" color="red" onClick={() => void remove()}>
              Van de agenda halen
            </Button>
          }
        />
      </Stack>
    </form>
  );
}
