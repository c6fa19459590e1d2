import { Select, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { MethodOutput } from '../../../electron/app/contract';
import { partnerKindLabels, partnerKinds, type PartnerKind } from '../../../electron/features/people/vocabulary';
import { invoke } from '../../api/client';
import { useMayCall } from '../../api/session';
import { InactiveBadge, RecordForm, RecordList } from '../../components/RecordList';
import { peopleKey, usePartners } from './queries';

type Partner = MethodOutput<'partners.list'>[number];

/** Organisations outside the school; their presence in a meeting makes parental consent necessary. */
export function PartnersPanel() {
  const partners = usePartners();
  const editable = useMayCall('partners.save');
  return (
    <RecordList
      editable={editable}
      noun="Partner"
      label="Externe partners"
      intro="Externe partners die aan het ZAT of een MDO deelnemen."
      records={partners.data}
      query={partners}
      rowKey={(p) => p.id}
      name={(p) => p.organisation}
      columns={[
        {
          header: 'Organisatie',
          cell: (p) => (
            <>
              {p.organisation} {!p.active && <InactiveBadge />}
            </>
          ),
        },
        { header: 'Soort', cell: (p) => partnerKindLabels[p.kind] },
        { header: 'Contactpersoon', cell: (p) => p.contactName },
        { header: 'E-mail en telefoon', cell: (p) => [p.email, p.phone].filter(Boolean).join(' · ') },
      ]}
      form={(partner, close) => <PartnerForm partner={partner} onDone={close} />}
    />
  );
}

/** The contract checks the fields and its messages show under them; an empty Soort is caught here, as the contract's type has none. */
function PartnerForm({ partner, onDone }: { partner: Partner | null; onDone(): void }) {
  const form = useForm<{
    organisation: string;
    kind: PartnerKind | null;
    contactName: string;
    email: string;
    phone: string;
    active: boolean;
  }>({
    initialValues: {
      organisation: partner?.organisation ?? '',
      kind: partner?.kind ?? null,
      contactName: partner?.contactName ?? '',
      email: partner?.email ?? '',
      phone: partner?.phone ?? '',
      active: partner?.active ?? true,
    },
    validate: { kind: (v) => (v ? null : 'Kies het soort partner.') },
  });
  return (
    <RecordForm
      form={form}
      save={({ kind, ...v }) => invoke('partners.save', { id: partner?.id ?? null, kind: kind!, ...v })}
      refresh={peopleKey}
      onDone={onDone}
    >
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
    </RecordForm>
  );
}
