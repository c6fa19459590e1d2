import type { Letterhead } from '../../electron/export/docx/letterhead';
import type {
  ActionListDocument,
  AgendaDocument,
  DocumentSchool,
  ExtractDocument,
  Logo,
  MeetingHeading,
  MinutesDocument,
  MinutesDocumentItem,
  PapersDocument,
  Presence,
} from '../../electron/export/docx/models';
import { makePng } from './docx-text';

/** Sample data as the documents domain would hand it over: Lindeboom College's IOT onderbouw. */

export const lindeboom: Letterhead = {
  schoolName: 'Lindeboom College',
  street: 'Lindelaan 12',
  postalCode: '3512 KL',
  city: 'Utrecht',
  phone: '030 123 45 67',
  email: 'zorgteam@lindeboomcollege.example',
  website: 'www.lindeboomcollege.example',
  letterFooter: 'Lindeboom College is een fictieve school. Deze omgeving bevat alleen verzonnen gegevens.',
};

/** A linden tree, 3:2, on a transparent background: enough shape to see the proportions are kept. */
export function treeLogo(): Logo {
  const width = 240;
  const height = 160;
  const data = makePng(width, height, (x, y) => {
    const inCanopy = (x - 120) ** 2 / 70 ** 2 + (y - 62) ** 2 / 55 ** 2 <= 1;
    const inTrunk = x >= 110 && x < 130 && y >= 100 && y < 150;
    const inGround = y >= 148 && y < 156 && x >= 60 && x < 180;
    if (inCanopy) return [0x2e, 0x7d, 0x32, 255];
    if (inTrunk || inGround) return [0x1f, 0x4e, 0x79, 255];
    return [255, 255, 255, 0];
  });
  return { data, type: 'png', width, height };
}

export const school: DocumentSchool = { letterhead: lindeboom, logo: null };

export const meeting: MeetingHeading = {
  title: 'IOT onderbouw',
  seriesName: 'IOT onderbouw',
  date: '2026-11-12',
  startTime: '13:30',
  endTime: '15:00',
  location: 'Lokaal 1.12',
  chair: 'awo — Anna Wolters',
  secretary: 'sisl — Sil Slot',
};

export const agenda: AgendaDocument = {
  school,
  meeting,
  attendees: [
    'awo — Anna Wolters (zorgcoördinator)',
    'sisl — Sil Slot (mentor 2B)',
    'hbr — Hanneke Brouwer (teamleider onderbouw)',
    'Kwadraad — Els Smit (jeugdhulp)',
  ],
  items: [
    {
      number: 1,
      start: '13:30',
      title: 'Opening en mededelingen',
      kind: 'vast',
      presenter: null,
      durationMinutes: 5,
      confidential: false,
      guests: [],
      change: null,
    },
    {
      number: 2,
      start: '13:35',
      title: 'Actiepunten',
      kind: 'vast',
      presenter: 'awo',
      durationMinutes: 10,
      confidential: false,
      guests: [],
      change: null,
    },
    {
      number: 3,
      start: '13:45',
      title: 'J.d.V. (2B)',
      kind: 'casus',
      presenter: 'sisl',
      durationMinutes: 20,
      confidential: false,
      guests: ['ouders', 'leerling'],
      change: 'gewijzigd',
    },
    {
      number: 4,
      start: '14:05',
      title: 'S.B. (1A)',
      kind: 'casus',
      presenter: 'awo',
      durationMinutes: 15,
      confidential: true,
      guests: ['Kwadraad (jeugdhulp)'],
      change: 'toegevoegd',
    },
    {
      number: null,
      start: null,
      title: 'M.K. (3C)',
      kind: 'casus',
      presenter: 'hbr',
      durationMinutes: 15,
      confidential: false,
      guests: [],
      change: 'vervallen',
    },
    {
      number: 5,
      start: '14:20',
      title: 'Rondvraag en sluiting',
      kind: 'overig',
      presenter: null,
      durationMinutes: 10,
      confidential: false,
      guests: [],
      change: null,
    },
  ],
  nameStyle: 'initialen',
  sentOn: '2026-11-05',
  generatedOn: '2026-11-09',
};

export const presence: Presence = {
  present: ['awo — Anna Wolters', 'sisl — Sil Slot', 'Kwadraad — Els Smit (jeugdhulp)'],
  absentWithNotice: ['hbr — Hanneke Brouwer'],
  absent: [],
  unknown: [],
};

export const jesseItem: MinutesDocumentItem = {
  number: 3,
  title: 'J.d.V. (2B)',
  kind: 'casus',
  lapsed: false,
  decision: 'Besluit: extra ondersteuning via de ondersteuningscoördinator',
  paragraphs: [
    {
      label: 'Aanleiding',
      text: 'Jesse verzuimt sinds de herfstvakantie vaker het eerste uur.\nMentor heeft twee keer contact gehad met moeder.',
      intern: false,
    },
    {
      label: 'Overwegingen team',
      text: 'Vermoeden van spanningen thuis; nog niet met ouders besproken.',
      intern: true,
    },
    { label: 'Afspraken', text: 'Jesse meldt zich drie weken lang om 08:15 bij de mentor.', intern: false },
  ],
  actions: [
    {
      number: '3.1',
      what: 'Gesprek met Jesse en ouders over het verzuim',
      holder: 'sisl',
      due: '2026-11-26',
      status: 'Open',
    },
    { number: '3.2', what: 'Aanmelden bij de jeugdarts', holder: 'awo', due: 'volgende-overleg', status: 'Open' },
  ],
  carried: [
    {
      number: '4.1 uit IOT 08-10-2026',
      what: 'Verzuimgegevens opvragen bij de administratie',
      holder: 'sisl',
      due: '2026-10-22',
      status: 'Gedaan',
    },
  ],
};

export const sanneItem: MinutesDocumentItem = {
  number: 4,
  title: 'S.B. (1A)',
  kind: 'casus',
  lapsed: false,
  decision: 'Besluit: aanmelden bij Kwadraad',
  paragraphs: [{ label: 'Aanleiding', text: 'Sanne trekt zich terug in de klas; faalangst bij toetsen.', intern: false }],
  actions: [{ number: '4.1', what: 'Toestemming ouders vragen voor Kwadraad', holder: 'awo', due: null, status: 'Concept' }],
  carried: [],
};

export const minutes: MinutesDocument = {
  school,
  meeting,
  status: { kind: 'concept' },
  presence,
  items: [
    {
      number: 1,
      title: 'Opening en mededelingen',
      kind: 'vast',
      lapsed: false,
      decision: null,
      paragraphs: [{ label: 'Mededelingen', text: 'De studiedag van 10 februari gaat over executieve functies.', intern: false }],
      actions: [],
      carried: [],
    },
    {
      number: 2,
      title: 'Actiepunten',
      kind: 'vast',
      lapsed: false,
      decision: null,
      paragraphs: [],
      actions: [],
      carried: [],
    },
    jesseItem,
    sanneItem,
    {
      number: null,
      title: 'M.K. (3C)',
      kind: 'casus',
      lapsed: true,
      decision: null,
      paragraphs: [],
      actions: [],
      carried: [],
    },
  ],
  addenda: [
    {
      at: '2026-12-10T14:20:00Z',
      author: 'awo — Anna Wolters',
      itemNumber: 3,
      text: 'Gesprek met ouders heeft op 24 november plaatsgevonden.',
      intern: false,
    },
  ],
  nameStyle: 'initialen',
  generatedOn: '2026-11-13',
};

export const extract: ExtractDocument = {
  school,
  version: 'dossier',
  meeting,
  status: { kind: 'vastgesteld', on: '2026-12-10', atMeeting: 'IOT 10-12-2026' },
  student: { name: 'Jesse de Vries', studentNumber: '123456', className: '2B' },
  presence,
  item: { ...jesseItem, title: 'Jesse de Vries (2B)' },
  addenda: minutes.addenda,
  generatedOn: '2026-12-11',
};

export const papers: PapersDocument = {
  school,
  meeting,
  cases: [
    {
      title: 'Jesse de Vries (2B)',
      studentNumber: '123456',
      anonymised: false,
      anonymisedBecause: null,
      agendaNumber: 3,
      start: '13:45',
      referrer: 'sisl — Sil Slot (mentor)',
      sections: [
        { label: 'Wat is de zorg?', text: 'Jesse is sinds de herfstvakantie vaak te laat en mist het eerste uur.' },
        { label: 'Wat is al gedaan?', text: 'Twee gesprekken met Jesse.\nContact met moeder per telefoon.' },
        { label: 'Hulpvraag aan het IOT', text: 'Meedenken over de aanpak van het verzuim.' },
      ],
    },
    {
      title: 'Leerling uit leerjaar 1',
      studentNumber: null,
      anonymised: true,
      anonymisedBecause: 'geen toestemming voor Kwadraad',
      agendaNumber: 4,
      start: '14:05',
      referrer: 'awo — Anna Wolters',
      sections: [
        { label: 'Wat is de zorg?', text: 'Trekt zich terug in de klas, faalangst bij toetsen.' },
        { label: 'Hulpvraag aan het IOT', text: 'Is verwijzing naar jeugdhulp passend?' },
      ],
    },
    {
      title: 'Noah Jansen (1C)',
      studentNumber: '123789',
      anonymised: false,
      anonymisedBecause: null,
      agendaNumber: null,
      start: null,
      referrer: null,
      sections: [{ label: 'Wat is de zorg?', text: 'Aangemeld na het versturen van de agenda.' }],
    },
  ],
  generatedOn: '2026-11-09',
};

export const actionList: ActionListDocument = {
  school,
  title: 'Openstaande acties per actiehouder',
  groupedBy: 'holder',
  groups: [
    {
      heading: 'awo — Anna Wolters',
      actions: [
        {
          number: '3.2',
          what: 'Aanmelden bij de jeugdarts',
          holder: 'awo',
          due: 'volgende-overleg',
          status: 'Open',
          student: 'J.d.V. (2B)',
          meeting: 'IOT 12-11-2026',
          overdue: false,
        },
        {
          number: '4.1',
          what: 'Toestemming ouders vragen voor Kwadraad',
          holder: 'awo',
          due: '2026-10-22',
          status: 'Open',
          student: 'S.B. (1A)',
          meeting: 'IOT 08-10-2026',
          overdue: true,
        },
        {
          number: '1.1',
          what: 'Jaarrooster zorgoverleggen delen met de mentoren',
          holder: 'awo',
          due: null,
          status: 'Open',
          student: null,
          meeting: 'IOT 12-11-2026',
          overdue: false,
        },
      ],
    },
    {
      heading: 'sisl — Sil Slot',
      actions: [
        {
          number: '3.1',
          what: 'Gesprek met Jesse en ouders over het verzuim',
          holder: 'sisl',
          due: '2026-11-26',
          status: 'Open',
          student: 'J.d.V. (2B)',
          meeting: 'IOT 12-11-2026',
          overdue: false,
        },
      ],
    },
  ],
  nameStyle: 'initialen',
  generatedOn: '2026-11-27',
};
