import { Alert, Anchor, Badge, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconShieldX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { gateRouteLabels, gateRoutes, type GateRoute, type ShownGateRoute } from '../../../electron/features/intake/gate-routes';
import type { UserRole } from '../../../electron/features/settings/vocabulary';
import { invoke } from '../../api/client';
import { useMayCall, useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { meetingLabel } from '../../components/meeting-label';
import { PartnerConsentLine } from '../consent/PartnerConsentLine';
import { listJoin } from './labels';
import { refreshIntakes, type GateEntry, type IntakeDetail } from './queries';

/**
 * Toestemming for this case: per external partner at the meeting whether the student may be
 * discussed by name, who still has to sign and why; a coordinator (or, for the Meldcode, the
 * aandachtsfunctionaris) chooses the way forward where it is missing. Consent itself is recorded
 * on the student page.
 */
export function ConsentGate({ intake }: { intake: IntakeDetail }) {
  const choosable = choosableRoutes(intake, useSession().user.roles);
  // Whoever may not record consent is sent to read it, not told to record it.
  const mayRecord = useMayCall('consent.record');
  if (!intake.studentId) return <Text size="sm">Anoniem aangemeld: er is geen toestemming nodig.</Text>;
  const studentLink = (
    <Anchor component={Link} to={`/leerlingen/${intake.studentId}`} size="sm">
      {mayRecord ? 'Toestemming vastleggen' : 'Toestemming bekijken'} op de pagina van {intake.caseName}
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
                <PartnerConsentLine key={c.partnerId} check={c} />
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
          <PartnerConsentLine key={g.partnerId} check={g}>
            {g.status !== 'ok' && <GateRouteLine intakeId={intake.id} entry={g} choosable={choosable} />}
          </PartnerConsentLine>
        ))}
      </Stack>
      {studentLink}
    </Stack>
  );
}

/**
 * The routes this user may choose while the case awaits its meeting; none when they only read.
 * A coordinator chooses any route, an aandachtsfunctionaris only the Meldcode; the Meldcode is
 * offered only to those roles. The backend has the final word, and its refusal is shown.
 */
function choosableRoutes(intake: IntakeDetail, roles: readonly UserRole[]): GateRoute[] {
  if (intake.status !== 'ingediend' && intake.status !== 'geaccepteerd') return [];
  const meldcodeRole = roles.includes('aandachtsfunctionaris') || roles.includes('coordinator');
  if (intake.canDecide) return gateRoutes.filter((r) => r !== 'meldcode' || meldcodeRole);
  return roles.includes('aandachtsfunctionaris') ? ['meldcode'] : [];
}

/** The way forward for one partner without consent: a choice where this user may make it, else what was chosen. */
function GateRouteLine({ intakeId, entry, choosable }: { intakeId: string; entry: GateEntry; choosable: GateRoute[] }) {
  const route: ShownGateRoute | null = entry.route;
  // Whoever may not see the Meldcode sees every recorded route as 'uitzondering'. A coordinator
  // still chooses the way forward (and may replace that exception); an aandachtsfunctionaris
  // does not replace a route the coordinator chose.
  const coordinatorChooses = choosable.some((r) => r !== 'meldcode');
  if (choosable.length > 0 && (route === null || (route === 'uitzondering' ? coordinatorChooses : choosable.includes(route)))) {
    return <RouteChoice intakeId={intakeId} entry={entry} routes={choosable} />;
  }
  return route && <RouteBadge route={route} />;
}

function RouteBadge({ route }: { route: ShownGateRoute }) {
  return (
    <Badge color="blue" variant="light" style={{ textTransform: 'none' }}>
      Bespreken: {gateRouteLabels[route]}
    </Badge>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function RouteChoice({ intakeId, entry, routes }: { intakeId: string; entry: GateEntry; routes: GateRoute[] }) {
  const queryClient = useQueryClient();
  const setRoute = useMutation({
    mutationFn: (route: GateRoute | null) => invoke('intakes.setGateRoute', { id: intakeId, partnerId: entry.partnerId, route }),
    onSuccess: () => refreshIntakes(queryClient),
  });
  const options = [
    { value: 'none', label: 'Nog niet gekozen' },
    ...(entry.route === 'uitzondering' ? [{ value: 'uitzondering', label: capitalised(gateRouteLabels.uitzondering) }] : []),
    ...routes.map((r) => ({ value: r, label: capitalised(gateRouteLabels[r]) })),
  ];
  return (
    <Stack gap={4}>
      <Select
        label={`Bespreken met ${entry.partnerName}`}
        size="sm"
        maw={520}
        data={options}
        value={entry.route ?? 'none'}
        allowDeselect={false}
        disabled={setRoute.isPending}
        onChange={(v) => v !== 'uitzondering' && setRoute.mutate(routes.find((r) => r === v) ?? null)}
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
      {intake.caseName} kan in {meetingLabel(intake.meeting)} niet met naam worden besproken met{' '}
      {listJoin(refused.map((g) => g.partnerName))}: toestemming geweigerd of ingetrokken. Bespreek anoniem, onder de Meldcode, of laat de
      partner het overleg verlaten bij dit punt.
    </Alert>
  );
}
