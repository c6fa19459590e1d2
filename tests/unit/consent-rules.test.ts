import { describe, expect, it } from 'vitest';
import {
  ageOn,
  consentCovers,
  consentIsComplete,
  consentStateOn,
  dateOfTurning,
  ddmmyyyy,
  sameSigner,
  whoMustConsent,
  type ConsentGuardian,
  type ConsentPartner,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentStudent,
  type PartnerConsent,
  type Signer,
} from '../../electron/features/consent/rules';

/** All cases meet on Tuesday 10 March 2026. */
const MEETING = '2026-03-10';

const moeder: ConsentGuardian = { id: 'g-moeder', name: 'Moeder', parentalAuthority: true };
const vader: ConsentGuardian = { id: 'g-vader', name: 'Vader', parentalAuthority: true };
const stiefvader: ConsentGuardian = { id: 'g-stief', name: 'Stiefvader', parentalAuthority: false };

const swv: ConsentPartner = { id: 'p-swv', name: 'SWV Noord', kind: 'samenwerkingsverband' };
const jeugdarts: ConsentPartner = { id: 'p-ggd', name: 'GGD jeugdarts', kind: 'ggd' };
const leerplicht: ConsentPartner = { id: 'p-lp', name: 'Leerplicht', kind: 'leerplicht' };

const S: Signer = { kind: 'student' };
const M: Signer = { kind: 'guardian', guardianId: moeder.id };
const V: Signer = { kind: 'guardian', guardianId: vader.id };
const SV: Signer = { kind: 'guardian', guardianId: stiefvader.id };

/** Birth dates chosen against MEETING (2026-03-10). */
const AGE_11 = '2014-06-01';
const AGE_12 = '2013-06-01'; // turned 12 on 2025-06-01
const AGE_15 = '2010-06-01';
const AGE_16 = '2009-06-01'; // turned 16 on 2025-06-01
const TURNS_16_ON_MEETING = '2010-03-10';
const TURNS_16_DAY_AFTER_MEETING = '2010-03-11';

/** A consent for the swv, for a bespreking, given on 1 September 2025 with no end date. */
function rec(id: string, signer: Signer, overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id,
    studentId: 'stu-1',
    signer,
    decision: 'given',
    purposes: ['bespreking'],
    partnerIds: [swv.id],
    givenOn: '2025-09-01',
    validUntil: null,
    withdrawnOn: null,
    ...overrides,
  };
}

interface Case {
  title: string;
  birthDate: string | null;
  guardians?: ConsentGuardian[];
  partner?: ConsentPartner;
  purpose?: ConsentPurpose;
  register: ConsentRecord[];
  status: PartnerConsent['status'];
  required: string[];
  missing?: [name: string, reason: string][];
  problem?: RegExp;
  coveredBy?: string[];
}

const cases: Case[] = [
  // Ages on the meeting date
  {
    title: 'age 11: both gezag holders consented',
    birthDate: AGE_11,
    register: [rec('m', M), rec('v', V)],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'age 12 (not the jeugdarts): the parents alone',
    birthDate: AGE_12,
    register: [rec('m', M), rec('v', V)],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'age 15: the student’s own consent does not replace the parents’',
    birthDate: AGE_15,
    register: [rec('s', S)],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [
      ['Moeder', 'nog niet gevraagd'],
      ['Vader', 'nog niet gevraagd'],
    ],
  },
  {
    title: 'age 16: the student alone',
    birthDate: AGE_16,
    register: [rec('s', S, { givenOn: '2025-09-01' })],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s'],
  },
  {
    title: 'age 16: the parents’ consent from before the 16th birthday no longer counts',
    birthDate: AGE_16,
    register: [rec('m', M, { givenOn: '2025-01-15' }), rec('v', V, { givenOn: '2025-01-15' })],
    status: 'missing',
    required: ['Lisa'],
    missing: [['Lisa', 'wordt 16 vóór het overleg: tekent nu zelf']],
  },
  {
    title: 'age 16: a parent’s refusal does not count either',
    birthDate: AGE_16,
    register: [rec('s', S), rec('m', M, { decision: 'refused', givenOn: '2026-01-05' })],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s'],
  },
  // Birthdays around the meeting
  {
    title: 'turns 16 on the meeting day itself: the student signs alone',
    birthDate: TURNS_16_ON_MEETING,
    register: [rec('s', S, { givenOn: MEETING })],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s'],
  },
  // Entitlement on the day of signing (issue 21, item 8)
  {
    title: 'turns 16 on the meeting day, signed alone a week before: that was no consent of their own',
    birthDate: TURNS_16_ON_MEETING,
    register: [rec('s', S, { givenOn: '2026-03-02' })],
    status: 'missing',
    required: ['Lisa'],
    missing: [['Lisa', 'tekende op 02-03-2026, toen 15 jaar en nog niet bevoegd: tekent nu opnieuw']],
  },
  {
    title: 'signed alone at 15, meeting after the 16th birthday: does not count as their own consent',
    birthDate: AGE_16,
    register: [rec('s', S, { givenOn: '2025-05-01' }), rec('m', M, { givenOn: '2025-05-01' }), rec('v', V, { givenOn: '2025-05-01' })],
    status: 'missing',
    required: ['Lisa'],
    missing: [['Lisa', 'tekende op 01-05-2025, toen 15 jaar en nog niet bevoegd: tekent nu opnieuw']],
  },
  {
    title: 'signed at 15, again at 16: the later signature counts',
    birthDate: AGE_16,
    register: [rec('s1', S, { givenOn: '2025-05-01' }), rec('s2', S, { givenOn: '2025-06-01' })],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s2'],
  },
  {
    title: 'jeugdarts: a signature at 11 is no co-signature at 12',
    birthDate: AGE_12,
    partner: jeugdarts,
    register: [
      rec('s', S, { partnerIds: [jeugdarts.id], givenOn: '2025-05-01' }),
      rec('m', M, { partnerIds: [jeugdarts.id] }),
      rec('v', V, { partnerIds: [jeugdarts.id] }),
    ],
    status: 'missing',
    required: ['Lisa', 'Moeder', 'Vader'],
    missing: [['Lisa', 'tekende op 01-05-2025, toen 11 jaar en nog niet bevoegd: tekent nu opnieuw']],
  },
  {
    title: 'jeugdarts: co-signed at 14, the student’s signature still counts at 16',
    birthDate: AGE_16,
    partner: jeugdarts,
    register: [rec('s', S, { partnerIds: [jeugdarts.id], givenOn: '2024-01-10' })],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s'],
  },
  {
    title: 'turns 16 on the meeting day with only the parents’ consent: ask the student',
    birthDate: TURNS_16_ON_MEETING,
    register: [rec('m', M), rec('v', V)],
    status: 'missing',
    required: ['Lisa'],
    missing: [['Lisa', 'wordt 16 vóór het overleg: tekent nu zelf']],
  },
  {
    title: 'the day before the 16th birthday: still the parents',
    birthDate: TURNS_16_DAY_AFTER_MEETING,
    register: [rec('m', M), rec('v', V)],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'the day before the 16th birthday: the student alone is not enough',
    birthDate: TURNS_16_DAY_AFTER_MEETING,
    register: [rec('s', S)],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [
      ['Moeder', 'nog niet gevraagd'],
      ['Vader', 'nog niet gevraagd'],
    ],
  },
  // Authority
  {
    title: 'joint authority: one consented, the other not yet asked',
    birthDate: AGE_15,
    register: [rec('m', M)],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'nog niet gevraagd']],
  },
  {
    title: 'single authority: the one gezag holder suffices',
    birthDate: AGE_15,
    guardians: [moeder, stiefvader],
    register: [rec('m', M)],
    status: 'ok',
    required: ['Moeder'],
    coveredBy: ['m'],
  },
  {
    title: 'a guardian without gezag: their consent does not count',
    birthDate: AGE_15,
    guardians: [moeder, stiefvader],
    register: [rec('sv', SV)],
    status: 'missing',
    required: ['Moeder'],
    missing: [['Moeder', 'nog niet gevraagd']],
  },
  {
    title: 'a guardian without gezag: their refusal does not stop anything',
    birthDate: AGE_15,
    guardians: [moeder, stiefvader],
    register: [rec('m', M), rec('sv', SV, { decision: 'refused', givenOn: '2026-02-01' })],
    status: 'ok',
    required: ['Moeder'],
    coveredBy: ['m'],
  },
  {
    title: 'joint authority: a withdrawal by one parent stops processing',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V, { withdrawnOn: '2026-02-01' })],
    status: 'refused',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'ingetrokken op 01-02-2026']],
  },
  {
    title: 'joint authority: a refusal by one parent stops processing',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V, { decision: 'refused', givenOn: '2025-10-20' })],
    status: 'refused',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'geweigerd op 20-10-2025']],
  },
  {
    title: 'a withdrawal on the meeting day itself already counts',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V, { withdrawnOn: MEETING })],
    status: 'refused',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'ingetrokken op 10-03-2026']],
  },
  {
    title: 'a withdrawal after the meeting does not yet count',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V, { withdrawnOn: '2026-03-11' })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'a new consent after a withdrawal makes it OK again',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v-old', V, { withdrawnOn: '2025-12-01' }), rec('v-new', V, { givenOn: '2026-01-10' })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v-new'],
  },
  {
    title: 'a new consent after a refusal makes it OK again',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v-no', V, { decision: 'refused', givenOn: '2025-09-01' }), rec('v-yes', V, { givenOn: '2025-11-01' })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v-yes'],
  },
  {
    title: 'a consent on the same day as a withdrawal does not outweigh it',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v-old', V, { withdrawnOn: '2026-01-10' }), rec('v-new', V, { givenOn: '2026-01-10' })],
    status: 'refused',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'ingetrokken op 10-01-2026']],
  },
  {
    title: 'a withdrawal made after a newer consent is the latest word',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v-old', V, { withdrawnOn: '2026-02-01' }), rec('v-new', V, { givenOn: '2025-11-01' })],
    status: 'refused',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'ingetrokken op 01-02-2026']],
  },
  {
    title: 'a refusal dated after the meeting does not yet count',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V), rec('v-no', V, { decision: 'refused', givenOn: '2026-03-11' })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  // Validity in time
  {
    title: 'expired the day before the meeting',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V, { validUntil: '2026-03-09' })],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'verlopen op 09-03-2026']],
  },
  {
    title: 'valid until the meeting day itself',
    birthDate: AGE_15,
    register: [rec('m', M, { validUntil: MEETING }), rec('v', V, { validUntil: MEETING })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'a future-dated consent is not yet valid',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V, { givenOn: '2026-04-01' })],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'geldig vanaf 01-04-2026']],
  },
  {
    title: 'a refusal dated after the meeting is no consent on its way',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v-no', V, { decision: 'refused', givenOn: '2026-04-01' })],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'nog niet gevraagd']],
  },
  {
    title: 'of two consents dated after the meeting, the first one names the day',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v2', V, { givenOn: '2026-05-01' }), rec('v1', V, { givenOn: '2026-04-01' })],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [['Vader', 'geldig vanaf 01-04-2026']],
  },
  // Partners and purposes
  {
    title: 'a consent for the swv does not cover leerplicht',
    birthDate: AGE_15,
    partner: leerplicht,
    register: [rec('m', M), rec('v', V)],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [
      ['Moeder', 'nog niet gevraagd'],
      ['Vader', 'nog niet gevraagd'],
    ],
  },
  {
    title: 'a refusal for the swv does not stop leerplicht',
    birthDate: AGE_15,
    partner: leerplicht,
    register: [
      rec('m', M, { partnerIds: [swv.id, leerplicht.id] }),
      rec('v', V, { partnerIds: [leerplicht.id] }),
      rec('v-no', V, { decision: 'refused', givenOn: '2026-02-01' }),
    ],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'purpose not included: information exchange is not a bespreking',
    birthDate: AGE_15,
    register: [rec('m', M, { purposes: ['informatie-uitwisselen'] }), rec('v', V, { purposes: ['rapporten-delen'] })],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [
      ['Moeder', 'nog niet gevraagd'],
      ['Vader', 'nog niet gevraagd'],
    ],
  },
  {
    title: 'another purpose asked explicitly',
    birthDate: AGE_15,
    purpose: 'informatie-uitwisselen',
    register: [rec('m', M, { purposes: ['bespreking', 'informatie-uitwisselen'] }), rec('v', V, { purposes: ['informatie-uitwisselen'] })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  // The jeugdarts
  {
    title: 'jeugdarts at 12: the student and both parents',
    birthDate: AGE_12,
    partner: jeugdarts,
    register: [
      rec('s', S, { partnerIds: [jeugdarts.id] }),
      rec('m', M, { partnerIds: [jeugdarts.id] }),
      rec('v', V, { partnerIds: [jeugdarts.id] }),
    ],
    status: 'ok',
    required: ['Lisa', 'Moeder', 'Vader'],
    coveredBy: ['s', 'm', 'v'],
  },
  {
    title: 'jeugdarts at 15: the parents alone are not enough',
    birthDate: AGE_15,
    partner: jeugdarts,
    register: [rec('m', M, { partnerIds: [jeugdarts.id] }), rec('v', V, { partnerIds: [jeugdarts.id] })],
    status: 'missing',
    required: ['Lisa', 'Moeder', 'Vader'],
    missing: [['Lisa', 'nog niet gevraagd']],
  },
  {
    title: 'jeugdarts: turned 12 after the parents consented',
    birthDate: AGE_12,
    partner: jeugdarts,
    register: [
      rec('m', M, { partnerIds: [jeugdarts.id], givenOn: '2025-01-15' }),
      rec('v', V, { partnerIds: [jeugdarts.id], givenOn: '2025-01-15' }),
    ],
    status: 'missing',
    required: ['Lisa', 'Moeder', 'Vader'],
    missing: [['Lisa', 'wordt 12 vóór het overleg: tekent mee bij de jeugdarts']],
  },
  {
    title: 'jeugdarts at 12: the student refuses',
    birthDate: AGE_12,
    partner: jeugdarts,
    register: [
      rec('s', S, { partnerIds: [jeugdarts.id], decision: 'refused', givenOn: '2026-02-03' }),
      rec('m', M, { partnerIds: [jeugdarts.id] }),
      rec('v', V, { partnerIds: [jeugdarts.id] }),
    ],
    status: 'refused',
    required: ['Lisa', 'Moeder', 'Vader'],
    missing: [['Lisa', 'geweigerd op 03-02-2026']],
  },
  {
    title: 'jeugdarts at 11: the parents alone',
    birthDate: AGE_11,
    partner: jeugdarts,
    register: [rec('m', M, { partnerIds: [jeugdarts.id] }), rec('v', V, { partnerIds: [jeugdarts.id] })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
  {
    title: 'jeugdarts at 16: the student alone',
    birthDate: AGE_16,
    partner: jeugdarts,
    register: [rec('s', S, { partnerIds: [jeugdarts.id] })],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s'],
  },
  // Data problems
  {
    title: 'birth date unknown: conservative, the student and both parents',
    birthDate: null,
    register: [rec('m', M), rec('v', V)],
    status: 'missing',
    required: ['Lisa', 'Moeder', 'Vader'],
    missing: [['Lisa', 'nog niet gevraagd']],
    problem: /^Geboortedatum onbekend: /,
  },
  {
    title: 'birth date unknown: everybody signed covers every age',
    birthDate: null,
    register: [rec('s', S), rec('m', M), rec('v', V)],
    status: 'ok',
    required: ['Lisa', 'Moeder', 'Vader'],
    coveredBy: ['s', 'm', 'v'],
  },
  {
    title: 'no gezag holder: never OK, whatever the stepfather signed',
    birthDate: AGE_15,
    guardians: [stiefvader],
    register: [rec('sv', SV), rec('s', S)],
    status: 'missing',
    required: [],
    problem: /^Geen ouder of voogd met gezag bekend/,
  },
  {
    title: 'no gezag holder at the jeugdarts: the student’s consent alone is not enough',
    birthDate: AGE_15,
    guardians: [],
    partner: jeugdarts,
    register: [rec('s', S, { partnerIds: [jeugdarts.id] })],
    status: 'missing',
    required: ['Lisa'],
    problem: /^Geen ouder of voogd met gezag bekend/,
  },
  {
    title: 'no gezag holder and birth date unknown: both problems named',
    birthDate: null,
    guardians: [],
    register: [rec('s', S)],
    status: 'missing',
    required: ['Lisa'],
    problem: /^Geboortedatum onbekend: .*Geen ouder of voogd met gezag bekend/,
  },
  {
    title: 'no gezag holder does not matter from 16',
    birthDate: AGE_16,
    guardians: [],
    register: [rec('s', S)],
    status: 'ok',
    required: ['Lisa'],
    coveredBy: ['s'],
  },
  // Other students
  {
    title: 'records of another student are ignored',
    birthDate: AGE_15,
    register: [rec('m', M, { studentId: 'stu-2' }), rec('v', V, { studentId: 'stu-2' })],
    status: 'missing',
    required: ['Moeder', 'Vader'],
    missing: [
      ['Moeder', 'nog niet gevraagd'],
      ['Vader', 'nog niet gevraagd'],
    ],
  },
  {
    title: 'a refusal for another student is ignored',
    birthDate: AGE_15,
    register: [rec('m', M), rec('v', V), rec('v-no', V, { studentId: 'stu-2', decision: 'refused', givenOn: '2026-02-01' })],
    status: 'ok',
    required: ['Moeder', 'Vader'],
    coveredBy: ['m', 'v'],
  },
];

function check(c: Case): PartnerConsent {
  const student: ConsentStudent = { id: 'stu-1', name: 'Lisa', birthDate: c.birthDate };
  const partner = c.partner ?? swv;
  const result = consentCovers(
    c.register,
    { student, guardians: c.guardians ?? [moeder, vader] },
    { date: MEETING, partners: [partner] },
    c.purpose,
  );
  expect(result).toHaveLength(1);
  return result[0]!;
}

describe('consentCovers', () => {
  it.each(cases)('$title', (c) => {
    const result = check(c);
    expect(result.partnerId).toBe((c.partner ?? swv).id);
    expect(result.status).toBe(c.status);
    expect(result.required.map((r) => r.name)).toEqual(c.required);
    expect(result.missing.map((m) => [m.signer.name, m.reason])).toEqual(c.missing ?? []);
    if (c.problem) expect(result.problem).toMatch(c.problem);
    else expect(result.problem).toBeNull();
    expect(result.coveredBy).toEqual(c.coveredBy ?? []);
  });

  it('gives one entry per partner, in the meeting’s order, each judged on its own', () => {
    const student: ConsentStudent = { id: 'stu-1', name: 'Lisa', birthDate: AGE_15 };
    const register = [rec('m', M, { partnerIds: [swv.id, jeugdarts.id] }), rec('v', V, { partnerIds: [swv.id, jeugdarts.id] })];
    const meeting = { date: MEETING, partners: [leerplicht, jeugdarts, swv] };
    const result = consentCovers(register, { student, guardians: [moeder, vader] }, meeting);
    expect(result.map((r) => [r.partnerName, r.status])).toEqual([
      ['Leerplicht', 'missing'],
      ['GGD jeugdarts', 'missing'],
      ['SWV Noord', 'ok'],
    ]);
    expect(consentIsComplete(result)).toBe(false);
    expect(consentIsComplete(result.filter((r) => r.partnerId === swv.id))).toBe(true);
  });

  it('names the signers by their role', () => {
    const student: ConsentStudent = { id: 'stu-1', name: 'Lisa', birthDate: AGE_12 };
    const { signers, problem } = whoMustConsent(student, [moeder, stiefvader, vader], MEETING, jeugdarts);
    expect(signers.map((s) => s.signer)).toEqual([S, M, V]);
    expect(problem).toBeNull();
  });
});

describe('consentStateOn', () => {
  const base = rec('r', M, { givenOn: '2025-09-01', validUntil: '2026-07-31' });
  it.each([
    ['the day it was given', base, '2025-09-01', 'valid'],
    ['the day before it was given', base, '2025-08-31', 'future'],
    ['its last valid day', base, '2026-07-31', 'valid'],
    ['the day after its last valid day', base, '2026-08-01', 'expired'],
    ['no end date, years later', { ...base, validUntil: null }, '2030-01-01', 'valid'],
    ['the day before the withdrawal', { ...base, withdrawnOn: '2026-01-15' }, '2026-01-14', 'valid'],
    ['the day of the withdrawal', { ...base, withdrawnOn: '2026-01-15' }, '2026-01-15', 'withdrawn'],
    ['withdrawn and later expired', { ...base, withdrawnOn: '2026-01-15' }, '2026-09-01', 'withdrawn'],
    ['a refusal', { ...base, decision: 'refused' as const }, '2025-10-01', 'refused'],
    ['a refusal does not expire', { ...base, decision: 'refused' as const }, '2027-01-01', 'refused'],
    ['a refusal before it was made', { ...base, decision: 'refused' as const }, '2025-08-01', 'future'],
  ])('%s', (_title, record, date, state) => {
    expect(consentStateOn(record, date)).toBe(state);
  });
});

describe('ageOn', () => {
  it.each([
    ['a 16th birthday on the day itself', '2010-03-10', '2026-03-10', 16],
    ['the day before a 16th birthday', '2010-03-10', '2026-03-09', 15],
    ['born 29 Feb, 28 Feb of a non-leap year', '2008-02-29', '2025-02-28', 16],
    ['born 29 Feb, 1 March of a non-leap year', '2008-02-29', '2025-03-01', 17],
    ['born 29 Feb, 29 Feb of a leap year', '2008-02-29', '2024-02-29', 16],
    ['born 29 Feb, 28 Feb of a leap year', '2008-02-29', '2024-02-28', 15],
    ['born 28 Feb, 28 Feb of a leap year', '2008-02-28', '2024-02-28', 16],
    ['born 1 March, 29 Feb of a leap year', '2008-03-01', '2024-02-29', 15],
    ['born 31 Dec, on the birthday', '2009-12-31', '2025-12-31', 16],
    ['born 31 Dec, New Year’s Day after', '2009-12-31', '2026-01-01', 16],
    ['born 1 Jan, New Year’s Eve before', '2010-01-01', '2025-12-31', 15],
    ['born 1 Jan, on the birthday', '2010-01-01', '2026-01-01', 16],
    ['the day of birth', '2014-05-05', '2014-05-05', 0],
  ])('%s', (_title, birthDate, date, age) => {
    expect(ageOn(birthDate, date)).toBe(age);
  });

  it('does not depend on the time zone of the machine', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Amsterdam']) {
        process.env.TZ = tz;
        expect(ageOn('2010-03-10', '2026-03-10')).toBe(16);
        expect(ageOn('2010-03-10', '2026-03-09')).toBe(15);
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('finds the day a student reaches an age', () => {
    expect(dateOfTurning('2008-02-29', 17)).toBe('2025-03-01');
    expect(dateOfTurning('2008-02-29', 16)).toBe('2024-02-29');
    expect(dateOfTurning('2010-03-10', 16)).toBe('2026-03-10');
  });

  it('writes dates the Dutch way', () => {
    expect(ddmmyyyy('2026-03-09')).toBe('09-03-2026');
  });

  it('refuses a date it cannot read', () => {
    expect(() => ageOn('10-03-2010', MEETING)).toThrow('Geen geldige datum (jjjj-mm-dd): 10-03-2010');
    expect(() => ageOn('2010-03-10T23:00Z', MEETING)).toThrow('Geen geldige datum (jjjj-mm-dd): 2010-03-10T23:00Z');
  });
});

describe('a parent who got gezag after the others consented', () => {
  const student = { id: 's', name: 'Daan', birthDate: '2012-03-10' };
  const partner = { id: 'lp', name: 'Leerplicht', kind: 'leerplicht' as const };
  const mothersConsent = {
    id: 'c1',
    studentId: 's',
    signer: { kind: 'guardian' as const, guardianId: 'm' },
    decision: 'given' as const,
    purposes: ['bespreking' as const],
    partnerIds: ['lp'],
    givenOn: '2026-09-10',
    validUntil: '2027-07-31',
    withdrawnOn: null,
  };
  const mother = { id: 'm', name: 'Marieke', parentalAuthority: true };

  it('is asked with the reason: got gezag after the consent on file', () => {
    const father = { id: 'f', name: 'Mark', parentalAuthority: true, authoritySince: '2026-10-01' };
    const [check] = consentCovers([mothersConsent], { student, guardians: [mother, father] }, { date: '2026-11-12', partners: [partner] });
    expect(check!.status).toBe('missing');
    expect(check!.missing).toEqual([
      {
        signer: { signer: { kind: 'guardian', guardianId: 'f' }, name: 'Mark' },
        reason: 'kreeg gezag op 01-10-2026: nog niet gevraagd',
      },
    ]);
  });

  it('is simply not yet asked when they had gezag before the consent was given', () => {
    const father = { id: 'f', name: 'Mark', parentalAuthority: true, authoritySince: '2026-09-01' };
    const [check] = consentCovers([mothersConsent], { student, guardians: [mother, father] }, { date: '2026-11-12', partners: [partner] });
    expect(check!.missing.map((m) => m.reason)).toEqual(['nog niet gevraagd']);
  });
});

describe('consent rules the cases above did not pin down', () => {
  const run = (c: Omit<Case, 'status' | 'required'>) => check({ status: 'ok', required: [], ...c });
  const reasons = (result: PartnerConsent) => result.missing.map((m) => [m.signer.name, m.reason]);

  it('a consent given on the meeting day counts that day', () => {
    expect(run({ title: '', birthDate: AGE_15, register: [rec('m', M, { givenOn: MEETING }), rec('v', V)] }).status).toBe('ok');
    const refused = run({
      title: '',
      birthDate: AGE_15,
      register: [rec('m', M), rec('v', V), rec('v-no', V, { decision: 'refused', givenOn: MEETING })],
    });
    expect(refused.status).toBe('refused');
  });

  it('on one day a refusal outweighs a consent and names itself over a withdrawal, in whatever order', () => {
    const yes = rec('v', V, { givenOn: '2026-01-10' });
    const no = rec('v-no', V, { decision: 'refused', givenOn: '2026-01-10' });
    const withdrawn = rec('v-in', V, { givenOn: '2025-09-01', withdrawnOn: '2026-01-10' });
    for (const register of [
      [rec('m', M), yes, no],
      [rec('m', M), no, yes],
      [rec('m', M), withdrawn, no],
      [rec('m', M), no, withdrawn],
    ]) {
      const result = run({ title: '', birthDate: AGE_15, register });
      expect(result.status).toBe('refused');
      expect(reasons(result)).toEqual([['Vader', 'geweigerd op 10-01-2026']]);
    }
  });

  it('of two valid consents the newest is the one in force, in whatever order', () => {
    const old = rec('v-old', V, { givenOn: '2025-09-01' });
    const recent = rec('v-new', V, { givenOn: '2026-01-10' });
    expect(run({ title: '', birthDate: AGE_15, register: [rec('m', M), old, recent] }).coveredBy).toEqual(['m', 'v-new']);
    expect(run({ title: '', birthDate: AGE_15, register: [rec('m', M), recent, old] }).coveredBy).toEqual(['m', 'v-new']);
  });

  it('the last expiry is the one reported, whatever else the register holds', () => {
    const withdrawnLongValid = rec('v1', V, {
      givenOn: '2025-01-01',
      withdrawnOn: '2025-03-01',
      validUntil: '2026-12-31',
    });
    const expired = rec('v2', V, { givenOn: '2025-06-01', validUntil: '2026-01-31' });
    const expiredEarlier = rec('v3', V, { givenOn: '2025-02-01', validUntil: '2025-12-31' });
    for (const register of [
      [rec('m', M), withdrawnLongValid, expired],
      [rec('m', M), expired, expiredEarlier],
      [rec('m', M), expiredEarlier, expired],
    ]) {
      expect(reasons(run({ title: '', birthDate: AGE_15, register }))).toEqual([['Vader', 'verlopen op 31-01-2026']]);
    }
  });

  describe('a student who turned 16 after the parents consented', () => {
    // AGE_16: born 2009-06-01, 16 on 2025-06-01.
    const student = (register: ConsentRecord[]) => reasons(run({ title: '', birthDate: AGE_16, register }));
    const turned = [['Lisa', 'wordt 16 vóór het overleg: tekent nu zelf']];
    const notAsked = [['Lisa', 'nog niet gevraagd']];

    it('counts only the parents’ consents given by the meeting, not their refusals', () => {
      expect(student([rec('m', M, { givenOn: '2025-01-01' })])).toEqual(turned);
      expect(student([rec('m', M, { givenOn: '2025-01-01' }), rec('v-no', V, { decision: 'refused', givenOn: '2025-09-01' })])).toEqual(
        turned,
      );
      expect(student([rec('m', M, { givenOn: '2025-01-01' }), rec('v', V, { givenOn: '2026-04-01' })])).toEqual(turned);
    });

    it('a parents’ consent on the birthday itself was no longer theirs to give', () => {
      expect(student([rec('m', M, { givenOn: '2025-06-01' })])).toEqual(turned);
      expect(student([rec('m', M, { givenOn: '2025-06-02' })])).toEqual(notAsked);
    });

    it('a parents’ consent after the birthday (or on the meeting day) means it is simply not asked yet', () => {
      expect(student([rec('m', M, { givenOn: '2025-01-01' }), rec('v', V, { givenOn: MEETING })])).toEqual(notAsked);
      expect(
        student([rec('v', V, { givenOn: '2025-09-01' }), rec('m', M, { givenOn: '2025-01-01' }), rec('m0', M, { givenOn: '2024-09-01' })]),
      ).toEqual(notAsked);
    });

    it('a student with a word of their own (a refusal dated later) is not told they turned 16', () => {
      expect(student([rec('m', M, { givenOn: '2025-01-01' }), rec('s-no', S, { decision: 'refused', givenOn: '2026-04-01' })])).toEqual(
        notAsked,
      );
    });

    it('for the jeugdarts: turned 12 after the parents consented, the student signs along', () => {
      const ggd = { partnerIds: [jeugdarts.id] };
      const result = run({
        title: '',
        birthDate: AGE_12,
        partner: jeugdarts,
        register: [rec('m', M, { ...ggd, givenOn: '2025-01-01' })],
      });
      expect(reasons(result)).toEqual([
        ['Lisa', 'wordt 12 vóór het overleg: tekent mee bij de jeugdarts'],
        ['Vader', 'nog niet gevraagd'],
      ]);
    });
  });

  describe('a parent who got gezag later', () => {
    const father = (since: string, register: ConsentRecord[]) =>
      reasons(
        run({
          title: '',
          birthDate: AGE_15,
          guardians: [moeder, { ...vader, authoritySince: since }, stiefvader],
          register,
        }),
      ).filter(([name]) => name === 'Vader');
    const gained = (day: string) => [['Vader', `kreeg gezag op ${day}: nog niet gevraagd`]];
    const notAsked = [['Vader', 'nog niet gevraagd']];

    it('is told so only when someone consented before, by the meeting', () => {
      expect(father('2026-01-01', [rec('m', M, { givenOn: '2025-09-01' })])).toEqual(gained('01-01-2026'));
      expect(father('2026-01-01', [rec('m', M, { givenOn: '2025-09-01' }), rec('sv', SV, { givenOn: '2026-02-01' })])).toEqual(
        gained('01-01-2026'),
      );
      expect(father('2026-01-01', [rec('m-no', M, { decision: 'refused', givenOn: '2025-09-01' })])).toEqual(notAsked);
      expect(father('2026-01-01', [rec('m', M, { givenOn: '2026-01-01' })])).toEqual(notAsked);
      expect(father('2026-05-01', [rec('m', M, { givenOn: MEETING })])).toEqual(gained('01-05-2026'));
      expect(father('2026-05-01', [rec('m', M, { givenOn: '2026-04-01' })])).toEqual(notAsked);
    });

    it('a parent with a word of their own on file is not told they got gezag', () => {
      expect(
        father('2026-01-01', [rec('m', M, { givenOn: '2025-09-01' }), rec('v-no', V, { decision: 'refused', givenOn: '2026-04-01' })]),
      ).toEqual(notAsked);
    });
  });

  it('an unknown birth date is no problem once the student and every gezag holder consented', () => {
    const result = run({ title: '', birthDate: null, register: [rec('s', S), rec('m', M), rec('v', V)] });
    expect(result).toMatchObject({ status: 'ok', problem: null, coveredBy: ['s', 'm', 'v'] });
  });

  it('tells signers apart', () => {
    expect(sameSigner(M, S)).toBe(false);
    expect(sameSigner(S, M)).toBe(false);
    expect(sameSigner(M, V)).toBe(false);
    expect(sameSigner(M, { kind: 'guardian', guardianId: moeder.id })).toBe(true);
    expect(sameSigner(S, { kind: 'student' })).toBe(true);
  });

  it('a 29 February birthday in a century year follows the Gregorian rule', () => {
    expect(dateOfTurning('2084-02-29', 16)).toBe('2100-03-01');
    expect(dateOfTurning('2384-02-29', 16)).toBe('2400-02-29');
    expect(dateOfTurning('2008-02-29', 4)).toBe('2012-02-29');
  });
});
