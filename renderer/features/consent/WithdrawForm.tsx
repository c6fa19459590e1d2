import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useState } from 'react';
import { dateProblem } from '../../../electron/shared/date-rules';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { formatDate } from '../people/queries';
import { purposeLabel, showFieldErrors, type ConsentRecordRow } from './labels';
import { refreshConsent } from './queries';

interface Values {
  withdrawnOn: string;
  withdrawnBy: string;
  note: string;
}

/** Withdrawing is as easy as giving: one dialog, today and the signer filled in. The record stays as proof. */
export function WithdrawForm({ record, onDone }: { record: ConsentRecordRow; onDone(): void }) {
  const queryClient = useQueryClient();
  const [unplacedError, setUnplacedError] = useState(false);
  const form = useForm<Values>({
    initialValues: { withdrawnOn: format(new Date(), 'yyyy-MM-dd'), withdrawnBy: record.signerName, note: '' },
    validate: {
      withdrawnOn: (v) => (v ? dateProblem(v, 'Datum') : 'Datum: vul de datum van intrekking in.'),
      withdrawnBy: (v) => (v.trim() ? null : 'Vul in wie de toestemming intrekt.'),
    },
  });
  const withdraw = useMutation({
    mutationFn: (v: Values) => invoke('consent.withdraw', { id: record.id, ...v }),
    onMutate: () => setUnplacedError(false),
    onSuccess: async () => {
      await refreshConsent(queryClient);
      notifications.show({ color: 'teal', message: `De toestemming van ${record.signerName} is ingetrokken.` });
      onDone();
    },
    onError: (error) => setUnplacedError(!showFieldErrors(error, Object.keys(form.values), form.setErrors)),
  });

  return (
    <form onSubmit={form.onSubmit((v) => withdraw.mutate(v))} noValidate>
      <Stack>
        <Text size="sm">
          Toestemming van <strong>{record.signerName}</strong> van {formatDate(record.givenOn)} voor{' '}
          {record.partners.map((p) => p.name).join(', ')} ({record.purposes.map((p) => lowerFirst(purposeLabel(p))).join(', ')}).
        </Text>
        <Text size="sm" c="dimmed">
          Na intrekking wordt de leerling niet meer met deze partners besproken. Wat al in notulen staat, blijft bestaan; de toestemming
          blijft zichtbaar in de geschiedenis.
        </Text>
        <DateField label="Datum" required data-autofocus {...form.getInputProps('withdrawnOn')} />
        <TextInput label="Door wie" required {...form.getInputProps('withdrawnBy')} />
        <Textarea label="Toelichting" autosize minRows={2} {...form.getInputProps('note')} />
        <FormFooter
          mutation={withdraw}
          errorTitle="Niet ingetrokken"
          showError={unplacedError}
          onCancel={onDone}
          submit="Intrekken"
          color="red"
        />
      </Stack>
    </form>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
