import { Alert, Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconCircleX, IconShieldX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { gateRouteLabels, listJoin, meetingLabel, type GateRouteValue } from './labels';
import { refreshIntakes, type GateEntry, type IntakeDetail } from './queries';

type PartnerCheck = IntakeDetail['consentForInformation'][number];

const missingText = (check: PartnerCheck) => check.missing.map((m) => `${m.name} (${m.reason})`).join(', ');

/**
 * Toestemming for this case: per external partner at the meeting whether the student may be
 * discussed by name, who still has to sign and why; a coordinator chooses the way forward where
 * it is missing. Consent itself is recorded on the student page.
 */
export function ConsentGate({ intake }: { intake: IntakeDetail }) {
  const routesOpen = intake.canDecide && (intake.status === 'ingediend' || intake.status === 'geaccepteerd');
  if (!intake.studentId) return <Text size="sm">Anoniem aangemeld: er is geen toestemming nodig.</Text>;
  const studentLink = (
    <Anchor component={Link} to={`/leerlingen/${intake.studentId}`} size="sm">
      Toestemming vastleggen op de pagina van {intake.caseName}
    </Anchor>
  );
  if (!intake.meeting) {
    return (
      <Stack gap="xs">
        <Text size="sm">Kies eerst het overleg; dan staat hier welke toestemming nodig is.</Text>
        {studentLink}
      </Stack>
    );
  }
  if (intake.gate.length === 0) {
    return (
      <Stack gap="xs">
        <Text size="sm">Intern overleg: er is geen toestemming nodig.</Text>
        {intake.consentForInformation.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              Ter informatie, wat er voor de externe partners is vastgelegd:
            </Text>
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label="Toestemming ter informatie">
              {intake.consentForInformation.map((c) => (
                <PartnerLine key={c.partnerId} check={c} />
              ))}
            </Stack>
          </>
        )}
        {studentLink}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {meetingLabel(intake.meeting)} is met externe partners: per partner moet er toestemming zijn om {intake.caseName} met naam te
        bespreken.
      </Text>
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Toestemming per partner">
        {intake.gate.map((g) => (
          <PartnerLine key={g.partnerId} check={g}>
            {g.status !== 'ok' && (routesOpen ? <RouteChoice intakeId={intake.id} entry={g} /> : g.route && <RouteBadge route={g.route} />)}
          </PartnerLine>
        ))}
      </Stack>
      {studentLink}
    </Stack>
  );
}

function PartnerLine({ check, children }: { check: PartnerCheck; children?: ReactNode }) {
  const icon =
    check.status === 'ok' ? (
      <IconCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
    ) : check.status === 'refused' ? (
      <IconCircleX size={18} color="var(--mantine-color-red-7)" aria-hidden />
    ) : (
      <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
    );
  return (
    <li>
      <Group gap={8} wrap="nowrap" align="flex-start">
        <span style={{ flexShrink: 0, marginTop: 2 }}>{icon}</span>
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {check.partnerName}
            </Text>
            {': '}
            {check.status === 'ok' ? (
              <Text span size="sm" c="teal.8">
                Toestemming compleet
              </Text>
            ) : (
              <Text span size="sm" c={check.status === 'refused' ? 'red.8' : 'orange.9'}>
                {check.status === 'refused' ? 'geweigerd of ingetrokken' : 'toestemming ontbreekt'}
                {check.missing.length > 0 && ` — ${missingText(check)}`}
              </Text>
            )}
          </Text>
          {check.problem && (
            <Text size="sm" c="orange.9">
              {check.problem}
            </Text>
          )}
          {children}
        </Stack>
      </Group>
    </li>
  );
}

function RouteBadge({ route }: { route: GateRouteValue }) {
  return (
    <Badge color="blue" variant="light" style={{ textTransform: 'none' }}>
      Bespreken: {gateRouteLabels[route]}
    </Badge>
  );
}

const routeOptions = [
  { value: 'none', label: 'Nog niet gekozen' },
  { value: 'anoniem', label: 'Anoniem' },
  { value: 'meldcode', label: 'Onder de Meldcode' },
  { value: 'partner-verlaat', label: 'Partner verlaat het overleg bij dit punt' },
];

/** The coordinator's way forward for one partner without consent. */
function RouteChoice({ intakeId, entry }: { intakeId: string; entry: GateEntry }) {
  const queryClient = useQueryClient();
  const setRoute = useMutation({
    mutationFn: (route: GateRouteValue | null) => invoke('intakes.setGateRoute', { id: intakeId, partnerId: entry.partnerId, route }),
    onSuccess: () => refreshIntakes(queryClient),
  });
  return (
    <Stack gap={4}>
      <Select
        label={`Bespreken met ${entry.partnerName}`}
        size="sm"
        maw={520}
        data={routeOptions}
        value={entry.route ?? 'none'}
        allowDeselect={false}
        disabled={setRoute.isPending}
        onChange={(v) => setRoute.mutate(v && v !== 'none' ? (v as GateRouteValue) : null)}
      />
      {setRoute.isError && <ErrorAlert error={setRoute.error} title="Niet vastgelegd" />}
    </Stack>
  );
}

/** At the top of the form: a refusal means this case cannot be discussed by name with those partners. */
export function RefusedAlert({ intake }: { intake: IntakeDetail }) {
  const refused = intake.gate.filter((g) => g.status === 'refused' && g.route === null);
  if (refused.length === 0 || !intake.meeting) return null;
  return (
    <Alert color="red" variant="light" icon={<IconShieldX />} title="Toestemming geweigerd of ingetrokken">
      {intake.caseName} kan in {meetingLabel(intake.meeting)} niet met naam worden besproken met {listJoin(refused.map((g) => g.partnerName))}:
      toestemming geweigerd of ingetrokken. Bespreek anoniem, onder de Meldcode, of laat de partner het overleg verlaten bij dit punt.
    </Alert>
  );
}
