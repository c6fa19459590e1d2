import { Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useState } from 'react';
import { consentPurposeLabels, consentPurposes, type ConsentPurpose } from '../../../electron/features/consent/rules';
import { consentWays, type ConsentWay } from '../../../electron/features/consent/vocabulary';
import { dateProblem } from '../../../electron/shared/date-rules';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { usePartners } from '../people/queries';
import { showFieldErrors, type ConsentOverview } from './labels';
import { refreshConsent } from './queries';

interface Values {
  /** 'student', or 'guardian:<id>' */
  signer: string | null;
  decision: 'given' | 'refused';
  purposes: ConsentPurpose[];
  partnerIds: string[];
  method: ConsentWay | null;
  informationGiven: string;
  givenOn: string;
  validUntil: string;
  untilCaseClosed: boolean;
}

const today = () => format(new Date(), 'yyyy-MM-dd');

/**
 * Records one signer's decision. The partners of the next meeting with externals are ticked to
 * start with (none within ten weeks: those of the student's intake meeting or its series are
 * offered in one click); a guardian without gezag is listed but cannot be chosen. The backend's objections
 * appear next to the field they are about, and nothing typed is lost.
 */
export function ConsentForm({ studentId, overview, onSaved }: { studentId: string; overview: ConsentOverview; onSaved(): void }) {
  const queryClient = useQueryClient();
  const partners = usePartners();
  const nextMeetingPartners = overview.upcoming[0]?.checks.map((c) => c.partnerId) ?? [];
  const [unplacedError, setUnplacedError] = useState(false);

  const form = useForm<Values>({
    initialValues: {
      signer: null,
      decision: 'given',
      purposes: ['bespreking'],
      partnerIds: nextMeetingPartners,
      method: 'schriftelijk',
      informationGiven: '',
      givenOn: today(),
      validUntil: '',
      untilCaseClosed: false,
    },
    validate: {
      signer: (v) => (v ? null : 'Kies wie toestemming geeft.'),
      purposes: (v) => (v.length > 0 ? null : 'Kies minstens één doel.'),
      partnerIds: (v) => (v.length > 0 ? null : 'Kies minstens één partner.'),
      method: (v) => (v ? null : 'Kies hoe de toestemming is gegeven.'),
      givenOn: (v) => (v ? dateProblem(v, 'Datum') : 'Datum: vul de datum van de toestemming in.'),
      validUntil: (v, values) => (v && !values.untilCaseClosed ? dateProblem(v, 'Geldig t/m') : null),
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) =>
      invoke('consent.record', {
        studentId,
        signer: v.signer === 'student' ? { kind: 'student' } : { kind: 'guardian', guardianId: (v.signer ?? '').replace(/^guardian:/, '') },
        decision: v.decision,
        purposes: v.purposes,
        partnerIds: v.partnerIds,
        method: v.method ?? 'schriftelijk',
        informationGiven: v.informationGiven,
        givenOn: v.givenOn,
        validUntil: v.untilCaseClosed ? null : v.validUntil || null,
        untilCaseClosed: v.untilCaseClosed,
      }),
    onMutate: () => setUnplacedError(false),
    onSuccess: async (_, v) => {
      await refreshConsent(queryClient);
      const name = overview.signers.find((s) => signerValue(s) === v.signer)?.name ?? '';
      notifications.show({
        color: 'teal',
        message: v.decision === 'given' ? `De toestemming van ${name} is vastgelegd.` : `De weigering van ${name} is vastgelegd.`,
      });
      onSaved();
    },
    onError: (error) => setUnplacedError(!showFieldErrors(error, Object.keys(form.values), form.setErrors)),
  });

  const withoutGezag = overview.signers.filter((s) => s.kind === 'guardian' && !s.parentalAuthority);
  const signerOptions = overview.signers.map((s) => ({
    value: signerValue(s),
    label: s.kind === 'student' ? `${s.name} (leerling)` : s.parentalAuthority ? s.name : `${s.name} (geen gezag)`,
    disabled: s.kind === 'guardian' && !s.parentalAuthority,
  }));

  // No meeting with externals within ten weeks: the partners of the student's intake meeting (or its series), one click away.
  const offer = overview.partnerOffer;
  const offered = offer?.partners.map((p) => p.id) ?? [];
  const takeOffer = () => form.setFieldValue('partnerIds', [...new Set([...form.values.partnerIds, ...offered])]);
  // Active partners, and any inactive one the next meeting (or the offer) still names.
  const partnerOptions = (partners.data ?? []).filter((p) => p.active || nextMeetingPartners.includes(p.id) || offered.includes(p.id));

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Select
          label="Ondertekenaar"
          placeholder="Kies wie tekent"
          required
          data={signerOptions}
          allowDeselect={false}
          description={
            withoutGezag.length > 0
              ? `${withoutGezag.map((s) => s.name).join(' en ')} ` +
                `${withoutGezag.length > 1 ? 'hebben geen ouderlijk gezag en kunnen' : 'heeft geen ouderlijk gezag en kan'} ` +
                `geen toestemming geven (wel recht op basisinformatie).`
              : undefined
          }
          data-autofocus
          {...form.getInputProps('signer')}
        />
        <Radio.Group label="Besluit" required {...form.getInputProps('decision')}>
          <Group mt={6}>
            <Radio value="given" label="Toestemming gegeven" />
            <Radio value="refused" label="Toestemming geweigerd" />
          </Group>
        </Radio.Group>
        <Checkbox.Group label="Doelen" required {...form.getInputProps('purposes')}>
          <Stack gap={6} mt={6}>
            {consentPurposes.map((p) => (
              <Checkbox key={p} value={p} label={consentPurposeLabels[p]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label="Partners"
          description={
            nextMeetingPartners.length > 0
              ? 'Elke organisatie is een eigen ontvanger. Aangevinkt: de partners van het eerstvolgende overleg met externen.'
              : 'Elke organisatie is een eigen ontvanger. De komende tien weken is er geen overleg met externe partners.'
          }
          required
          {...form.getInputProps('partnerIds')}
        >
          {partnerOptions.length === 0 ? (
            <Text size="sm" c="dimmed" mt={6}>
              {partners.isPending ? 'Laden…' : 'Voeg eerst externe partners toe onder Instellingen → Externe partners.'}
            </Text>
          ) : (
            <SimpleGrid cols={2} spacing={6} mt={6}>
              {partnerOptions.map((p) => (
                <Checkbox key={p.id} value={p.id} label={p.organisation} />
              ))}
            </SimpleGrid>
          )}
          {offer && (
            <Group gap="xs" mt="xs">
              <Button
                size="xs"
                variant="light"
                onClick={takeOffer}
                disabled={offered.every((id) => form.values.partnerIds.includes(id))}
                title={offer.partners.map((p) => p.name).join(', ')}
              >
                Partners van {offer.label} overnemen
              </Button>
              <Text size="xs" c="dimmed">
                {offer.partners.map((p) => p.name).join(', ')}
              </Text>
            </Group>
          )}
        </Checkbox.Group>
        <Radio.Group label="Wijze" required {...form.getInputProps('method')}>
          <Group mt={6}>
            {consentWays.map((m) => (
              <Radio key={m} value={m} label={m} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label="Informatie gegeven"
          description="Wat is uitgelegd: waarom, met welke partners, en dat intrekken altijd kan."
          autosize
          minRows={2}
          {...form.getInputProps('informationGiven')}
        />
        <SimpleGrid cols={2}>
          <DateField label="Datum" required {...form.getInputProps('givenOn')} />
          <DateField
            label="Geldig t/m"
            clearable
            description="Leeg: tot het einde van het schooljaar"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            disabled={form.values.untilCaseClosed}
            {...form.getInputProps('validUntil')}
          />
        </SimpleGrid>
        <Checkbox
          label="Geldig tot de zaak van deze leerling is afgesloten"
          {...form.getInputProps('untilCaseClosed', { type: 'checkbox' })}
        />
        <FormFooter mutation={save} errorTitle="Niet vastgelegd" showError={unplacedError} submit="Vastleggen" />
      </Stack>
    </form>
  );
}

function signerValue(s: ConsentOverview['signers'][number]): string {
  return s.kind === 'student' ? 'student' : `guardian:${s.guardianId}`;
}
