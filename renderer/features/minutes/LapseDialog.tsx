import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, invoke } from '../../api/client';
import { FormFooter } from '../../components/FormFooter';
import { useLastValue } from '../../components/useLastValue';
import { meetingsKey } from '../agenda/queries';
import { refreshMinutes } from './queries';

type Lapsing = { id: string; origin: string; caseName: string | null; what: string };

/** "Vervallen" from the Acties list or a meeting: one dialog that asks why. */
export function LapseDialog({ action, onClose }: { action: Lapsing | null; onClose(): void }) {
  // Keeps the action through the closing fade.
  const shown = useLastValue(action);
  return (
    <Modal opened={action !== null} onClose={onClose} title="Actie laten vervallen" size="lg">
      {shown && <LapseForm key={shown.id} action={shown} onDone={onClose} />}
    </Modal>
  );
}

/**
 * Lapsing needs a reason. The backend is the one that refuses an empty one; its message goes next
 * to the field and the typed text stays, whatever else went wrong.
 */
function LapseForm({ action, onDone }: { action: Lapsing; onDone(): void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const lapse = useMutation({
    mutationFn: (reason: string) => invoke('actions.setStatus', { id: action.id, status: 'vervallen', note: reason }),
    onSuccess: async () => {
      await Promise.all([refreshMinutes(queryClient), queryClient.invalidateQueries({ queryKey: meetingsKey })]);
      notifications.show({ color: 'gray', message: `Actie ${action.origin} is vervallen.` });
      onDone();
    },
  });
  const noteError = lapse.error instanceof ApiError ? lapse.error.fields.note : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        lapse.mutate(note);
      }}
    >
      <Stack>
        <div>
          <Text size="sm" fw={500}>
            {action.origin}
            {action.caseName ? ` · ${action.caseName}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {action.what}
          </Text>
        </div>
        <Textarea
          label="Reden"
          description="Waarom hoeft deze actie niet meer? De reden blijft bij de actie staan."
          required
          autosize
          minRows={3}
          data-autofocus
          value={note}
          error={noteError}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            if (noteError) lapse.reset();
          }}
        />
        <FormFooter
          mutation={lapse}
          errorTitle="Niet vervallen"
          showError={!noteError}
          onCancel={onDone}
          submit="Laten vervallen"
          color="red"
        />
      </Stack>
    </form>
  );
}
