import type { CaseStory, SeriesPlan, Tell } from './demo-minutes-story';

/**
 * The ZAT's storylines: cases that need partners at the table (leerplicht, the jeugdarts, the
 * Sociaal Team, the samenwerkingsverband). Each story is told with the student's given name (`n`).
 */

/** The ZAT's students, by their story; Zoë has an intake (demo-intakes.ts) when the demo made one. */
export interface ZatStudents {
  verzuim: string;
  thuis: string;
  opp: string;
  zoe: string | null;
}

export function tellZatStories(tell: Tell, s: ZatStudents): void {
  tell(s.verzuim, 'vidu', unauthorisedAbsence);
  tell(s.thuis, 'bgr', tensionAtHome);
  tell(s.opp, 'kme', supportPlanFallsShort);
  if (s.zoe) tell(s.zoe, 'aab', backAfterIllness);
}

export const zatPlan = (s: ZatStudents): SeriesPlan => ({
  byHand: [[s.verzuim, s.thuis], [s.opp], [s.verzuim]],
  announcements: [
    'Het samenwerkingsverband werkt met een nieuw groeidocument; het oude formulier wordt niet meer geaccepteerd.',
    'Jolanda Brink is de schoolagent; zij sluit aan wanneer een casus daarom vraagt.',
    'De jeugdarts houdt voortaan elke twee weken spreekuur op school.',
  ],
  rondvraag: ['Leerplicht: de verzuimcijfers per school komen na de volgende vakantie.', 'Geen punten.', 'Geen punten.'],
  lateItem: 'Afspraken met de schoolagent',
});

/** Unauthorised absence: leerplicht and the jeugdarts each take a side. */
const unauthorisedAbsence = (n: string): CaseStory[] => [
  {
    question:
      `${n} is de afgelopen maanden 52 lesuren ongeoorloofd afwezig geweest, vooral de eerste uren. Vraag: wat ` +
      `is nodig om ${n} weer naar school te krijgen, en moet leerplicht worden ingeschakeld?`,
    info: [
      ['vidu', 'Verzuimgesprekken volgens het protocol gevoerd en twee brieven aan ouders gestuurd. Het verzuim loopt toch op.'],
      ['partner:leerplicht', `Bij dit verzuim is een melding verplicht. De eerste stap is een gesprek met ${n} en ouders op school.`],
      [
        'partner:ggd',
        `Geen bekende medische oorzaak, wel buikpijn in de ochtend. Een afspraak op het spreekuur van de jeugdarts ligt voor de hand.`,
      ],
    ],
    discussion:
      'Het verzuim is te hoog om op school alleen op te lossen. Leerplicht en de jeugdarts ' +
      'pakken elk een kant op: de afspraken over aanwezigheid en de buikpijnklachten.',
    decision: 'extern',
    decisionText:
      'Extern: verzuimmelding bij leerplicht, een gesprek op school met de ' +
      `leerplichtambtenaar, ${n} en ouders, en een afspraak bij de jeugdarts.`,
    inform: 'vidu informeert ouders schriftelijk; de mentor krijgt het verslag.',
    reaction: 'Ouders begrijpen de melding en komen naar het gesprek.',
    actions: [
      {
        what: 'Verzuimmelding doen in het Verzuimloket van DUO',
        holder: 'awo',
        fate: 'gedaan',
        days: 7,
        audience: 'intern',
      },
      {
        what: `Gesprek op school met ${n} en ouders over aanwezigheid`,
        holder: 'partner:leerplicht',
        fate: 'teruggekoppeld',
        days: 21,
      },
      {
        what: 'Uitnodiging voor het spreekuur van de jeugdarts sturen',
        holder: 'partner:ggd',
        fate: 'gedaan',
        days: 14,
      },
    ],
  },
  {
    question: 'Stand van zaken van het verzuim na het gesprek met leerplicht.',
    info: [
      ['partner:leerplicht', 'Na het gesprek daalde het verzuim van zes naar twee uur per week. Het dossier blijft zes weken open.'],
      ['partner:ggd', `De jeugdarts heeft ${n} gezien; de buikpijn hangt samen met spanning. Er volgt een vervolgafspraak.`],
    ],
    discussion:
      'Het verzuim daalt. Leerplicht houdt een vinger aan de pols; school registreert nauwkeurig en meldt opnieuw als het oploopt.',
    decision: 'extern',
    decisionText:
      'Leerplicht houdt het dossier zes weken open. De mentor registreert dagelijks; ' +
      'bij meer dan vier uur verzuim per week volgt een nieuwe melding.',
    inform: 'vidu informeert ouders.',
    actions: [
      {
        what: 'Verzuimoverzicht van de afgelopen weken naar leerplicht sturen',
        holder: 'awo',
        fate: 'overdue',
        days: 10,
        audience: 'intern',
      },
      {
        what: 'Dossier evalueren en afsluiten als het verzuim laag blijft',
        holder: 'partner:leerplicht',
        fate: 'open',
        days: 42,
      },
    ],
  },
];

/** Tension at home: the Sociaal Team helps the family, confidential. */
const tensionAtHome = (n: string): CaseStory[] => [
  {
    question: `${n} is vaak moe en boos in de klas en vertelt de mentor over ruzies thuis. Vraag: welke hulp buiten school past?`,
    info: [
      ['bgr', 'Drie botsingen met docenten in vier weken. In gesprekken met de mentor komt de thuissituatie steeds terug.'],
      ['partner:sociaal', 'Het gezin is bekend bij het Sociaal Team; een eerdere hulpvraag is vorig jaar afgesloten.'],
    ],
    discussion:
      'De problemen in de klas lijken voort te komen uit de spanningen thuis. School biedt steun ' +
      'via de counselor; voor het gezin is het Sociaal Team de aangewezen partner.',
    decision: 'terugkomen',
    decisionText:
      `Het Sociaal Team neemt contact op met ouders. Op school heeft ${n} elke week een ` +
      `gesprek bij de counselor. ${n} komt terug in het volgende ZAT.`,
    inform: 'awo belt ouders; de mentor krijgt een korte terugkoppeling zonder details over thuis.',
    reaction: 'Moeder is opgelucht dat er hulp komt; vader wil eerst het gesprek met het Sociaal Team afwachten.',
    confidential: true,
    actions: [
      { what: 'Huisbezoek en kennismaking met ouders', holder: 'partner:sociaal', fate: 'gedaan', days: 14 },
      { what: `Elke week een gesprek met ${n}`, holder: 'sba', fate: 'teruggekoppeld', days: 28 },
    ],
  },
  {
    question: 'Terugkoppeling van het Sociaal Team.',
    info: [
      ['partner:sociaal', `Huisbezoek geweest. Ouders krijgen opvoedondersteuning; ${n} kan terecht bij een jongerenwerker.`],
      ['awo', `De counselor ziet ${n} elke week; in de klas gaat het iets beter.`],
    ],
    discussion: `De hulp thuis is gestart. Ouders twijfelen nog over een bezoek aan de huisarts voor de slaapproblemen van ${n}.`,
    decision: 'extern',
    decisionText: 'Extern: de hulp van het Sociaal Team loopt. Ouders maken een afspraak bij de huisarts over het slapen.',
    inform: 'awo informeert ouders en de mentor.',
    confidential: true,
    actions: [
      {
        what: `Afspraak maken bij de huisarts over de slaapproblemen van ${n}`,
        holder: 'ouders',
        fate: 'overdue',
        days: 14,
      },
      { what: 'Opvoedondersteuning evalueren met ouders', holder: 'partner:sociaal', fate: 'open', days: 56 },
    ],
  },
  {
    question: 'Terugkoppeling: de open actie van ouders.',
    info: [['partner:sociaal', 'De huisartsafspraak is nog niet gemaakt; moeder zegt er niet aan toe te komen. Thuis is het rustiger.']],
    discussion: 'Het Sociaal Team helpt moeder de afspraak te maken. De actie van ouders blijft open tot de afspraak er is.',
    decision: 'terugkomen',
    decisionText: `Het Sociaal Team maakt samen met moeder de huisartsafspraak. ${n} komt terug in het volgende ZAT.`,
    inform: 'awo belt moeder.',
    confidential: true,
    actions: [
      {
        what: 'Samen met moeder de huisartsafspraak maken en terugkoppelen in het ZAT',
        holder: 'partner:sociaal',
        fate: 'volgende-overleg',
      },
    ],
  },
];

/** An OPP whose goals are not met: the samenwerkingsverband looks at another route. */
const supportPlanFallsShort = (n: string): CaseStory[] => [
  {
    question:
      `${n} heeft een OPP, maar haalt de doelen ondanks de extra ondersteuning niet. Vraag ` +
      'aan het samenwerkingsverband: past een arrangement, of een andere route?',
    info: [
      [
        'kme',
        'Evaluatie van het OPP: twee van de vijf doelen gehaald. De ' +
          `prikkelgevoeligheid neemt toe; ${n} zit steeds vaker in de time-outruimte.`,
      ],
      [
        'partner:swv',
        'Eerst een observatie op school en een gesprek met ouders. Daarna kijken we samen naar ' +
          'een arrangement of een toelaatbaarheidsverklaring (TLV) voor het vso.',
      ],
    ],
    discussion:
      'Het team twijfelt of het reguliere onderwijs genoeg kan bieden. De orthopedagoog van ' +
      'het samenwerkingsverband kijkt mee voordat een route wordt gekozen.',
    decision: 'andere-route',
    decisionText:
      'Andere route verkennen: observatie door de orthopedagoog, daarna het ' +
      'groeidocument voor een mogelijke TLV. Het OPP loopt tot die tijd door.',
    inform: 'kme bespreekt het besluit met ouders; de mentor krijgt het verslag.',
    reaction: 'Ouders denken graag mee, maar maken zich zorgen over een overstap naar een andere school.',
    actions: [
      { what: 'Observatie op school en gesprek met ouders', holder: 'partner:swv', fate: 'open', days: 35 },
      {
        what: 'Groeidocument bijwerken met de OPP-evaluatie, voor het samenwerkingsverband',
        holder: 'awo',
        fate: 'open',
        days: 28,
        audience: 'intern',
      },
      {
        what: 'Verslag van de kinderpsychiater aanleveren (ouders bepalen wat er gedeeld wordt)',
        holder: 'ouders',
        fate: 'gedaan',
        days: 14,
      },
    ],
  },
];

/** Back after illness (Zoë's intake): the case is closed. */
const backAfterIllness = (n: string): CaseStory[] => [
  {
    info: [
      ['partner:ggd', 'Het herstel verloopt goed; de jeugdarts ziet geen belemmering meer voor een volledig rooster.'],
      ['aab', `${n} volgt sinds twee weken weer alle lessen. Het inhaalplan voor de toetsen loopt.`],
    ],
    discussion: 'De opbouw is geslaagd. Er is geen reden meer voor zorg vanuit het ZAT; de mentor houdt een vinger aan de pols.',
    decision: 'afsluiten',
    decisionText: `Afsluiten: ${n} gaat weer volledig naar school. Bij terugval meldt de mentor opnieuw aan.`,
    inform: `awo stuurt ouders en ${n} een brief; de mentor krijgt het verslag.`,
    reaction: 'Ouders zijn tevreden over de opbouw en over hoe school heeft meegedacht.',
    actions: [
      { what: 'Gemiste toetsen inhalen volgens het inhaalplan', holder: 'leerling', fate: 'open', days: 21 },
      {
        what: `Brief aan ouders en ${n} over het afsluiten van de bespreking`,
        holder: 'awo',
        fate: 'open',
        days: 7,
      },
    ],
  },
];
