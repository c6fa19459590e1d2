import { Alert, Badge, Box, Button, Card, Center, Group, Image, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArchive, IconBuildingCommunity, IconChevronRight, IconPlus, IconSchool } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { MethodOutput } from '../../electron/app/contract';
import { invoke } from '../api/client';
import { vaultStatusKey } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { UnlockForm } from '../features/vault/UnlockForm';
import { PageLoading } from './lazy-page';

// The unlock is in the first chunk; creating, recovering and opening a backup are rarer and load when chosen.
const CreateEnvironmentForm = lazy(() =>
  import('../features/vault/CreateEnvironmentForm').then((m) => ({ default: m.CreateEnvironmentForm })),
);
const RecoverForm = lazy(() => import('../features/vault/RecoverForm').then((m) => ({ default: m.RecoverForm })));
const OpenFromBackupForm = lazy(() => import('../features/backup/OpenFromBackupForm').then((m) => ({ default: m.OpenFromBackupForm })));

type Environment = MethodOutput<'vault.status'>['environments'][number];
type View =
  | { kind: 'choose' }
  | { kind: 'create' }
  | { kind: 'unlock'; environmentId: string }
  | { kind: 'recover'; environmentId: string }
  | { kind: 'backup' };

interface Props {
  environments: Environment[];
  /** What went wrong as the vault last closed (a full disk), until the next unlock. */
  notice: string | null;
  onCreated(recoveryKey: string): void;
}

/** Everything before the vault is open: choose, create, unlock, recover. */
export function StartScreen({ environments, notice, onCreated }: Props) {
  const usable = environments.filter((e) => !e.problem);
  const [view, setView] = useState<View>(usable.length === 1 ? { kind: 'unlock', environmentId: usable[0]!.id } : { kind: 'choose' });
  const queryClient = useQueryClient();
  const openDemo = useMutation({
    mutationFn: () => invoke('demo.open', {}),
    onSuccess: async ({ environmentId }) => {
      await queryClient.invalidateQueries({ queryKey: vaultStatusKey });
      setView({ kind: 'unlock', environmentId });
    },
  });
  const back = () => setView({ kind: 'choose' });
  const environment = 'environmentId' in view ? environments.find((e) => e.id === view.environmentId) : undefined;

  let content;
  if (view.kind === 'create') {
    content = <CreateEnvironmentForm onCreated={onCreated} onCancel={back} />;
  } else if (view.kind === 'backup') {
    content = <OpenFromBackupForm onBack={back} />;
  } else if (view.kind === 'unlock' && environment) {
    content = (
      <UnlockForm environment={environment} onForgot={() => setView({ kind: 'recover', environmentId: environment.id })} onBack={back} />
    );
  } else if (view.kind === 'recover' && environment) {
    content = <RecoverForm environment={environment} onBack={() => setView({ kind: 'unlock', environmentId: environment.id })} />;
  } else {
    content = (
      <Stack gap="lg">
        {environments.length > 0 && (
          <Stack gap="xs">
            <Title order={2} size="h3">
              Kies een omgeving
            </Title>
            {environments.map((env) => (
              <EnvironmentCard key={env.id} environment={env} onOpen={() => setView({ kind: 'unlock', environmentId: env.id })} />
            ))}
          </Stack>
        )}
        {environments.length === 0 && (
          <Text c="dimmed">
            Welkom. Maak een versleutelde omgeving aan voor je school, of kijk eerst rond in een demo-school met verzonnen leerlingen en
            collega&apos;s.
          </Text>
        )}
        <Stack gap="sm">
          <Button size="lg" fullWidth leftSection={<IconPlus />} onClick={() => setView({ kind: 'create' })}>
            Nieuwe omgeving aanmaken
          </Button>
          <Button
            size="lg"
            fullWidth
            variant="light"
            leftSection={<IconSchool />}
            loading={openDemo.isPending}
            onClick={() => openDemo.mutate()}
          >
            Demo-school openen
          </Button>
          <Button fullWidth variant="subtle" leftSection={<IconArchive />} onClick={() => setView({ kind: 'backup' })}>
            Omgeving openen uit back-up
          </Button>
        </Stack>
        {openDemo.isError && <ErrorAlert error={openDemo.error} />}
      </Stack>
    );
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Card withBorder shadow="sm" p="xl" w="100%" maw={560}>
        <Stack gap="lg">
          <Group gap="sm">
            <Image src="./icon.svg" alt="" w={40} h={40} />
            <Box>
              <Title order={1} size="h2">
                Zorgoverleg
              </Title>
              <Text size="sm" c="dimmed">
                Overleg, aanmeldingen en afspraken van het ondersteuningsteam
              </Text>
            </Box>
          </Group>
          {notice && (
            <Alert color="orange" role="alert">
              {notice}
            </Alert>
          )}
          <Suspense fallback={<PageLoading />}>{content}</Suspense>
        </Stack>
      </Card>
    </Center>
  );
}

function EnvironmentCard({ environment, onOpen }: { environment: Environment; onOpen(): void }) {
  if (environment.problem) {
    return (
      <Card withBorder p="sm">
        <Text fw={600}>{environment.label}</Text>
        <Text size="sm" c="red.8">
          {environment.problem.message}
        </Text>
      </Card>
    );
  }
  return (
    <UnstyledButton onClick={onOpen} aria-label={`Open ${environment.label}`}>
      <Card withBorder p="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <IconBuildingCommunity />
            <Text fw={600}>{environment.label}</Text>
            {environment.demo && (
              <Badge color="orange" variant="light">
                Demo
              </Badge>
            )}
          </Group>
          <IconChevronRight />
        </Group>
      </Card>
    </UnstyledButton>
  );
}
