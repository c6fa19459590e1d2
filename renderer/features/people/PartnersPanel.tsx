import { Badge, Button, Group, Loader, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { partnerKindLabels, partnerKinds, type PartnerKind } from '../../../electron/features/people/vocabulary';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { peopleKey, usePartners } from './queries';
import { EditModal } from '../../components/EditModal';

type Partner = MethodOutput<'partners.list'>[number];

/** Organisations outside the school; their presence in a meeting makes parental consent necessary. */
export function PartnersPanel() {
  const partners = usePartners();
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed">Externe partners die aan het ZAT of een MDO deelnemen.</Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
          Partner toevoegen
        </Button>
      </Group>
      {partners.isPending && <Loader aria-label="Laden" />}
      {partners.isError && <ErrorAlert error={partners.error} />}
      {partners.data && (
        <Table striped highlightOnHover withTableBorder aria-label="Externe partners">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organisatie</Table.Th>
              <Table.Th>Soort</Table.Th>
              <Table.Th>Contactpersoon</Table.Th>
              <Table.Th>E-mail en telefoon</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {partners.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {p.organisation}{' '}
                  {!p.active && (
                    <Badge size="sm" color="gray" variant="light">
                      inactief
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{partnerKindLabels[p.kind]}</Table.Td>
                <Table.Td>{p.contactName}</Table.Td>
                <Table.Td>{[p.email, p.phone].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing(p)} aria-label={`${p.organisation} wijzigen`}>
                    Wijzigen
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EditModal editing={editing} onClose={() => setEditing(null)} titles={{ add: 'Partner toevoegen', edit: 'Partner wijzigen' }}>
        {(partner) => <PartnerForm partner={partner} onSaved={() => setEditing(null)} />}
      </EditModal>
    </Stack>
  );
}

function PartnerForm({ partner, onSaved }: { partner: Partner | null; onSaved(): void }) {
  const queryClient = useQueryClient();
  const form = useForm<{ organisation: string; kind: PartnerKind | null; contactName: string; email: string; phone: string; active: boolean }>({
    initialValues: {
      organisation: partner?.organisation ?? '',
      kind: partner?.kind ?? null,
      contactName: partner?.contactName ?? '',
      email: partner?.email ?? '',
      phone: partner?.phone ?? '',
      active: partner?.active ?? true,
    },
    validate: {
      organisation: (v) => (v.trim() ? null : 'Vul de organisatie in.'),
      kind: (v) => (v ? null : 'Kies het soort partner.'),
    },
  });
  const save = useMutation({
    mutationFn: ({ kind, ...v }: typeof form.values) => invoke('partners.save', { id: partner?.id ?? null, kind: kind ?? 'anders', ...v }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKey });
      onSaved();
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput label="Organisatie" required data-autofocus {...form.getInputProps('organisation')} />
        <Select
          label="Soort"
          required
          data={partnerKinds.map((k) => ({ value: k, label: partnerKindLabels[k] }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label="Contactpersoon" {...form.getInputProps('contactName')} />
        <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
        <TextInput label="Telefoon" {...form.getInputProps('phone')} />
        <Switch label="Actief" {...form.getInputProps('active', { type: 'checkbox' })} />
        {save.isError && <ErrorAlert error={save.error} title="Niet opgeslagen" />}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
