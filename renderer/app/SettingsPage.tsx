import { Stack, Tabs, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconBuildingCommunity,
  IconForms,
  IconKey,
  IconListDetails,
  IconMail,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { TemplatesPanel } from '../features/letters/TemplatesPanel';
import { PartnersPanel } from '../features/people/PartnersPanel';
import { StaffPanel } from '../features/people/StaffPanel';
import { useSearchParams } from 'react-router';
import { useMayCall } from '../api/session';
import { LogoPanel } from '../features/settings/LogoPanel';
import { SchoolSettingsForm } from '../features/settings/SchoolSettingsForm';
import { UsersPanel } from '../features/settings/UsersPanel';
import { ChangePassphraseForm } from '../features/settings/ChangePassphraseForm';
import { IntakeFormEditor } from '../features/settings/IntakeFormEditor';
import { BackupsPanel } from '../features/backup/BackupsPanel';
import { IconDatabaseExport } from '@tabler/icons-react';
import { AuditPanel } from '../features/audit/AuditPanel';
import { IconHourglass } from '@tabler/icons-react';
import { RetentionPanel } from '../features/retention/RetentionPanel';

export function SettingsPage() {
  const mayRetention = useMayCall('retention.worklist');
  const mayAudit = useMayCall('audit.list');
  const mayLogo = useMayCall('settings.setLogo');
  const mayTemplates = useMayCall('letters.saveTemplate');
  // Brieven links straight to its templates.
  const [params] = useSearchParams();
  return (
    <Stack gap="lg">
      <Title order={1}>Instellingen</Title>
      <Tabs
        defaultValue={params.get('tab') === 'brieven' ? 'letters' : params.get('tab') === 'bewaartermijnen' ? 'retention' : 'school'}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="school" leftSection={<IconBuildingCommunity size={18} />}>
            School en briefhoofd
          </Tabs.Tab>
          <Tabs.Tab value="staff" leftSection={<IconUsersGroup size={18} />}>
            Medewerkers
          </Tabs.Tab>
          <Tabs.Tab value="partners" leftSection={<IconAddressBook size={18} />}>
            Externe partners
          </Tabs.Tab>
          <Tabs.Tab value="users" leftSection={<IconUsers size={18} />}>
            Gebruikers
          </Tabs.Tab>
          <Tabs.Tab value="intake-form" leftSection={<IconForms size={18} />}>
            Aanmeldformulier
          </Tabs.Tab>
          <Tabs.Tab value="letters" leftSection={<IconMail size={18} />}>
            Brieven
          </Tabs.Tab>
          <Tabs.Tab value="passphrase" leftSection={<IconKey size={18} />}>
            Mijn wachtwoord
          </Tabs.Tab>
          <Tabs.Tab value="backups" leftSection={<IconDatabaseExport size={18} />}>
            Back-ups
          </Tabs.Tab>
          {mayRetention && (
            <Tabs.Tab value="retention" leftSection={<IconHourglass size={18} />}>
              Bewaartermijnen
            </Tabs.Tab>
          )}
          {mayAudit && (
            <Tabs.Tab value="audit" leftSection={<IconListDetails size={18} />}>
              Logboek
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="school" pt="lg">
          <Stack gap="lg">
            <SchoolSettingsForm />
            <LogoPanel editable={mayLogo} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="staff" pt="lg">
          <StaffPanel />
        </Tabs.Panel>
        <Tabs.Panel value="partners" pt="lg">
          <PartnersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="lg">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="intake-form" pt="lg">
          <IntakeFormEditor />
        </Tabs.Panel>
        <Tabs.Panel value="letters" pt="lg">
          <TemplatesPanel editable={mayTemplates} />
        </Tabs.Panel>
        <Tabs.Panel value="passphrase" pt="lg">
          <ChangePassphraseForm />
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="lg">
          <BackupsPanel />
        </Tabs.Panel>
        {mayRetention && (
          <Tabs.Panel value="retention" pt="lg">
            <RetentionPanel />
          </Tabs.Panel>
        )}
        {mayAudit && (
          <Tabs.Panel value="audit" pt="lg">
            <AuditPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
