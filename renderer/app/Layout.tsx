import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconCalendarEvent,
  IconChecklist,
  IconClipboardText,
  IconLock,
  IconMail,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { lockVault, useSession } from '../api/session';

const sections = [
  { to: '/jaarrooster', label: 'Jaarrooster', icon: IconCalendarEvent },
  { to: '/overleggen', label: 'Overleggen', icon: IconUsersGroup },
  { to: '/aanmeldingen', label: 'Aanmeldingen', icon: IconClipboardText },
  { to: '/leerlingen', label: 'Leerlingen', icon: IconUsers },
  { to: '/acties', label: 'Acties', icon: IconChecklist },
  { to: '/brieven', label: 'Brieven', icon: IconMail },
  { to: '/instellingen', label: 'Instellingen', icon: IconSettings },
];

export function Layout() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [navOpen, { toggle }] = useDisclosure();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="xl">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          {/* The left side gives way (a long school name ends in "…"); the buttons on the right never do. */}
          <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <img src="./icon.svg" alt="" width={28} height={28} style={{ flexShrink: 0 }} />
            <Text fw={700} size="lg" style={{ flexShrink: 0 }}>
              Zorgoverleg
            </Text>
            <Tooltip label={session.schoolName} openDelay={300} multiline maw={480}>
              <Text c="dimmed" truncate="end" style={{ minWidth: 0 }} data-testid="school-name">
                {session.schoolName}
              </Text>
            </Tooltip>
            {session.demo && (
              <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                Demo
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Text size="sm" c="dimmed" visibleFrom="sm" truncate="end" maw={240}>
              {session.user.name} ({session.user.staffCode})
            </Text>
            <Tooltip label="Sluit de database en wist alle gegevens van het scherm">
              <Button variant="default" leftSection={<IconLock size={18} />} onClick={() => void lockVault(queryClient)}>
                Vergrendelen
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Hoofdmenu">
        {sections.map(({ to, label, icon: Icon }) => (
          <NavLink key={to} component={RouterNavLink} to={to} label={label} leftSection={<Icon size={20} />} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
