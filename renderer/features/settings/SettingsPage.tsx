import { Stack, Tabs, Title } from '@mantine/core';
import { IconBuildingCommunity, IconKey, IconUsers } from '@tabler/icons-react';
import { SchoolSettingsForm } from './SchoolSettingsForm';
import { UsersPanel } from './UsersPanel';
import { ChangePassphraseForm } from './ChangePassphraseForm';

export function SettingsPage() {
  return (
    <Stack gap="lg">
      <Title order={1}>Instellingen</Title>
      <Tabs defaultValue="school" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="school" leftSection={<IconBuildingCommunity size={18} />}>
            School en briefhoofd
          </Tabs.Tab>
          <Tabs.Tab value="users" leftSection={<IconUsers size={18} />}>
            Gebruikers
          </Tabs.Tab>
          <Tabs.Tab value="passphrase" leftSection={<IconKey size={18} />}>
            Mijn wachtwoord
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="school" pt="lg">
          <SchoolSettingsForm />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="lg">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="passphrase" pt="lg">
          <ChangePassphraseForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
