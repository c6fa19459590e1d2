import { addDays, format, parseISO } from 'date-fns';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { now, today } from '../../shared/clock';
import { attachmentsOfConsents, registerAttachmentGuard } from '../files/store';
import {
  meetingsBetweenForCases,
  meetingsForCases,
  seriesPartnersForCases,
  seriesWithPartners,
  type MeetingForCases,
} from '../meetings/store';
import { schoolYearBounds } from '../schedule/calendar/official-holidays';
import { schoolYearOf } from '../schedule/vocabulary';
import { maySeeMeldcode, rolesOf } from '../settings/roles';
import { registerGuardianKeepReason } from '../people/keep-reasons';
import { registerRestrictedLines } from '../audit/line-readers';
import { registerRoleNeed } from '../settings/role-needs';
import { registerTimelineSource } from '../people/timeline';
import { partnerNames, studentRow } from '../people/store';
import { consentCovers, consentPurposeLabels, consentStateOn, ddmmyyyy, type ConsentPurpose } from './rules';
import { partnerConsentView } from './view';
import { caseDestinationsOf, partnerOffer, withOnlyPartnerSeries } from './partner-offer';
import {
  consentCase,
  consentEraser,
  consentRows,
  getConsent,
  guardianConsentCount,
  insertConsent,
  meldcodeTrackCount,
  meldcodeTrackOf,
  recordWithdrawal,
  saveMeldcodeTrack,
  toConsentRecord,
} from './store';
import { registerStudentEraser } from '../people/erasure';
import { userNames } from '../settings/store';

/** The next meeting of each series with external partners at the table, within ten weeks. */
function upcomingWithPartners(db: Parameters<typeof meetingsBetweenForCases>[0], from: string): MeetingForCases[] {
  const seen = new Set<string>();
  return meetingsBetweenForCases(db, from, format(addDays(parseISO(from), 70), 'yyyy-MM-dd')).filter((m) => {
    if (m.partners.length === 0) return false;
    const key = m.seriesId ?? m.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What consent tells earlier domains: a guardian's consent or refusal is evidence (removing them
 * would silently drop it from the gate), and only the coordinator adds or removes proof. Meldcode
 * tracks need an aandachtsfunctionaris to stay, and their lines in the log are read only by those
 * with Meldcode access (matched by time with opened files they would say who has a track).
 */
export function registerConsentHooks(): void {
  registerStudentEraser('consent', consentEraser);
  registerRoleNeed('consent', 'aandachtsfunctionaris', (db) => {
    const tracks = meldcodeTrackCount(db);
    return tracks === 0 ? null : tracks === 1 ? 'er is een Meldcode-traject' : `er zijn ${tracks} Meldcode-trajecten`;
  });
  registerRestrictedLines('meldcode', ['meldcode.get', 'meldcode.save'], maySeeMeldcode);
  registerAttachmentGuard('consent', (db, userId, consentId) => {
    getConsent(db, consentId);
    return rolesOf(db, userId).includes('coordinator')
      ? null
      : 'Alleen een coördinator voegt bewijs van toestemming toe of verwijdert het.';
  });
  registerGuardianKeepReason('consent', (db, guardianId) =>
    guardianConsentCount(db, guardianId) > 0
      ? 'in het toestemmingsregister staat een toestemming, weigering of intrekking van deze ouder; zet het gezag uit als dat is veranderd'
      : null,
  );
  registerTimelineSource('consent', (db, studentId) => {
    const partners = partnerNames(db);
    const names = (ids: string[]) => ids.map((id) => partners.get(id) ?? 'onbekende partner').join(', ');
    return consentRows(db, [studentId]).flatMap((c) => {
      const what = `${c.purposes.map((p) => consentPurposeLabels[p as ConsentPurpose] ?? p).join(', ')} — ${names(c.partnerIds)}`;
      // Which parent (or the student) signed: under 16 each parent with gezag signs for themselves.
      const signer = `${c.signerName}${c.signerKind === 'student' ? ' (leerling)' : ''}`;
      const given = {
        date: c.givenOn,
        kind: 'toestemming' as const,
        title: `${c.decision === 'given' ? 'Toestemming gegeven' : 'Toestemming geweigerd'} door ${signer}`,
        detail: what,
        ref: null,
      };
      const withdrawn = {
        date: c.withdrawnOn ?? '',
        kind: 'toestemming' as const,
        title: `Toestemming ingetrokken door ${signer}`,
        detail: c.withdrawnBy ? `${what} (gemeld door: ${c.withdrawnBy})` : what,
        ref: null,
      };
      return c.withdrawnOn ? [given, withdrawn] : [given];
    });
  });
}

function refuseMeldcode(db: Parameters<typeof maySeeMeldcode>[0], userId: string) {
  if (!maySeeMeldcode(db, userId)) {
    throw new AppError(
      'FORBIDDEN',
      'Alleen de aandachtsfunctionaris (en de coördinator, als de school dat toestaat) ziet het Meldcode-traject.',
    );
  }
}

export const consentHandlers: DomainHandlers<
  'consent.overview' | 'consent.record' | 'consent.withdraw' | 'meldcode.get' | 'meldcode.save'
> = {
  'consent.overview': ({ db, session }, { studentId }) => {
    const theCase = consentCase(db, studentId);
    const rows = consentRows(db, [studentId]);
    const names = partnerNames(db);
    const users = userNames(db);
    const proofs = attachmentsOfConsents(
      db,
      rows.map((r) => r.id),
    );
    const date = today();
    const register = rows.map(toConsentRecord);
    const upcoming = upcomingWithPartners(db, date);
    const destinations = upcoming.length > 0 ? [] : withOnlyPartnerSeries(caseDestinationsOf(db, studentId), seriesWithPartners(db));
    const destinationMeetings = meetingsForCases(
      db,
      destinations.flatMap((d) => (d.meetingId ? [d.meetingId] : [])),
    );
    const seriesIds = destinations
      .flatMap((d) => [destinationMeetings.get(d.meetingId ?? '')?.seriesId ?? null, d.seriesId])
      .filter((id): id is string => id !== null);
    return {
      records: rows.map((r) => ({
        ...r,
        partners: r.partnerIds.map((id) => ({ id, name: names.get(id) ?? 'onbekende partner' })),
        recordedBy: users.get(r.recordedBy) ?? r.recordedBy,
        state: consentStateOn(toConsentRecord(r), date),
        proofs: proofs.filter((p) => p.consentId === r.id),
      })),
      signers: [
        ...theCase.guardians.map((g) => ({
          kind: 'guardian' as const,
          guardianId: g.id,
          name: g.name,
          parentalAuthority: g.parentalAuthority,
        })),
        { kind: 'student' as const, guardianId: null, name: theCase.student.name, parentalAuthority: false },
      ],
      upcoming: upcoming.map((m) => ({
        meetingId: m.id,
        title: m.title,
        date: m.date,
        checks: consentCovers(register, theCase, m).map(partnerConsentView),
      })),
      partnerOffer: partnerOffer(upcoming, destinations, destinationMeetings, seriesPartnersForCases(db, [...new Set(seriesIds)])),
      meldcodeVisible: maySeeMeldcode(db, session.user.id),
    };
  },
  'consent.record': ({ db, session }, input) => {
    const theCase = consentCase(db, input.studentId);
    const fields: Record<string, string> = {};
    if (input.givenOn > today()) fields.givenOn = 'De datum van de toestemming ligt in de toekomst.';
    if (theCase.student.birthDate && input.givenOn < theCase.student.birthDate) {
      fields.givenOn = `De datum ligt vóór de geboortedatum van ${theCase.student.name} (${ddmmyyyy(theCase.student.birthDate)}).`;
    }
    // Until the case is closed: no end date yet; closing the case sets it.
    const validUntil = input.untilCaseClosed ? null : (input.validUntil ?? schoolYearBounds(schoolYearOf(input.givenOn)).end);
    if (validUntil !== null && validUntil < input.givenOn) fields.validUntil = 'De einddatum ligt vóór de datum van de toestemming.';
    let signerName = theCase.student.name;
    if (input.signer.kind === 'guardian') {
      const guardianId = input.signer.guardianId;
      const guardian = theCase.guardians.find((g) => g.id === guardianId);
      if (!guardian) throw new AppError('NOT_FOUND', 'Deze ouder/verzorger hoort niet (meer) bij deze leerling.');
      if (!guardian.parentalAuthority) fields.signer = `${guardian.name} heeft geen ouderlijk gezag en kan geen toestemming geven.`;
      signerName = guardian.name;
    }
    const names = partnerNames(db);
    if (input.partnerIds.some((id) => !names.has(id))) {
      throw new AppError('NOT_FOUND', 'Een gekozen partner bestaat niet (meer).', {
        partnerIds: 'Een gekozen partner bestaat niet (meer).',
      });
    }
    const first = Object.values(fields)[0];
    if (first) throw new AppError('VALIDATION', first, fields);
    const id = insertConsent(db, {
      studentId: input.studentId,
      signerKind: input.signer.kind,
      guardianId: input.signer.kind === 'guardian' ? input.signer.guardianId : null,
      signerName,
      decision: input.decision,
      purposes: [...new Set(input.purposes)],
      partnerIds: [...new Set(input.partnerIds)],
      method: input.method,
      informationGiven: input.informationGiven,
      givenOn: input.givenOn,
      validUntil,
      untilCaseClosed: input.untilCaseClosed,
      recordedBy: session.user.id,
      recordedAt: now(),
    });
    return { id };
  },
  'consent.withdraw': ({ db, session }, input) => {
    const row = getConsent(db, input.id);
    const fields: Record<string, string> = {};
    if (row.decision !== 'given') fields.withdrawnOn = 'Een weigering kan niet worden ingetrokken; leg een nieuwe toestemming vast.';
    else if (row.withdrawnOn) fields.withdrawnOn = `Deze toestemming is al ingetrokken op ${ddmmyyyy(row.withdrawnOn)}.`;
    else if (input.withdrawnOn > today()) fields.withdrawnOn = 'De datum van intrekking ligt in de toekomst.';
    else if (input.withdrawnOn < row.givenOn)
      fields.withdrawnOn = `De datum van intrekking ligt vóór de toestemming (${ddmmyyyy(row.givenOn)}).`;
    const first = Object.values(fields)[0];
    if (first) throw new AppError('VALIDATION', first, fields);
    recordWithdrawal(db, row.id, {
      withdrawnOn: input.withdrawnOn,
      withdrawnBy: input.withdrawnBy,
      withdrawalNote: input.note,
      withdrawalRecordedBy: session.user.id,
      withdrawalRecordedAt: now(),
    });
    return null;
  },
  'meldcode.get': ({ db, session }, { studentId }) => {
    refuseMeldcode(db, session.user.id);
    studentRow(db, studentId);
    return meldcodeTrackOf(db, studentId);
  },
  'meldcode.save': ({ db, session }, { id, ...input }) => {
    refuseMeldcode(db, session.user.id);
    consentCase(db, input.studentId);
    if (input.closedOn && input.closedOn < input.openedOn) {
      throw new AppError('VALIDATION', 'De einddatum ligt vóór de startdatum.', {
        closedOn: 'De einddatum ligt vóór de startdatum.',
      });
    }
    return { id: saveMeldcodeTrack(db, id, { ...input, createdBy: session.user.id, updatedAt: now() }) };
  },
};
