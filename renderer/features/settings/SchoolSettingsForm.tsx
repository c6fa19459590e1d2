import {
  Button,
  Fieldset,
  Group,
  Input,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { MethodOutput } from '../../../electron/app/contract';
import { ApiError, invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { vaultStatusKey, useMayCall } from '../../api/session';
import { RoleGate } from '../../components/RoleGate';
import { refreshAccess } from './extensions';
import { regionOptions } from '../../components/regions';

type Settings = MethodOutput<'settings.get'>;
const settingsKey = ['settings'] as const;

export function SchoolSettingsForm() {
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => invoke('settings.get', {}) });
  if (settings.isPending) return <Loader aria-label="Laden" />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return <SettingsEditor saved={settings.data} />;
}

function SettingsEditor({ saved }: { saved: Settings }) {
  const queryClient = useQueryClient();
  // Read-only for whoever may not change the school's settings (the roles table).
  const mayEdit = useMayCall('settings.update');
  const form = useForm<Settings>({
    initialValues: saved,
    validate: {
      schoolName: (v) => (v.trim() ? null : 'Vul de naam van de school in.'),
      postalCode: (v) => (v.trim() === '' || /^[1-9][0-9]{3} ?[a-zA-Z]{2}$/.test(v.trim()) ? null : 'Een postcode ziet eruit als 1234 AB.'),
      email: (v) => (v.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Dit is geen geldig e-mailadres.'),
    },
  });
  // What the backend stored (normalised postcode, trimmed text) becomes the new clean state.
  useEffect(() => {
    form.setValues(saved);
    form.resetDirty(saved);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  const save = useMutation({
    mutationFn: (values: Settings) => invoke('settings.update', values),
    onSuccess: async (stored) => {
      queryClient.setQueryData(settingsKey, stored);
      await Promise.all([queryClient.invalidateQueries({ queryKey: vaultStatusKey }), refreshAccess(queryClient)]);
      notifications.show({ color: 'teal', title: 'Opgeslagen', message: 'De schoolgegevens zijn bewaard.' });
    },
    // The contract's messages (a phone number that is none) also stand under their fields.
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fields);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="lg" maw={760}>
        <Fieldset disabled={!mayEdit} legend="School">
          <Stack>
            <TextInput label="Naam van de school" required {...form.getInputProps('schoolName')} />
            <Input.Wrapper label="Vakantieregio" description="Bepaalt welke schoolvakanties het jaarrooster overslaat.">
              <SegmentedControl data={regionOptions} {...form.getInputProps('region')} />
            </Input.Wrapper>
          </Stack>
        </Fieldset>
        <Fieldset disabled={!mayEdit} legend="Adres en contact (voor het briefhoofd)">
          <Stack>
            <TextInput label="Straat en huisnummer" {...form.getInputProps('street')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Postcode" placeholder="1234 AB" {...form.getInputProps('postalCode')} />
              <TextInput label="Plaats" {...form.getInputProps('city')} />
              <TextInput label="Telefoon" {...form.getInputProps('phone')} />
              <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
            </SimpleGrid>
            <TextInput label="Website" {...form.getInputProps('website')} />
          </Stack>
        </Fieldset>
        <Fieldset disabled={!mayEdit} legend="Ondertekening van brieven">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Naam ondertekenaar" {...form.getInputProps('letterSignatoryName')} />
              <TextInput label="Functie ondertekenaar" {...form.getInputProps('letterSignatoryRole')} />
            </SimpleGrid>
            <Textarea label="Voettekst" autosize minRows={2} {...form.getInputProps('letterFooter')} />
          </Stack>
        </Fieldset>
        <Fieldset disabled={!mayEdit} legend="Meldcode huiselijk geweld en kindermishandeling">
          <Switch
            label="Coördinator mag Meldcode-trajecten inzien"
            description="De aandachtsfunctionaris ziet de trajecten altijd; andere gebruikers nooit."
            {...form.getInputProps('meldcodeCoordinatorAccess', { type: 'checkbox' })}
          />
        </Fieldset>
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        <Group justify="flex-end">
          {mayEdit && form.isDirty() && (
            <Text size="sm" c="dimmed">
              Er zijn wijzigingen die nog niet zijn opgeslagen.
            </Text>
          )}
          {/* Read-only for whoever may not change it: the button says why before anything is typed. */}
          <RoleGate method="settings.update" may={mayEdit}>
            {(refused) => (
              <Button type="submit" leftSection={<IconDeviceFloppy size={18} />} loading={save.isPending} disabled={refused}>
                Opslaan
              </Button>
            )}
          </RoleGate>
        </Group>
      </Stack>
    </form>
  );
}
