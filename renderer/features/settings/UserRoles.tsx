import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { userRoleLabels, userRoles, type UserRole } from '../../../electron/features/settings/vocabulary';
import { invoke } from '../../api/client';
import { vaultStatusKey } from '../../api/session';
import { FormFooter } from '../../components/FormFooter';
import { refreshAccess } from './extensions';
import { usersKey, type User } from './users-query';

const roleDescriptions: Record<UserRole, string> = {
  coordinator: 'Plant het jaar, beoordeelt aanmeldingen, beheert instellingen en rollen.',
  voorzitter: 'Leidt het overleg.',
  notulist: 'Maakt de notulen.',
  lid: 'Leest mee en meldt leerlingen aan.',
  aandachtsfunctionaris: 'Ziet en voert Meldcode-trajecten.',
};

export function RoleBadges({ roles }: { roles: UserRole[] }) {
  if (roles.length === 0)
    return (
      <Text size="sm" c="dimmed">
        geen rol
      </Text>
    );
  return (
    <Group gap={4}>
      {userRoles
        .filter((r) => roles.includes(r))
        .map((r) => (
          <Badge
            key={r}
            variant="light"
            color={r === 'aandachtsfunctionaris' ? 'red' : r === 'coordinator' ? 'blue' : 'gray'}
            style={{ textTransform: 'none' }}
          >
            {userRoleLabels[r]}
          </Badge>
        ))}
    </Group>
  );
}

/** One checkbox per role, with what the role means. */
export function RolesField(props: { value: UserRole[]; onChange(roles: UserRole[]): void; error?: string }) {
  return (
    <Checkbox.Group label="Rollen" value={props.value} onChange={(v) => props.onChange(v as UserRole[])} error={props.error}>
      <Stack gap={8} mt={6}>
        {userRoles.map((r) => (
          <Checkbox key={r} value={r} label={userRoleLabels[r]} description={roleDescriptions[r]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function RolesForm({ user, onDone }: { user: User; onDone(): void }) {
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<UserRole[]>(user.roles);
  const save = useMutation({
    mutationFn: () => invoke('users.setRoles', { userId: user.id, roles }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        // Your own roles decide what the screens show, the Meldcode track first.
        queryClient.invalidateQueries({ queryKey: vaultStatusKey }),
        refreshAccess(queryClient),
      ]);
      notifications.show({ color: 'teal', message: `De rollen van ${user.name} zijn bewaard.` });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <RolesField value={roles} onChange={setRoles} />
        <FormFooter mutation={save} errorTitle="Niet opgeslagen" onCancel={onDone} submit="Opslaan" />
      </Stack>
    </form>
  );
}
