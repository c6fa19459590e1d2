import type {
  ActionLine,
  ActionListDocument,
  ActionListEntry,
  AgendaDocument,
  AgendaDocumentItem,
  DocumentSchool,
  ExtractDocument,
  LetterDocument,
  LetterDocumentLetter,
  MeetingHeading,
  MinutesDocument,
  MinutesDocumentItem,
  PapersDocument,
} from '../../electron/export/docx/models';
import { letterValues, type LetterFacts } from '../../electron/features/letters/letter-values';
import { mergeTemplate, mergeText } from '../../electron/features/letters/template-merge';
import { shippedTemplates, type ShippedTemplate } from '../../electron/features/letters/shipped-templates';
import { letterAddressees, type AddresseeGuardian, type AddresseeStudent } from '../../electron/features/people/letter-recipients';
import { lindeboom, school, treeLogo } from './fixtures';

/**
 * Full-size sample documents for the render check (render.test.ts) and the bench
 * (tests/bench/documents.ts): a meeting of 30 items as a busy IOT has it, an agenda of about twelve,
 * the papers of four cases, an action list of three holders, and letters merged from the shipped
 * templates. Deterministic: the same text every run, so page counts are stable.
 *
 * Labels are spelled as electron/features/documents/compose.ts hands them over, since that is what
 * gets printed: people in the facts as "Anna Wolters (awo)", partners as "Els Smit (Kwadraad)",
 * action holders by staff code as the team's documents print them (the group headings of the action
 * list as "awo — Anna Wolters"), carried actions and the
 * action list's meetings with the meeting's title ("4.1 uit IOT onderbouw 08-10-2026").
 */

export const schoolWithLogo: DocumentSchool = { ...school, logo: treeLogo() };

const meeting30: MeetingHeading = {
  title: 'IOT onderbouw',
  seriesName: 'IOT onderbouw',
  date: '2026-11-12',
  startTime: '13:30',
  endTime: '16:30',
  location: 'Lokaal 1.12',
  chair: 'Anna Wolters (awo)',
  secretary: 'Sil Slot (sisl)',
};

const attendees = [
  'Anna Wolters (awo)',
  'Sil Slot (sisl)',
  'Hanneke Brouwer (hbr)',
  'Mirjam Kessels (mke)',
  'Els Smit (Kwadraad)',
  'Yusuf Demir (GGD)',
];

/** Staff by code and by name, as a family's extract names them. */
const staffNames: Record<string, string> = {
  awo: 'Anna Wolters',
  sisl: 'Sil Slot',
  hbr: 'Hanneke Brouwer',
  mke: 'Mirjam Kessels',
};

/** Staff codes with the holder label the minutes view makes of them (the action list's group headings). */
const holderLabels: Record<string, string> = {
  awo: 'awo — Anna Wolters',
  sisl: 'sisl — Sil Slot',
  hbr: 'hbr — Hanneke Brouwer',
  mke: 'mke — Mirjam Kessels',
};

// ---------------------------------------------------------------------------------------------
// The cases: 23 students, named with initials and class as the documents domain does by default.

interface SampleCase {
  initials: string;
  fullName: string;
  givenName: string;
  className: string;
  studentNumber: string;
  presenter: string;
}

const caseNames: [string, string, string][] = [
  ['Jesse', 'de Vries', '2B'],
  ['Sanne', 'Bakker', '1A'],
  ['Noah', 'Jansen', '1C'],
  ['Mila', 'van Dijk', '2A'],
  ['Ayoub', 'El Amrani', '3B'],
  ['Zoë', 'Öztürk', '2C'],
  ['Liam', 'Visser', '1B'],
  ['Tess', 'Smit', '3A'],
  ['Finn', 'de Boer', '2D'],
  ['Noor', 'Yılmaz', '1D'],
  ['Bram', 'van der Meer', '3C'],
  ['Lotte', 'Mulder', '2B'],
  ['Levi', 'de Jong', '1A'],
  ['Saar', 'van den Berg', '3D'],
  ['Adam', 'Hendriks', '2A'],
  ['Fleur', 'Peters', '1C'],
  ['Mohammed', 'Bouzid', '3B'],
  ['Evi', 'Kramer', '2C'],
  ['Jens', 'Dekker', '1B'],
  ['Yara', 'Willems', '3A'],
  ['Sem', 'Brouwer', '2D'],
  ['Julia', 'van Leeuwen', '1D'],
  ['Daan', 'Koster', '3C'],
];

/** "J.d.V." for Jesse de Vries, "A.E.A." for Ayoub El Amrani. */
function initialsOf(givenName: string, familyName: string): string {
  const family = familyName
    .split(' ')
    .map((part, index, parts) => (index < parts.length - 1 && part === part.toLowerCase() ? part[0]! : part[0]!.toUpperCase()))
    .join('.');
  return `${givenName[0]!}.${family}.`;
}

const presenters = ['sisl', 'awo', 'hbr', 'mke'];

const cases: SampleCase[] = caseNames.map(([givenName, familyName, className], index) => ({
  initials: initialsOf(givenName, familyName),
  fullName: `${givenName} ${familyName}`,
  givenName,
  className,
  studentNumber: String(123_450 + index * 7),
  presenter: presenters[index % presenters.length]!,
}));

const caseTitle = (c: SampleCase) => `${c.initials} (${c.className})`;

const concerns = [
  '{n} verzuimt sinds de herfstvakantie vaker het eerste uur; 36 lesuren ongeoorloofd.',
  '{n} trekt zich terug in de klas en heeft faalangst bij toetsen; de cijfers zakken.',
  'Moeder maakt zich zorgen: {n} slaapt slecht en zit tot na middernacht op de telefoon.',
  '{n} heeft conflicten met klasgenoten in de pauze; twee keer uit de les gestuurd.',
  'De cijfers voor wiskunde en Frans zijn gezakt van voldoende naar ruim onvoldoende.',
];

const discussions = [
  'Mentor vertelt dat {n} in de les stil is en weinig contact maakt. Met een paar klasgenoten gaat het ' +
    'goed, in groepswerk haakt {n} af. De orthopedagoog herkent het beeld van de observatie vorige maand.',
  'Het team bespreekt of extra ondersteuning binnen de school voldoende is of dat verwijzing nodig is. ' +
    'Kwadraad geeft aan dat er al contact is geweest met het gezin via het sociaal team van de gemeente.',
  'De jeugdarts ziet {n} binnenkort op het spreekuur. Het verzuim lijkt samen te hangen met hoofdpijn ' +
    'en vermoeidheid; eerst medisch laten kijken voordat leerplicht wordt ingeschakeld.',
  'Het handelingsplan wordt bijgesteld: minder huiswerk per dag, een vaste plek in het lokaal en een ' +
    'time-outkaart. De mentor evalueert het plan na zes weken met {n} en ouders.',
];

const decisions = [
  'Besluit: Basisondersteuning',
  'Besluit: Extra ondersteuning / OPP',
  'Besluit: Extern (jeugdhulp, GGD, leerplicht)',
  'Besluit: Terugkomen in het volgende overleg',
];

/** The decision's text, as the secretary writes it under the decision chosen. */
const decisionTexts = [
  '{n} blijft in de basisondersteuning; de mentor houdt wekelijks een kort gesprek.',
  'Er komt een ontwikkelingsperspectiefplan; de orthopedagoog stelt het op met de mentor en ouders.',
  'Verwijzing naar Kwadraad; de zorgcoördinator meldt {n} aan na toestemming van ouders.',
  'Eerst het gesprek met ouders afwachten; {n} komt terug in het volgende overleg.',
];

const actionTexts = [
  'Gesprek met {n} en ouders over het verzuim',
  'Aanmelden bij de jeugdarts voor het spreekuur',
  'Handelingsplan bijstellen en delen met de docenten van de klas',
  'Toestemming ouders vragen voor bespreking met Kwadraad',
  'Screening dyslexie afnemen en terugkoppelen aan mentor',
  'Verzuimgegevens opvragen bij de administratie',
];

const fill = (text: string, c: SampleCase) => text.replaceAll('{n}', c.givenName);

/** Thursday 12 November 2026 plus a number of days, as ISO. */
function dayAfterMeeting(days: number): string {
  const date = new Date(Date.UTC(2026, 10, 12 + days));
  return date.toISOString().slice(0, 10);
}

function caseActions(c: SampleCase, number: number, index: number): ActionLine[] {
  const count = 1 + (index % 3);
  return Array.from({ length: count }, (_, k) => ({
    number: `${number}.${k + 1}`,
    what: fill(actionTexts[(index + k) % actionTexts.length]!, c),
    holder: k === 2 ? 'Kwadraad' : presenters[(index + k) % presenters.length]!,
    due: k === 1 ? 'volgende-overleg' : dayAfterMeeting(14 + 7 * k),
    status: index % 7 === 6 && k === 0 ? 'Concept' : 'Open',
  }));
}

function caseItem(c: SampleCase, number: number, index: number): MinutesDocumentItem {
  return {
    number,
    title: caseTitle(c),
    kind: 'casus',
    lapsed: false,
    decision: decisions[index % decisions.length]!,
    paragraphs: [
      {
        label: 'Vraag / aanleiding',
        text: `${fill(concerns[index % concerns.length]!, c)}\nVraag van de mentor: wat kan school nog doen?`,
        intern: false,
      },
      { label: 'Bespreking', text: fill(discussions[index % discussions.length]!, c), intern: true },
      { label: 'Besluit', text: fill(decisionTexts[index % decisionTexts.length]!, c), intern: false },
      ...(index % 3 === 0 ? [{ label: 'Wie informeert ouders en mentor', text: 'De mentor belt ouders deze week.', intern: true }] : []),
    ],
    actions: caseActions(c, number, index),
    carried:
      index % 4 === 1
        ? [
            {
              number: `${1 + Math.floor(index / 4)}.2 uit IOT onderbouw 08-10-2026`,
              what: 'Verzuimgegevens opvragen bij de administratie',
              holder: 'sisl',
              due: '2026-10-22',
              status: 'Gedaan',
            },
          ]
        : [],
  };
}

/** One case (index 5) lapsed after the agenda went out: it keeps its place, struck through, without a number. */
const LAPSED = 5;

function standardItem(number: number, title: string, notes: string | null): MinutesDocumentItem {
  return {
    number,
    title,
    kind: 'vast',
    lapsed: false,
    decision: null,
    paragraphs: notes === null ? [] : [{ label: 'Notities', text: notes, intern: false }],
    actions: [],
    carried: [],
  };
}

function minutesItems(): MinutesDocumentItem[] {
  const items: MinutesDocumentItem[] = [
    standardItem(1, 'Opening', null),
    standardItem(
      2,
      'Mededelingen',
      'De studiedag van 10 februari gaat over executieve functies.\nHet nieuwe aanmeldformulier staat vanaf maandag in Zorgoverleg.',
    ),
    standardItem(3, 'Notulen vorige vergadering (vaststellen)', 'De notulen van 8 oktober zijn ongewijzigd vastgesteld.'),
    {
      ...standardItem(4, 'Actiepunten', null),
      carried: [
        {
          number: '1.1 uit IOT onderbouw 08-10-2026',
          what: 'Jaarrooster zorgoverleggen delen met de mentoren',
          holder: 'awo',
          due: '2026-10-15',
          status: 'Gedaan',
        },
        {
          number: '2.1 uit IOT onderbouw 08-10-2026',
          what: 'Afspraken over de time-outkaart op papier zetten',
          holder: 'hbr',
          due: 'volgende-overleg',
          status: 'Open',
        },
      ],
    },
  ];
  let number = 5;
  cases.forEach((c, index) => {
    if (index === LAPSED) {
      items.push({
        number: null,
        title: caseTitle(c),
        kind: 'casus',
        lapsed: true,
        decision: null,
        paragraphs: [],
        actions: [],
        carried: [],
      });
      return;
    }
    items.push(caseItem(c, number, index));
    number++;
  });
  items.push(
    standardItem(number, 'Rondvraag', 'Hanneke vraagt of de stukken voortaan een week van tevoren kunnen worden verstuurd.'),
    standardItem(number + 1, 'Sluiting', null),
    standardItem(number + 2, 'Volgende vergadering', 'Donderdag 10 december 2026, 13:30 uur, Lokaal 1.12.'),
  );
  return items;
}

/** The minutes of a meeting of 30 items: 7 standard items and 23 cases, one of them lapsed. */
export const minutes30: MinutesDocument = {
  school,
  meeting: meeting30,
  status: { kind: 'concept' },
  presence: {
    present: attendees.slice(0, 5),
    absentWithNotice: attendees.slice(5),
    absent: [],
    unknown: [],
  },
  items: minutesItems(),
  addenda: [],
  nameStyle: 'initialen',
  generatedOn: '2026-11-13',
};

/** Start times from 13:30, each item after the one before. */
function agendaItems(items: MinutesDocumentItem[], minutesOf: (item: MinutesDocumentItem) => number): AgendaDocumentItem[] {
  let clock = 13 * 60 + 30;
  return items.map((item) => {
    const durationMinutes = minutesOf(item);
    const start = item.lapsed ? null : `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`;
    if (!item.lapsed) clock += durationMinutes;
    const caseIndex = cases.findIndex((c) => caseTitle(c) === item.title);
    return {
      number: item.number,
      start,
      title: item.title,
      kind: item.kind,
      presenter: caseIndex >= 0 ? cases[caseIndex]!.presenter : item.title === 'Actiepunten' ? 'awo' : null,
      durationMinutes,
      confidential: caseIndex === 3 || caseIndex === 9,
      guests: caseIndex === 0 ? ['ouders', 'leerling'] : caseIndex === 3 ? ['Kwadraad (jeugdhulp)'] : [],
      change: item.lapsed ? 'vervallen' : caseIndex === 0 ? 'gewijzigd' : caseIndex === 4 ? 'toegevoegd' : null,
    };
  });
}

/** The agenda of the same 30-item meeting (for the bench). */
export const agenda30: AgendaDocument = {
  school,
  meeting: meeting30,
  attendees,
  items: agendaItems(minutes30.items, (item) => (item.kind === 'casus' ? 7 : item.title === 'Actiepunten' ? 10 : 3)),
  nameStyle: 'initialen',
  sentOn: '2026-11-05',
  generatedOn: '2026-11-09',
};

/** An agenda of twelve numbered items as most meetings have: seven standard items and five cases, plus a sixth case that lapsed. */
function twelveItems(): MinutesDocumentItem[] {
  const all = minutesItems();
  const picked = [...all.slice(0, 4), ...all.filter((item) => item.kind === 'casus').slice(0, 6), ...all.slice(-3)];
  let number = 1;
  return picked.map((item) => (item.lapsed ? item : { ...item, number: number++ }));
}

export const agenda12: AgendaDocument = {
  school: schoolWithLogo,
  meeting: { ...meeting30, endTime: '15:00' },
  attendees,
  items: agendaItems(twelveItems(), (item) => (item.kind === 'casus' ? 10 : item.title === 'Actiepunten' ? 10 : 3)),
  nameStyle: 'initialen',
  sentOn: '2026-11-05',
  generatedOn: '2026-11-09',
};

// ---------------------------------------------------------------------------------------------
// Extract (uittreksel): Jesse's part of the 30-item minutes, dossier and parents' version.

const jesse = cases[0]!;
const jesseItem = minutes30.items.find((item) => item.title === caseTitle(jesse))!;

export const extractDossier: ExtractDocument = {
  school: schoolWithLogo,
  version: 'dossier',
  meeting: meeting30,
  status: { kind: 'vastgesteld', on: '2026-12-10', atMeeting: 'IOT 10-12-2026' },
  student: { name: jesse.fullName, studentNumber: jesse.studentNumber, className: jesse.className },
  presence: minutes30.presence,
  item: { ...jesseItem, title: `${jesse.fullName} (${jesse.className})` },
  addenda: [
    {
      at: '2026-12-10T14:20:00Z',
      author: 'Anna Wolters',
      itemNumber: jesseItem.number,
      text: 'Gesprek met ouders heeft op 24 november plaatsgevonden; afspraken blijven staan.',
      intern: false,
    },
    {
      at: '2026-12-11T09:05:00Z',
      author: 'Sil Slot',
      itemNumber: jesseItem.number,
      text: 'Vader gaf aan dat er thuis veel speelt; niet met de leerling delen.',
      intern: true,
    },
  ],
  generatedOn: '2026-12-11',
};

/** The parents' version as the domain hands it over: the intern text already taken out. */
export const extractParents: ExtractDocument = {
  ...extractDossier,
  school,
  version: 'ouders',
  item: {
    ...extractDossier.item,
    paragraphs: extractDossier.item.paragraphs.filter((p) => !p.intern),
    // A family reads staff by name, not by code (documents/compose.ts).
    actions: extractDossier.item.actions.map((a) => ({
      ...a,
      holder: a.holder && staffNames[a.holder] ? staffNames[a.holder]! : a.holder,
    })),
  },
  addenda: extractDossier.addenda.filter((addendum) => !addendum.intern),
};

/** Text only the dossier version may show. */
export const internOnly = ['Bespreking', extractDossier.addenda[1]!.text];

// ---------------------------------------------------------------------------------------------
// Papers (stukken): four intake forms, one anonymised, one not on the agenda.

const intakeSections = (c: SampleCase, index: number) => [
  {
    label: 'Aanleiding',
    text: `${fill(concerns[index % concerns.length]!, c)} ${fill(discussions[index % discussions.length]!, c)}`,
  },
  {
    label: 'Hulpvraag aan het IOT',
    text: 'Meedenken over de aanpak: is extra ondersteuning binnen school genoeg, of is verwijzing nodig?',
  },
  {
    label: 'Zorgen',
    text:
      'Verzuim: 36 lesuren ongeoorloofd in tien weken.\nGezondheid: klaagt over hoofdpijn en slecht ' +
      'slapen.\nSociaal: weinig contact met klasgenoten.',
  },
  {
    label: 'Wat is al geprobeerd?',
    text: 'Drie mentorgesprekken in zes weken, afspraken over op tijd komen, wekelijks contact met moeder per telefoon.',
  },
  { label: 'Visie ouders', text: 'Moeder herkent het beeld en wil graag meedenken; vader kan alleen na 16:00 uur.' },
  {
    label: 'Visie leerling',
    text: `${c.givenName} zegt dat het thuis onrustig is en dat huiswerk maken op school zou helpen.`,
  },
];

export const papers4: PapersDocument = {
  school: schoolWithLogo,
  meeting: meeting30,
  cases: [
    {
      title: `${jesse.fullName} (${jesse.className})`,
      studentNumber: jesse.studentNumber,
      anonymised: false,
      anonymisedBecause: null,
      agendaNumber: 5,
      start: '13:53',
      referrer: 'Sil Slot',
      sections: intakeSections(jesse, 0),
    },
    {
      title: 'Leerling uit leerjaar 1',
      studentNumber: null,
      anonymised: true,
      anonymisedBecause: 'geen toestemming om deze leerling met alle deelnemers te bespreken',
      agendaNumber: 6,
      start: '14:03',
      referrer: 'Anna Wolters',
      sections: intakeSections(cases[1]!, 1).map((s) => ({ ...s, text: s.text.replaceAll('Sanne', '[naam]') })),
    },
    {
      title: `${cases[2]!.fullName} (${cases[2]!.className})`,
      studentNumber: cases[2]!.studentNumber,
      anonymised: false,
      anonymisedBecause: null,
      agendaNumber: 7,
      start: '14:13',
      referrer: 'Hanneke Brouwer',
      sections: intakeSections(cases[2]!, 2),
    },
    {
      title: `${cases[3]!.fullName} (${cases[3]!.className})`,
      studentNumber: cases[3]!.studentNumber,
      anonymised: false,
      anonymisedBecause: null,
      agendaNumber: null,
      start: null,
      referrer: null,
      sections: intakeSections(cases[3]!, 3).slice(0, 3),
    },
  ],
  generatedOn: '2026-11-09',
};

// ---------------------------------------------------------------------------------------------
// Action list: the open actions of three holders, a few past their date.

/** `holder`: the holder label, which is also the group's heading. */
function listEntries(holder: string, count: number, offset: number): ActionListEntry[] {
  return Array.from({ length: count }, (_, k) => {
    const c = cases[(offset + k) % cases.length]!;
    const overdue = k % 4 === 1;
    return {
      number: `${5 + ((offset + k) % 20)}.${1 + (k % 2)}`,
      what: fill(actionTexts[(offset + k) % actionTexts.length]!, c),
      holder,
      due: overdue ? '2026-10-22' : k % 3 === 2 ? 'volgende-overleg' : dayAfterMeeting(14 + k),
      status: 'Open',
      student: k === count - 1 ? null : caseTitle(c),
      meeting: k % 2 === 0 ? 'IOT onderbouw 12-11-2026' : 'ZAT 05-11-2026',
      overdue,
    };
  });
}

export const actionList3: ActionListDocument = {
  school: schoolWithLogo,
  title: 'Openstaande acties per actiehouder',
  groupedBy: 'holder',
  groups: [
    { heading: holderLabels.awo!, actions: listEntries('awo', 8, 0) },
    { heading: holderLabels.sisl!, actions: listEntries('sisl', 6, 8) },
    { heading: 'Kwadraad', actions: listEntries('Kwadraad', 4, 14) },
  ],
  nameStyle: 'initialen',
  generatedOn: '2026-11-27',
};

// ---------------------------------------------------------------------------------------------
// Letters: merged from the shipped templates, addressed as the app addresses them.

export interface LetterStudent {
  student: AddresseeStudent & { className: string; studentNumber: string };
  guardians: AddresseeGuardian[];
}

function guardian(
  id: string,
  relation: 'moeder' | 'vader',
  givenName: string,
  infix: string,
  familyName: string,
  address: { street: string; houseNumber: string; postalCode: string; city: string },
): AddresseeGuardian {
  const surname = [infix, familyName].filter(Boolean).join(' ');
  const capitalised = surname.charAt(0).toUpperCase() + surname.slice(1);
  return {
    id,
    relation,
    parentalAuthority: true,
    givenName,
    infix,
    familyName,
    salutation: `${relation === 'moeder' ? 'Geachte mevrouw' : 'Geachte heer'} ${capitalised}`,
    ...address,
  };
}

const letterDate = '2026-12-01';

/** Zoë's parents live apart (two letters); Noah's live together (one letter to both). */
export const letterStudents: LetterStudent[] = [
  {
    student: {
      givenName: 'Zoë',
      infix: 'de',
      familyName: 'Vries',
      birthDate: '2013-03-14',
      className: '2B',
      studentNumber: '500101',
    },
    guardians: [
      guardian('zm', 'moeder', 'Sanne', 'de', 'Vries-Bakker', {
        street: 'Lindelaan',
        houseNumber: '4',
        postalCode: '3512 KL',
        city: 'Utrecht',
      }),
      guardian('zv', 'vader', 'Pieter Jan', 'de', 'Vries', {
        street: 'Dijk',
        houseNumber: '17a',
        postalCode: '3431 KL',
        city: 'Nieuwegein',
      }),
    ],
  },
  {
    student: {
      givenName: 'Noah',
      infix: '',
      familyName: 'Jansen',
      birthDate: '2014-06-02',
      className: '1C',
      studentNumber: '500117',
    },
    guardians: [
      guardian('nm', 'moeder', 'Fatima', '', 'Jansen', {
        street: 'Kerkstraat',
        houseNumber: '88',
        postalCode: '3511 LX',
        city: 'Utrecht',
      }),
      guardian('nv', 'vader', 'Kees', '', 'Jansen', {
        street: 'Kerkstraat',
        houseNumber: '88',
        postalCode: '3511 LX',
        city: 'Utrecht',
      }),
    ],
  },
];

/**
 * The students of a large run: `count` students whose parents live together, so each gets one
 * letter. Birth dates keep them under 16 on the letter date (no letter to the student).
 */
export function manyLetterStudents(count: number): LetterStudent[] {
  const given = ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Noah', 'Zoë', 'Liam', 'Sara'];
  const families: [string, string][] = [
    ['de', 'Vries'],
    ['', 'Jansen'],
    ['van', 'Dijk'],
    ['', 'Bakker'],
    ['', 'Öztürk'],
    ['', 'El Amrani'],
    ['van der', 'Meer'],
    ['de', 'Jong'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [infix, familyName] = families[i % families.length]!;
    const address = { street: 'Lindelaan', houseNumber: String(1 + i), postalCode: '3512 AB', city: 'Utrecht' };
    return {
      student: {
        givenName: given[i % given.length]!,
        infix,
        familyName,
        birthDate: `${2012 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
        className: `${1 + (i % 3)}${'ABCD'[i % 4]!}`,
        studentNumber: String(600_000 + i),
      },
      guardians: [
        guardian(`m${i}`, 'moeder', 'Anna', infix, familyName, address),
        guardian(`v${i}`, 'vader', 'Peter', infix, familyName, address),
      ],
    };
  });
}

/** The letters of one template for these students, one per address, as the letters job merges them. */
export function letterDocument(
  students: LetterStudent[],
  templateKey: ShippedTemplate['key'] = 'terugkoppeling',
  logo = true,
): LetterDocument {
  const template = shippedTemplates.find((t) => t.key === templateKey);
  if (template === undefined) throw new Error(`Geen meegeleverde sjabloon ${templateKey}`);
  const letters = students.flatMap(({ student, guardians }) => {
    const addressees = letterAddressees({ student, guardians, letterDate });
    return addressees.map((to): LetterDocumentLetter => {
      const facts: LetterFacts = {
        student,
        addressees: to.names,
        meeting: {
          name: 'ZAT',
          date: '2026-11-12',
          startTime: '14:00',
          location: 'Vergaderkamer',
          caseStartTime: '14:20',
        },
        decision: {
          type: 'basisondersteuning',
          textForParents:
            `${student.givenName} gaat twee keer per week naar de huiswerkklas. Na de kerstvakantie ` + `kijken we samen of dat helpt.`,
        },
        actions: [
          { what: `${student.givenName} aanmelden voor de huiswerkklas`, holder: 'Sil Slot', due: '2026-11-20' },
          { what: 'Een gesprek plannen met de jeugdarts', holder: 'u (ouders)', due: 'volgende-overleg' },
        ],
        consent: null,
        coordinator: {
          name: 'Anna Wolters',
          role: 'ondersteuningscoördinator',
          email: 'a.wolters@lindeboomcollege.example',
        },
        school: { name: lindeboom.schoolName, phone: lindeboom.phone, email: lindeboom.email },
        letterDate,
      };
      const values = letterValues(facts);
      const others = addressees.filter((other) => other !== to).flatMap((other) => other.addressNames);
      return {
        addressLines: to.addressLines,
        date: letterDate,
        subject: mergeText(template.subject, values),
        salutation: to.salutation,
        body: mergeTemplate(template.body, values),
        closing: 'Met vriendelijke groet,',
        signatory: { name: 'Anna Wolters', role: 'Ondersteuningscoördinator' },
        copyNote: others.length === 0 ? null : `Afschrift aan: ${others.join(', ')}`,
        reference: `${student.studentNumber}/${letterDate.replaceAll('-', '')}`,
      };
    });
  });
  return {
    school: logo ? schoolWithLogo : school,
    title: `${template.name} (${letters.length} brieven)`,
    letters,
  };
}
