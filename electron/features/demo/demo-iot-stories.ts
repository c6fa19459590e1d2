import type { CaseStory, SeriesPlan, Tell } from './demo-minutes-story';

/**
 * The IOT's storylines: students from the first signal to basic or extra support, one referred to
 * the ZAT. Each story is told with the student's given name (`n`); demo-minutes.ts picks the students.
 */

/** The IOT's students, by their story; Daan has an intake (demo-intakes.ts) when the demo made one. */
export interface IotStudents {
  sem: string;
  faal: string;
  huiswerk: string;
  pesten: string;
  somber: string;
  daan: string | null;
}

export function tellIotStories(tell: Tell, s: IotStudents): void {
  tell(s.sem, 'bgr', lateOnMondays);
  tell(s.faal, 'vidu', testAnxiety);
  tell(s.huiswerk, 'bgr', homeworkNotHandedIn);
  tell(s.pesten, 'bgr', leftOutInClass);
  tell(s.somber, 'epr', lowInMood);
  if (s.daan) tell(s.daan, 'bgr', settlingAfterMove);
}

export const iotPlan = (s: IotStudents): SeriesPlan => ({
  byHand: [[s.sem, s.faal, s.huiswerk], [s.pesten], [s.somber]],
  announcements: [
    'De BPO-ruimte is verhuisd naar lokaal 0.14.',
    'Scholing Meldcode voor mentoren: aanmelden bij awo.',
    'Het rooster van de leerlingbesprekingen staat in de teammap.',
  ],
  rondvraag: ['Geen punten.', 'mjo: de toetsweek komt eraan; let op leerlingen met toetsfaciliteiten.', 'Geen punten.'],
  lateItem: 'Plaatsen in de huiswerkklas',
});

/** Late on Mondays and tired: the IOT refers the question to the ZAT. */
const lateOnMondays = (n: string): CaseStory[] => [
  {
    question:
      `${n} komt de laatste weken vaak te laat, vooral op maandag, en meldt zich ` +
      'geregeld ziek. Vraag van de mentor: wat speelt er, en wie pakt het op?',
    info: [
      [
        'bgr',
        `Drie mentorgesprekken gevoerd. ${n} vertelt slecht te slapen en 's ` +
          'ochtends hoofdpijn te hebben. Negen keer te laat in vijf weken.',
      ],
      ['rvo', 'Slaapproblemen en hoofdpijn kunnen een medische oorzaak hebben; daarvoor is de jeugdarts de aangewezen persoon.'],
    ],
    discussion:
      'Het team ziet een patroon van te laat komen en verzuim op maandag. Er zijn geen signalen van problemen ' +
      'thuis; de klachten vragen om een medische blik. Die vraag kan het IOT niet zelf beantwoorden.',
    decision: 'doorverwijzen-overleg',
    decisionText:
      'Doorverwijzen naar het ZAT, met de vraag of een gesprek met de jeugdarts nodig is. ' +
      `Tot die tijd heeft de mentor elke week een kort gesprek met ${n}.`,
    inform: 'bgr belt ouders en informeert de mentor.',
    reaction: 'Ouders herkennen de slaapproblemen en staan open voor een gesprek met de jeugdarts.',
    actions: [
      {
        what:
          `Toestemming vragen aan ouders en ${n} voor bespreking in het ZAT ` +
          '(jeugdarts, leerplicht, Sociaal Team, samenwerkingsverband)',
        holder: 'awo',
        fate: 'teruggekoppeld',
        days: 14,
      },
      {
        what: 'Aanmeldformulier ZAT invullen, met het verzuimoverzicht als bijlage',
        holder: 'bgr',
        fate: 'gedaan',
        days: 21,
        audience: 'intern',
      },
    ],
  },
];

/** Blocks at tests: observed first, then extra support. */
const testAnxiety = (n: string): CaseStory[] => [
  {
    question:
      `${n} haalt op toetsen veel lagere cijfers dan het werk in de les doet verwachten, en zegt bij ` +
      'toetsen "dicht te klappen". Vraag: is er sprake van faalangst, en wat helpt?',
    info: [
      [
        'vidu',
        'Toetscijfers wiskunde 4,2 en Frans 4,8; mondeling en in de les ruim voldoende. De mentor ziet veel spanning rond de toetsweken.',
      ],
    ],
    discussion:
      'Het beeld past bij faalangst, maar het team wil eerst een observatie door de ' +
      'schoolpsycholoog voordat een traject wordt gekozen. Ouders vragen zelf ook om hulp.',
    decision: 'terugkomen',
    decisionText: `Eerst een observatie en een gesprek met de schoolpsycholoog. ${n} komt terug in het volgende IOT, met de uitkomst.`,
    inform: 'vidu informeert ouders en de mentor.',
    actions: [
      {
        what: `Observatie in twee lessen en een gesprek met ${n} over toetsspanning`,
        holder: 'rvo',
        fate: 'gedaan',
        days: 21,
        audience: 'intern',
      },
      {
        what: 'Twee weken een spanningsdagboek bijhouden: wanneer komt de spanning op?',
        holder: 'leerling',
        fate: 'gedaan',
        days: 14,
      },
    ],
  },
  {
    question: 'Terugkoppeling van de observatie door de schoolpsycholoog.',
    info: [['rvo', `De observatie bevestigt toetsangst: ${n} blokkeert bij tijdsdruk. Het spanningsdagboek laat dezelfde momenten zien.`]],
    discussion:
      'Faalangst staat de resultaten in de weg. Een faalangstreductietraining bij de BPO en extra ' +
      'toetstijd passen bij extra ondersteuning, met doelen en een evaluatie na acht weken.',
    decision: 'extra-ondersteuning',
    decisionText:
      'Extra ondersteuning: faalangstreductietraining (zes bijeenkomsten) bij de BPO en 20% extra toetstijd. Evaluatie na acht weken.',
    inform: 'vidu belt ouders; de mentor zet de toetsfaciliteit in Magister.',
    reaction: `${n} wil de training graag volgen; ouders stemmen in.`,
    actions: [
      {
        what: `Faalangstreductietraining met ${n} (zes bijeenkomsten), daarna evaluatie met de mentor`,
        holder: 'kme',
        fate: 'open',
        days: 56,
      },
      {
        what: 'Extra toetstijd regelen met de examencommissie en de docenten',
        holder: 'vidu',
        fate: 'teruggekoppeld',
        days: 10,
        audience: 'intern',
      },
    ],
  },
];

/** Homework not handed in: basic support, and an addendum when the homework class is full. */
const homeworkNotHandedIn = (n: string): CaseStory[] => [
  {
    question: `${n} levert huiswerk structureel niet in en vergeet vaak spullen. Vraag: welke basisondersteuning past?`,
    info: [
      ['bgr', 'Magister: elf keer huiswerk niet gemaakt in vier weken. De agenda wordt niet gebruikt.'],
      ['kme', `Plannen en organiseren zijn lastig voor ${n}; aan inzet ontbreekt het niet.`],
    ],
    discussion:
      'Planning en organisatie zijn het probleem, niet de motivatie. De huiswerkklas en ' +
      'een vaste weekplanner met de mentor passen bij basisondersteuning.',
    decision: 'basisondersteuning',
    decisionText:
      'Basisondersteuning: huiswerkklas op dinsdag en donderdag, en een ' + `weekplanner die de mentor elke maandag met ${n} doorloopt.`,
    inform: 'bgr informeert ouders; de mentor krijgt het verslag.',
    reaction: 'Ouders zijn blij met de aanpak en kijken thuis mee in de planner.',
    actions: [
      {
        what: `${n} aanmelden voor de huiswerkklas`,
        holder: 'kme',
        fate: 'vervallen',
        days: 7,
        note: 'De huiswerkklas zit dit blok vol; de mentor begeleidt de planning tot er plek is.',
      },
      { what: `Elke maandag de weekplanner met ${n} doorlopen`, holder: 'mentor', fate: 'teruggekoppeld', days: 28 },
      {
        what: `Twee keer per week samen met ${n} de planner in Magister bekijken`,
        holder: 'ouders',
        fate: 'gedaan',
        days: 21,
      },
    ],
    addendum: (numbers) =>
      `Aanvulling: de huiswerkklas bleek vol. Actie ${numbers[0]} is vervallen; de mentor begeleidt de planning tot er plek is.`,
  },
];

/** Left out in class: the group talk is overdue and comes back. */
const leftOutInClass = (n: string): CaseStory[] => [
  {
    question: `${n} wordt in de klas buitengesloten en voelt zich in de pauzes niet veilig. Vraag: wat kan school doen?`,
    info: [
      ['bgr', 'Twee incidenten gemeld door klasgenoten; met de betrokken leerlingen zijn gesprekken gevoerd.'],
      ['mjo', 'Het toezicht bij de kluisjes in de pauze is uitgebreid.'],
    ],
    discussion:
      `Het team wil snel handelen: een weerbaarheidstraining voor ${n}, een ` +
      'groepsgesprek in de klas door de mentor en gesprekken bij de counselor.',
    decision: 'basisondersteuning',
    decisionText: 'Basisondersteuning: weerbaarheidstraining, een groepsgesprek in de klas en gesprekken bij de counselor.',
    inform: 'bgr informeert ouders en de mentor.',
    actions: [
      {
        what: 'Groepsgesprek in de klas over hoe de leerlingen met elkaar omgaan',
        holder: 'mentor',
        fate: 'overdue',
        days: 14,
      },
      { what: `Kennismakingsgesprek met ${n} plannen`, holder: 'sba', fate: 'gedaan', days: 7 },
      { what: 'Aanmelden voor de weerbaarheidstraining', holder: 'leerling', fate: 'gedaan', days: 10 },
    ],
  },
  {
    question: 'Terugkoppeling: de open actie rond het groepsgesprek.',
    info: [
      [
        'bgr',
        `Het groepsgesprek is nog niet gevoerd; de mentor was twee weken afwezig. ${n} ` +
          'volgt de weerbaarheidstraining en voelt zich iets veiliger.',
      ],
    ],
    discussion: 'De training helpt, maar het groepsgesprek blijft nodig. De actie blijft open; de unitleider ondersteunt de mentor.',
    decision: 'terugkomen',
    decisionText: `Het groepsgesprek gaat alsnog door, samen met de unitleider. ${n} komt terug in het volgende IOT.`,
    inform: 'bgr belt ouders.',
    actions: [
      {
        what: 'Groepsgesprek in de klas samen met de mentor voorbereiden en leiden',
        holder: 'mjo',
        fate: 'open',
        days: 14,
      },
    ],
  },
];

/** Low in mood: help outside school, confidential. */
const lowInMood = (n: string): CaseStory[] => [
  {
    question: `${n} is de laatste weken somber, zegt weinig en eet volgens de mentor slecht. Vraag: is hulp buiten school nodig?`,
    info: [
      ['epr', `De cijfers zijn gezakt; ${n} zit in de pauze vaak alleen. Ouders maken zich ook zorgen.`],
      ['rvo', `In een eerste gesprek vertelde ${n} al een tijd slecht te slapen en nergens zin in te hebben.`],
    ],
    discussion:
      'De signalen zijn zorgelijk en vragen om hulp buiten school. Het team adviseert ouders om via de ' +
      'huisarts hulp te zoeken; de schoolpsycholoog blijft tot die tijd het aanspreekpunt op school.',
    decision: 'extern',
    decisionText:
      'Extern: ouders vragen via de huisarts een verwijzing naar Jeugdhulp Midden. Op ' +
      `school heeft ${n} elke twee weken een gesprek met de schoolpsycholoog.`,
    inform: 'epr belt ouders dezelfde dag; de mentor wordt ingelicht.',
    confidential: true,
    actions: [
      {
        what: 'Afspraak maken bij de huisarts voor een verwijzing naar Jeugdhulp Midden',
        holder: 'ouders',
        fate: 'open',
        days: 14,
      },
      {
        what: `Na de verwijzing een intakegesprek plannen met ${n} en ouders`,
        holder: 'partner:jeugdhulp',
        fate: 'open',
        days: 35,
      },
      {
        what: `Elke twee weken een gesprek met ${n}; zorgelijke signalen direct melden aan awo`,
        holder: 'rvo',
        fate: 'open',
        days: 28,
        audience: 'intern',
      },
    ],
  },
];

/** After the move (Daan's intake): basic support, reported back at the next IOT. */
const settlingAfterMove = (n: string): CaseStory[] => [
  {
    info: [
      ['bgr', `De vaste plek in de klas helpt een beetje; ${n} maakt opdrachten nog vaak niet af.`],
      ['rvo', 'Geen aanwijzingen voor een leer- of concentratieprobleem; de verhuizing en het gemis van oude vrienden spelen mee.'],
    ],
    discussion:
      `Na de verhuizing mist ${n} houvast. Het team kiest voor ` +
      'basisondersteuning: een planner met de mentor en een maatje in de klas.',
    decision: 'basisondersteuning',
    decisionText:
      'Basisondersteuning: vaste plek, planner met de mentor en een maatje in de klas. Na zes weken kijkt de mentor hoe het gaat.',
    inform: 'bgr belt ouders; de mentor krijgt het verslag.',
    actions: [
      {
        what: `Elke week de planner met ${n} doorlopen en na zes weken terugkoppelen aan bgr`,
        holder: 'mentor',
        fate: 'open',
        days: 42,
      },
      { what: `In het volgende IOT terugkoppelen hoe het met ${n} gaat`, holder: 'bgr', fate: 'volgende-overleg' },
      { what: `Thuis een vaste huiswerktijd afspreken met ${n}`, holder: 'ouders', fate: 'gedaan', days: 10 },
    ],
  },
  {
    question: 'Terugkoppeling van de mentor.',
    info: [['bgr', `De planner werkt: ${n} maakt meer werk af en heeft aansluiting gevonden bij een groepje klasgenoten.`]],
    discussion: 'Het gaat de goede kant op. De basisondersteuning loopt door; nieuwe acties zijn niet nodig.',
    decision: 'basisondersteuning',
    decisionText: 'De basisondersteuning loopt door. De mentor meldt opnieuw aan als het terugvalt.',
    inform: 'bgr informeert ouders.',
    actions: [],
    reportsBack: true,
  },
];
