/**
 * The consent rules (AVG / WGBO): who must sign for which partner, and whether the register
 * covers a case at a meeting. Pure functions: the date is always a parameter, so the answer for a
 * meeting does not change with the day the screen happens to be opened.
 */
import { AGE_OF_OWN_CONSENT, ageOn, dateParts } from '../people/age';
import type { PartnerKind } from '../people/vocabulary';
import type { IsoDate } from '../../shared/school-year';
import { vocabulary } from '../../shared/vocabulary';

export type { IsoDate };

export const [consentPurposes, consentPurposeLabels] = vocabulary({
  bespreking: 'Bespreking in een overleg met externen',
  'informatie-uitwisselen': 'Informatie uitwisselen',
  'rapporten-delen': 'Rapporten delen',
  'overdracht-swv': 'Overdracht aan het samenwerkingsverband (bijv. TLV-aanvraag)',
});
export type ConsentPurpose = (typeof consentPurposes)[number];

export interface ConsentStudent {
  id: string;
  name: string;
  birthDate: IsoDate | null;
}

export interface ConsentGuardian {
  id: string;
  name: string;
  /** Gezag: only a guardian with parental authority signs; the others only have a right to basic information. */
  parentalAuthority: boolean;
  /** The day this guardian was given gezag in the app, when that happened after they were registered. */
  authoritySince?: IsoDate | null;
}

export interface ConsentPartner {
  id: string;
  name: string;
  kind: PartnerKind;
}

export type Signer = { kind: 'student' } | { kind: 'guardian'; guardianId: string };

export interface RequiredSigner {
  signer: Signer;
  name: string;
}

/** A student's age is the people domain's rule; consent speaks in it. */
export { AGE_OF_OWN_CONSENT, ageOn };

/** From 12 the student signs along with the parents for the jeugdarts (medical context). */
export const AGE_OF_JOINT_MEDICAL_CONSENT = 12;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** dd-MM-yyyy, the way dates are written in Dutch letters and worklists. */
export function ddmmyyyy(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad(day)}-${pad(month)}-${pad(year, 4)}`;
}

/**
 * Completed years on `date`; a birthday on `date` itself counts (turns 16 that day => 16). Uses
 * calendar dates only (no UTC shifts); 29 Feb birthdays count from 1 March in non-leap years.
 */
/** The day the student reaches `age` (1 March for a 29 Feb birthday in a non-leap year). */
export function dateOfTurning(birthDate: IsoDate, age: number): IsoDate {
  const born = dateParts(birthDate);
  const year = born.year + age;
  if (born.month === 2 && born.day === 29 && !isLeapYear(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${pad(born.month)}-${pad(born.day)}`;
}

export function sameSigner(a: Signer, b: Signer): boolean {
  if (a.kind === 'student') return b.kind === 'student';
  // Stryker disable next-line ConditionalExpression: a student has no guardianId to match
  return b.kind === 'guardian' && a.guardianId === b.guardianId;
}

/**
 * Who must consent for this partner at a meeting on meetingDate, from the student's age ON THE MEETING DATE
 * (and, for a record to count, on the day it was signed: signerWasEntitled):
 * - from 16: the student alone;
 * - under 16: every guardian with parental authority (gezag); a guardian without gezag never signs;
 * - 12 to 15 and partner.kind === 'ggd' (jeugdarts, medical context): the student AND every gezag holder;
 * - birth date unknown: be conservative: the student and every gezag holder, with problem 'Geboortedatum onbekend: …';
 * - under 16 (or unknown) and no guardian with gezag: problem 'Geen ouder of voogd met gezag bekend…' (a case that can
 * never be OK until fixed).
 */
export function whoMustConsent(
  student: ConsentStudent,
  guardians: ConsentGuardian[],
  meetingDate: IsoDate,
  partner: ConsentPartner,
): { signers: RequiredSigner[]; problem: string | null } {
  const studentSigner: RequiredSigner = { signer: { kind: 'student' }, name: student.name };
  const gezag: RequiredSigner[] = guardians
    .filter((g) => g.parentalAuthority)
    .map((g) => ({ signer: { kind: 'guardian', guardianId: g.id }, name: g.name }));
  const noGezag = gezag.length === 0 ? 'Geen ouder of voogd met gezag bekend: leg eerst vast wie het gezag heeft.' : null;

  if (student.birthDate === null) {
    // Without an age we cannot tell who decides; the student and the parents together always suffice.
    const unknown = 'Geboortedatum onbekend: de leerling en de ouders met gezag tekenen allebei.';
    return { signers: [studentSigner, ...gezag], problem: noGezag ? `${unknown} ${noGezag}` : unknown };
  }

  const age = ageOn(student.birthDate, meetingDate);
  if (age >= AGE_OF_OWN_CONSENT) return { signers: [studentSigner], problem: null };
  const medical = partner.kind === 'ggd' && age >= AGE_OF_JOINT_MEDICAL_CONSENT;
  return { signers: medical ? [studentSigner, ...gezag] : gezag, problem: noGezag };
}

export interface ConsentRecord {
  id: string;
  studentId: string;
  signer: Signer;
  decision: 'given' | 'refused';
  purposes: ConsentPurpose[];
  partnerIds: string[];
  givenOn: IsoDate;
  /** Last day it is valid; null = no end date. */
  validUntil: IsoDate | null;
  withdrawnOn: IsoDate | null;
}

export type ConsentState = 'valid' | 'refused' | 'withdrawn' | 'expired' | 'future';

/**
 * State of one record on a date: 'valid' | 'refused' | 'withdrawn' (withdrawnOn <= date) |
 * 'expired' (validUntil < date) | 'future' (givenOn > date).
 * A record that did not exist yet says nothing, so 'future' goes first; a refusal has no end date;
 * a withdrawal outranks expiry because it is the signer's own, stronger word.
 */
export function consentStateOn(record: ConsentRecord, date: IsoDate): ConsentState {
  if (record.givenOn > date) return 'future';
  if (record.decision === 'refused') return 'refused';
  // Stryker disable next-line ConditionalExpression: null never compares as before a date; the check says it for the reader
  if (record.withdrawnOn !== null && record.withdrawnOn <= date) return 'withdrawn';
  // Stryker disable next-line ConditionalExpression: as above
  if (record.validUntil !== null && record.validUntil < date) return 'expired';
  return 'valid';
}

/** Whether a record speaks about this partner and this purpose (whatever its state). */
export function recordConcerns(record: ConsentRecord, partnerId: string, purpose: ConsentPurpose): boolean {
  return record.partnerIds.includes(partnerId) && record.purposes.includes(purpose);
}

/** A signer's statement as it stood on a date: a consent, a refusal or a withdrawal, dated when it was said. */
export interface ConsentWord {
  record: ConsentRecord;
  kind: 'given' | 'refused' | 'withdrawn';
  on: IsoDate;
}

const WORD_RANK: Record<ConsentWord['kind'], number> = { given: 0, withdrawn: 1, refused: 2 };

/**
 * The signer's most recent word on `date` among these records (all for one partner and purpose).
 * A withdrawal counts from the day it was made, so only a consent given after it outweighs it;
 * on the same day a refusal or withdrawal wins, because processing must stop when in doubt.
 */
export function latestWord(records: ConsentRecord[], date: IsoDate): ConsentWord | null {
  let latest: ConsentWord | null = null;
  for (const record of records) {
    if (record.givenOn > date) continue;
    const word: ConsentWord =
      record.decision === 'refused'
        ? { record, kind: 'refused', on: record.givenOn }
        : // Stryker disable next-line ConditionalExpression: null never compares as before a date
          record.withdrawnOn !== null && record.withdrawnOn <= date
          ? { record, kind: 'withdrawn', on: record.withdrawnOn }
          : { record, kind: 'given', on: record.givenOn };
    // Ranked, not "the first/last seen": the register's order must not decide between a refusal and
    // a withdrawal on one day (a refusal is the plainer word to report).
    if (latest === null || word.on > latest.on) latest = word;
    else if (word.on === latest.on) {
      // Stryker disable next-line EqualityOperator: two words of one kind on one day say the same
      if (WORD_RANK[word.kind] > WORD_RANK[latest.kind]) latest = word;
    }
  }
  return latest;
}

export interface PartnerConsent {
  partnerId: string;
  partnerName: string;
  /**
   * 'ok': every required signer has a valid record covering partner+purpose; 'refused': a required signer's latest word
   * for this partner+purpose is a refusal or a withdrawal (one refusal/withdrawal under joint authority stops
   * processing); 'missing': otherwise.
   */
  status: 'ok' | 'missing' | 'refused';
  required: RequiredSigner[];
  /** Required signers without a valid covering record, each with the Dutch reason to (re)ask. */
  missing: { signer: RequiredSigner; reason: string }[];
  /** What blocks the check itself (no gezag holder, unknown birth date); null when ok. */
  problem: string | null;
  /** Ids of the records that make it OK (empty unless ok). */
  coveredBy: string[];
}

interface SignerCheck {
  required: RequiredSigner;
  /** The valid record in force for this signer, or null with the reason to (re)ask. */
  coveredBy: ConsentRecord | null;
  refused: boolean;
  reason: string;
}

/** The latest guardian consent for this partner+purpose that could have been given for the student. */
function latestGuardianConsent(records: ConsentRecord[], meetingDate: IsoDate): IsoDate | null {
  // Stryker disable next-line MethodExpression,ConditionalExpression: called only when the student has no records of their own here
  const parents = records.filter((r) => r.signer.kind === 'guardian');
  const dates = parents
    .filter((r) => r.decision === 'given' && r.givenOn <= meetingDate)
    .map((r) => r.givenOn)
    .sort();
  return dates.at(-1) ?? null;
}

/**
 * Why a student who never signed must sign now: they passed 16 (or 12 for the jeugdarts) after
 * the parents consented, so the parents' consent no longer speaks for them.
 */
function turnedSignerReason(
  student: ConsentStudent,
  partner: ConsentPartner,
  concerning: ConsentRecord[],
  meetingDate: IsoDate,
): string | null {
  const birthDate = student.birthDate;
  if (birthDate === null) return null;
  const parentsConsented = latestGuardianConsent(concerning, meetingDate);
  // Stryker disable next-line ConditionalExpression: no date compares as before a birthday either; the check says it for the reader
  if (parentsConsented === null) return null;
  const turnedBetween = (age: number) => {
    const birthday = dateOfTurning(birthDate, age);
    // On the birthday itself the consent was no longer the parents' to give.
    return birthday >= parentsConsented && birthday <= meetingDate;
  };
  if (turnedBetween(AGE_OF_OWN_CONSENT)) return 'wordt 16 vóór het overleg: tekent nu zelf';
  // Stryker disable next-line ConditionalExpression: for another partner the student signs only from 16, and a 12th
  // birthday after the parents' consent means the 16th came after it too
  const medical = partner.kind === 'ggd';
  if (medical && turnedBetween(AGE_OF_JOINT_MEDICAL_CONSENT)) {
    return 'wordt 12 vóór het overleg: tekent mee bij de jeugdarts';
  }
  return null;
}

function checkSigner(
  required: RequiredSigner,
  concerning: ConsentRecord[],
  consentCase: { student: ConsentStudent; guardians: ConsentGuardian[] },
  partner: ConsentPartner,
  meetingDate: IsoDate,
): SignerCheck {
  const own = concerning.filter((r) => sameSigner(r.signer, required.signer));
  const word = latestWord(own, meetingDate);
  if (word?.kind === 'refused') {
    return { required, coveredBy: null, refused: true, reason: `geweigerd op ${ddmmyyyy(word.on)}` };
  }
  if (word?.kind === 'withdrawn') {
    return { required, coveredBy: null, refused: true, reason: `ingetrokken op ${ddmmyyyy(word.on)}` };
  }

  // The most recent valid consent is the one in force, if its signer could give it on that day.
  const valid = own.filter((r) => consentStateOn(r, meetingDate) === 'valid').sort((a, b) => b.givenOn.localeCompare(a.givenOn));
  const entitled = valid.filter((r) => signerWasEntitled(r, consentCase, partner));
  // Stryker disable next-line StringLiteral: the reason of a covered signer is never shown
  if (entitled[0]) return { required, coveredBy: entitled[0], refused: false, reason: '' };
  const tooYoung = valid[0];
  if (tooYoung) return { required, coveredBy: null, refused: false, reason: notEntitledReason(tooYoung, consentCase.student) };

  // No consent in force: tell the coordinator what to ask, most actionable first.
  const upcoming = own
    .filter((r) => r.decision === 'given' && consentStateOn(r, meetingDate) === 'future')
    .map((r) => r.givenOn)
    .sort();
  if (upcoming[0]) return { required, coveredBy: null, refused: false, reason: `geldig vanaf ${ddmmyyyy(upcoming[0])}` };

  const expiredRecords = own.filter((r) => consentStateOn(r, meetingDate) === 'expired');
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: an expired record always has an end date
  const expired = expiredRecords.flatMap((r) => (r.validUntil === null ? [] : [r.validUntil])).sort();
  const lastExpiry = expired.at(-1);
  if (lastExpiry) return { required, coveredBy: null, refused: false, reason: `verlopen op ${ddmmyyyy(lastExpiry)}` };

  const turned =
    required.signer.kind === 'student' && own.length === 0
      ? turnedSignerReason(consentCase.student, partner, concerning, meetingDate)
      : null;
  const gained = own.length === 0 ? gainedAuthorityReason(required.signer, consentCase.guardians, concerning, meetingDate) : null;
  return { required, coveredBy: null, refused: false, reason: turned ?? gained ?? 'nog niet gevraagd' };
}

/**
 * Whether the signer of this record was entitled to give it on the day of signing, by the same
 * age rules that decide who signs on a meeting date: a consent the student signed alone at 15
 * does not become their own consent once they turn 16, nor does a signature at 11 count as the
 * student's co-signature for the jeugdarts at 12. Refusals and withdrawals are not judged this
 * way: when in doubt, processing stops.
 */
export function signerWasEntitled(
  record: ConsentRecord,
  consentCase: { student: ConsentStudent; guardians: ConsentGuardian[] },
  partner: ConsentPartner,
): boolean {
  const { signers } = whoMustConsent(consentCase.student, consentCase.guardians, record.givenOn, partner);
  return signers.some((s) => sameSigner(s.signer, record.signer));
}

function notEntitledReason(record: ConsentRecord, student: ConsentStudent): string {
  const signedOn = ddmmyyyy(record.givenOn);
  // whoMustConsent entitles every guardian with gezag and, without a birth date, the student: only a
  // student who signed too young is not entitled, and this line is the reader's guard.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: unreachable, see above
  if (record.signer.kind !== 'student' || student.birthDate === null)
    return `getekend op ${signedOn}, toen nog niet bevoegd: opnieuw vragen`;
  return `tekende op ${signedOn}, toen ${ageOn(student.birthDate, record.givenOn)} jaar en nog niet bevoegd: tekent nu opnieuw`;
}

/**
 * Why a parent who never signed must sign now: they got gezag after the others consented, so the
 * consent on file no longer covers everyone with authority.
 */
function gainedAuthorityReason(
  signer: Signer,
  guardians: ConsentGuardian[],
  concerning: ConsentRecord[],
  meetingDate: IsoDate,
): string | null {
  // Stryker disable next-line ConditionalExpression: a student matches no guardian below either
  if (signer.kind !== 'guardian') return null;
  // Stryker disable next-line OptionalChaining: a required guardian is one of these guardians
  const since = guardians.find((g) => g.id === signer.guardianId)?.authoritySince;
  // Stryker disable next-line ConditionalExpression: no date compares as before a missing one
  if (!since) return null;
  const othersConsented = concerning.some((r) => r.decision === 'given' && r.givenOn < since && r.givenOn <= meetingDate);
  return othersConsented ? `kreeg gezag op ${ddmmyyyy(since)}: nog niet gevraagd` : null;
}

/**
 * The gate for one case at one meeting: one entry per partner, in the given order. Records of
 * other students are ignored. An unknown birth date still allows 'ok' once the student and every
 * gezag holder consented (that covers every age); a missing gezag holder never does.
 */
export function consentCovers(
  register: ConsentRecord[],
  consentCase: { student: ConsentStudent; guardians: ConsentGuardian[] },
  meeting: { date: IsoDate; partners: ConsentPartner[] },
  purpose: ConsentPurpose = 'bespreking',
): PartnerConsent[] {
  const ofStudent = register.filter((r) => r.studentId === consentCase.student.id);
  return meeting.partners.map((partner) => {
    const { signers, problem } = whoMustConsent(consentCase.student, consentCase.guardians, meeting.date, partner);
    const concerning = ofStudent.filter((r) => recordConcerns(r, partner.id, purpose));
    const checks = signers.map((s) => checkSigner(s, concerning, consentCase, partner, meeting.date));
    const missing = checks.filter((c) => c.coveredBy === null).map((c) => ({ signer: c.required, reason: c.reason }));
    // An unknown birth date only matters while consent is incomplete (student and parents together
    // cover every age); without a gezag holder the case can never be covered until that is fixed.
    const blocks = missing.length > 0 || parentsSignWithoutGezag(consentCase, meeting.date);
    const blocking = blocks ? problem : null;
    const status: PartnerConsent['status'] = checks.some((c) => c.refused)
      ? 'refused'
      : missing.length === 0 && blocking === null
        ? 'ok'
        : 'missing';
    return {
      partnerId: partner.id,
      partnerName: partner.name,
      status,
      required: signers,
      missing,
      problem: blocking,
      coveredBy: status === 'ok' ? checks.map((c) => c.coveredBy!.id) : [],
    };
  });
}

/** The parents must sign (under 16 or age unknown) but nobody holds gezag. */
function parentsSignWithoutGezag(consentCase: { student: ConsentStudent; guardians: ConsentGuardian[] }, date: IsoDate): boolean {
  const { student, guardians } = consentCase;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: from 16 there is no problem to block with
  const parentsSign = student.birthDate === null || ageOn(student.birthDate, date) < AGE_OF_OWN_CONSENT;
  return parentsSign && !guardians.some((g) => g.parentalAuthority);
}

/** The case may be discussed with every partner at the table. */
export function consentIsComplete(checks: PartnerConsent[]): boolean {
  return checks.every((c) => c.status === 'ok');
}
