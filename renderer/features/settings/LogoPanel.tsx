import { Button, FileButton, Fieldset, Group, Image, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LOGO_MAX_BYTES } from '../../../electron/features/settings/vocabulary';
import { readFileAsBase64 } from '../../components/read-file';

/** The letterhead's logo: shown in every Word document's header. Saved at once, checked by the backend. */
export function LogoPanel({ editable }: { editable: boolean }) {
  const queryClient = useQueryClient();
  const logo = useQuery({ queryKey: ['settings', 'logo'], queryFn: () => invoke('settings.logo', {}) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['settings', 'logo'] });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      // Checked here too, so a photo of 20 MB is not read and sent first; the backend decides on the bytes.
      if (file.size > LOGO_MAX_BYTES) throw new Error('Het logo is groter dan 2 MB. Kies een kleinere afbeelding.');
      return invoke('settings.setLogo', { contentBase64: await readFileAsBase64(file, () => {}) });
    },
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => invoke('settings.removeLogo', {}), onSuccess: refresh });
  const current = logo.data ?? null;

  return (
    <Fieldset legend="Logo (voor het briefhoofd)">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Een PNG- of JPG-afbeelding van hoogstens 2 MB. Het logo staat rechtsboven op brieven, agenda's, notulen en het jaarrooster.
        </Text>
        {current ? (
          <Image
            src={`data:image/${current.type === 'jpg' ? 'jpeg' : 'png'};base64,${current.contentBase64}`}
            alt="Logo van de school"
            h={64}
            w="auto"
            fit="contain"
            style={{ alignSelf: 'flex-start' }}
          />
        ) : (
          <Text size="sm">Nog geen logo.</Text>
        )}
        {editable && (
          <Group gap="xs">
            <FileButton accept="image/png,image/jpeg" onChange={(file) => file && upload.mutate(file)}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconPhotoUp size={16} />} loading={upload.isPending}>
                  {current ? 'Ander logo kiezen' : 'Logo kiezen'}
                </Button>
              )}
            </FileButton>
            {current && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                loading={remove.isPending}
                onClick={() => remove.mutate()}
              >
                Logo verwijderen
              </Button>
            )}
          </Group>
        )}
        {upload.isError && <ErrorAlert error={upload.error} title="Logo niet opgeslagen" />}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
    </Fieldset>
  );
}
