import { Alert, Group, Loader, PasswordInput, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArchive, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/app/contract';
import { backupKindLabels } from '../../../electron/features/backup/vocabulary';
import { instantDateTime } from '../../../electron/shared/dutch-dates';
import { invoke } from '../../api/client';
import { vaultStatusKey } from '../../api/session';
import { FormFooter } from '../../components/FormFooter';
import { newPassphraseRules } from '../vault/passphrase-rules';
import { CodeInput, RecoveryKeyInput, UserSelect } from '../vault/VaultFields';

type Inspected = MethodOutput<'backup.inspect'> & { path: string };
const OTHER_FILE = 'ander-bestand';

/**
 * "Omgeving openen uit back-up" on the start screen: a backup from a USB stick or another computer
 * becomes an environment here, and a lost keyring comes back from a backup on this computer.
 * First the file, then a passphrase valid when it was made, or the recovery key as printed.
 */
export function OpenFromBackupForm({ onBack }: { onBack(): void }) {
  const [backup, setBackup] = useState<Inspected | null>(null);
  return backup ? <UnlockBackup backup={backup} onBack={() => setBackup(null)} /> : <ChooseBackup onChosen={setBackup} onBack={onBack} />;
}

function ChooseBackup({ onChosen, onBack }: { onChosen(backup: Inspected): void; onBack(): void }) {
  const local = useQuery({
    queryKey: ['backup', 'onThisComputer'],
    queryFn: () => invoke('backup.onThisComputer', {}),
  });
  const [choice, setChoice] = useState<string>(OTHER_FILE);
  const [path, setPath] = useState('');
  const inspect = useMutation({
    mutationFn: (chosen: string) => invoke('backup.inspect', { path: chosen }),
    onSuccess: (seen, chosen) => onChosen({ ...seen, path: chosen }),
  });
  const chosenPath = choice === OTHER_FILE ? path.trim() : choice;
  const [missing, setMissing] = useState(false);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!chosenPath);
        if (chosenPath) inspect.mutate(chosenPath);
      }}
    >
      <Stack gap="md">
        <Title order={2} size="h3">
          Omgeving openen uit back-up
        </Title>
        <Text size="sm" c="dimmed">
          Een back-up van een USB-stick of van een andere computer, of een back-up op deze computer als het sleutelbestand van een omgeving
          kwijt of beschadigd is.
        </Text>
        {local.isPending && <Loader size="sm" aria-label="Laden" />}
        <Radio.Group label="Welke back-up?" value={choice} onChange={setChoice}>
          <Stack gap={8} mt={6}>
            {(local.data ?? []).map((b) => (
              <Radio
                key={b.path}
                value={b.path}
                label={`${b.label}, ${instantDateTime(b.takenAt)}`}
                description={`${backupKindLabels[b.kind]}, op deze computer`}
              />
            ))}
            <Radio value={OTHER_FILE} label="Een ander bestand (USB-stick, andere computer)" />
          </Stack>
        </Radio.Group>
        {choice === OTHER_FILE && (
          <CodeInput
            label="Back-upbestand"
            placeholder="Bijvoorbeeld E:\lindeboom-college-2026-03-12-140512.zobackup"
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            error={missing && !chosenPath ? 'Vul in waar de back-up staat.' : null}
          />
        )}
        <FormFooter mutation={inspect} onCancel={onBack} cancelLabel="Terug" submit="Verder" />
      </Stack>
    </form>
  );
}

function UnlockBackup({ backup, onBack }: { backup: Inspected; onBack(): void }) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const form = useForm({
    initialValues: {
      userId: backup.users.length === 1 ? backup.users[0]!.id : '',
      passphrase: '',
      recoveryKey: '',
      newPassphrase: '',
      repeat: '',
    },
    validate: (values) => {
      const problems: Record<string, string | null> = { userId: values.userId ? null : 'Kies wie je bent.' };
      if (secret === 'passphrase') problems.passphrase = values.passphrase ? null : 'Vul het wachtwoord in.';
      else {
        const rules = newPassphraseRules('newPassphrase');
        problems.recoveryKey = values.recoveryKey.trim() ? null : 'Vul de herstelsleutel in.';
        problems.newPassphrase = rules.newPassphrase(values.newPassphrase, values);
        problems.repeat = rules.repeat(values.repeat, values);
      }
      return Object.fromEntries(Object.entries(problems).filter(([, v]) => v !== null));
    },
  });
  const open = useMutation({
    mutationFn: (values: typeof form.values) =>
      invoke(
        'backup.open',
        secret === 'passphrase'
          ? { with: 'passphrase', path: backup.path, userId: values.userId, passphrase: values.passphrase }
          : {
              with: 'recoveryKey',
              path: backup.path,
              userId: values.userId,
              recoveryKey: values.recoveryKey,
              newPassphrase: values.newPassphrase,
            },
      ),
    onSuccess: async ({ repaired }) => {
      notifications.show({
        color: 'teal',
        title: repaired ? 'Sleutelbestand hersteld' : 'Omgeving geopend',
        message: repaired
          ? `Het sleutelbestand van ${backup.label} kwam uit de back-up van ` +
            `${instantDateTime(backup.takenAt)}; alle gegevens op deze computer zijn er nog.`
          : `${backup.label} staat nu op deze computer, zoals in de back-up van ${instantDateTime(backup.takenAt)}.`,
      });
      await queryClient.invalidateQueries({ queryKey: vaultStatusKey });
    },
    onError: () => form.setFieldValue('passphrase', ''),
  });

  return (
    <form onSubmit={form.onSubmit((values) => open.mutate(values))} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">
          {backup.label} openen
        </Title>
        <Group gap="xs" wrap="nowrap">
          <IconArchive size={20} aria-hidden />
          <Text size="sm">Back-up van {instantDateTime(backup.takenAt)}</Text>
        </Group>
        <UserSelect users={backup.users} placeholder="Kies wie je bent" {...form.getInputProps('userId')} />
        <SegmentedControl
          value={secret}
          onChange={(v) => setSecret(v as typeof secret)}
          data={[
            { value: 'passphrase', label: 'Met wachtwoord' },
            { value: 'recoveryKey', label: 'Met herstelsleutel' },
          ]}
          aria-label="Openen met"
        />
        {secret === 'passphrase' ? (
          <>
            <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
              Gebruik het wachtwoord dat gold toen de back-up werd gemaakt.
            </Alert>
            <PasswordInput label="Wachtwoord" autoComplete="current-password" {...form.getInputProps('passphrase')} />
          </>
        ) : (
          <>
            <RecoveryKeyInput {...form.getInputProps('recoveryKey')} />
            <PasswordInput label="Nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
            <PasswordInput label="Herhaal nieuw wachtwoord" autoComplete="new-password" {...form.getInputProps('repeat')} />
          </>
        )}
        <FormFooter mutation={open} onCancel={onBack} cancelLabel="Andere back-up" submit="Openen" />
      </Stack>
    </form>
  );
}
