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
import { StudentPicker } from '../features/people/StudentPicker';
import { useSearchParams } from 'react-router';
import type { ReactNode } from 'react';
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

interface Section {
  value: string;
  label: string;
  icon: typeof IconKey;
  panel: ReactNode;
}

export function SettingsPage() {
  const mayRetention = useMayCall('retention.worklist');
  const mayAudit = useMayCall('audit.list');
  const mayLogo = useMayCall('settings.setLogo');
  const mayTemplates = useMayCall('letters.saveTemplate');
  // Brieven links straight to its templates.
  const [params] = useSearchParams();
  // One row per tab, in the order shown; a tab the user may not use is left out.
  const sections: Section[] = [
    {
      value: 'school',
      label: 'School en briefhoofd',
      icon: IconBuildingCommunity,
      panel: (
        <Stack gap="lg">
          <SchoolSettingsForm />
          <LogoPanel editable={mayLogo} />
        </Stack>
      ),
    },
    { value: 'staff', label: 'Medewerkers', icon: IconUsersGroup, panel: <StaffPanel /> },
    { value: 'partners', label: 'Externe partners', icon: IconAddressBook, panel: <PartnersPanel /> },
    { value: 'users', label: 'Gebruikers', icon: IconUsers, panel: <UsersPanel /> },
    { value: 'intake-form', label: 'Aanmeldformulier', icon: IconForms, panel: <IntakeFormEditor /> },
    { value: 'letters', label: 'Brieven', icon: IconMail, panel: <TemplatesPanel editable={mayTemplates} /> },
    { value: 'passphrase', label: 'Mijn wachtwoord', icon: IconKey, panel: <ChangePassphraseForm /> },
    { value: 'backups', label: 'Back-ups', icon: IconDatabaseExport, panel: <BackupsPanel /> },
    ...(mayRetention ? [{ value: 'retention', label: 'Bewaartermijnen', icon: IconHourglass, panel: <RetentionPanel /> }] : []),
    ...(mayAudit ? [{ value: 'audit', label: 'Logboek', icon: IconListDetails, panel: <AuditPanel StudentPicker={StudentPicker} /> }] : []),
  ];
  return (
    <Stack gap="lg">
      <Title order={1}>Instellingen</Title>
      <Tabs
        defaultValue={params.get('tab') === 'brieven' ? 'letters' : params.get('tab') === 'bewaartermijnen' ? 'retention' : 'school'}
        keepMounted={false}
      >
        <Tabs.List>
          {sections.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={18} />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sections.map(({ value, panel }) => (
          <Tabs.Panel key={value} value={value} pt="lg">
            {panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
