import { addDays, format, getISODay, parseISO } from 'date-fns';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, guardians, meetings, meetingSeries, partners, staff, students } from '../../../db/schema';
import {
  agendaItemsOf,
  attendeesOf,
  insertAgendaItems,
  meetingRecord,
  nextSeriesMeetingDates,
  seriesNeighbour,
  setMeetingProgress,
  setPresence,
  updateAgendaItem,
  type NewAgendaItem,
} from '../agenda/store';
import { composeAgenda, itemNumbers, type TemplateItem } from '../agenda/template';
import type { CaseOrigin } from '../agenda/vocabulary';
import { consentRows, insertConsent } from '../consent/store';
import { intakeRows, type IntakeRow } from '../intake/store';
import { actionNumber, questionFromIntake } from '../minutes/rules';
import {
  actionList,
  carriedActions,
  comeBackCases,
  fixMinutes,
  insertAction,
  insertAddendum,
  saveMinuteField,
  updateAction,
} from '../minutes/store';
import type { ActionHolderKind, ActionStatus, Audience, DecisionType } from '../minutes/vocabulary';
import { fullName } from '../people/names';
import { applyYear } from '../schedule/apply-year-plan';
import { calendarFor, planningWindow, schoolRegion } from '../schedule/store';
import { schoolYearOf } from '../schedule/vocabulary';
import type { IsoDate } from '../schedule/types';
import { now } from '../../shared/clock';

/**
 * The demo school's meeting history for the IOT and the ZAT: the last three meetings of each
 * with agendas, presence, minutes per case, decisions and actions. One series has a meeting
 * running (today's, or its most recent one), whose previous minutes wait to be fixed; the other's
 * most recent minutes wait to be fixed at its next meeting. Older meetings are closed with a note.
 *
 * The story follows students (some with an intake from demo-intakes.ts) across meetings, and the
 * agendas are put together the way agenda.create does: intakes, "terugkomen", students with
 * actions due, then cases added by hand. Everything is dated from `today`, and the due dates
 * are chosen against it, so overdue, open and done actions exist whatever day the demo is made.
 */

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const shift = (date: IsoDate, days: number) => iso(addDays(parseISO(date), days));
const dutch = (date: IsoDate) => format(parseISO(date), 'dd-MM-yyyy');
const earliest = (...dates: IsoDate[]) => dates.reduce((a, b) => (a < b ? a : b));
const latest = (...dates: IsoDate[]) => dates.reduce((a, b) => (a > b ? a : b));

type PartnerKey = 'swv' | 'sociaal' | 'jeugdhulp' | 'ggd' | 'leerplicht';
/** A staff code ("awo"), or an external partner ("partner:ggd"). */
type Person = string;
/** Who holds an action: a person, the student's mentor, the parents or the student. */
type Holder = Person | 'mentor' | 'ouders' | 'leerling';

/**
 * What happened to an action, independent of the day: the due date follows from the meeting and
 * `today`. 'overdue' stays open with a date already passed; 'open' is due in the future.
 */
type ActionFate = 'gedaan' | 'teruggekoppeld' | 'vervallen' | 'open' | 'overdue' | 'volgende-overleg';

interface ActionPlan {
  what: string;
  holder: Holder;
  fate: ActionFate;
  /** Days after the meeting it was due (before `today` moves it). */
  days?: number;
  note?: string;
  audience?: Audience;
}

/** One discussion of a student: the paragraphs of the minutes, the decision and the actions. */
interface CaseStory {
  /** Empty: the question comes from the intake, as the minutes screen prefills it. */
  question?: string;
  info: [Person, string][];
  discussion: string;
  decision: DecisionType;
  decisionText: string;
  inform: string;
  reaction?: string;
  actions: ActionPlan[];
  confidential?: boolean;
  /** The student's actions "tot het volgende overleg" are reported back here. */
  reportsBack?: boolean;
  /** A correction added after the minutes were fixed, given the numbers of this case's actions. */
  addendum?: (numbers: string[]) => string;
}

/** A student's discussions in one series, in order: the first time, then each return. */
interface Storyline {
  presenter: string;
  stories: CaseStory[];
}

type Role = 'vastgesteld' | 'ter-vaststelling' | 'bezig';

interface SeriesPlan {
  /** Students brought in by hand, per slot (oldest of the three first). */
  byHand: string[][];
  announcements: string[];
  rondvraag: string[];
  /** An item added to the running meeting after its agenda went out. */
  lateItem: string;
}

/** How a student's case comes back when the story has nothing more to say. */
const followUp = (name: string, decision: DecisionType): CaseStory => ({
  question: 'Terugkoppeling van de open acties.',
  info: [],
  discussion: `De open acties rond ${name} zijn doorgenomen; ze lopen volgens afspraak.`,
  decision,
  decisionText: 'Geen nieuwe afspraken: de lopende acties blijven staan.',
  inform: 'De mentor informeert ouders.',
  actions: [],
});

export function seedDemoMinutes(db: VaultDb, today: IsoDate): void {
  const at = now();
  const staffId = (code: string) => {
    const row = db.select({ id: staff.id }).from(staff).where(eq(staff.code, code)).get();
    if (!row) throw new Error(`Demo: geen medewerker met code ${code}`);
    return row.id;
  };
  const userOfStaff = (id: string | null) =>
    id ? (db.select({ id: appUsers.id }).from(appUsers).where(eq(appUsers.staffId, id)).get()?.id ?? null) : null;
  const awo = db.select().from(appUsers).where(eq(appUsers.staffCode, 'awo')).get()!;
  const partnerRows = db.select().from(partners).all();
  const partnerOf: Record<PartnerKey, string | undefined> = {
    swv: partnerRows.find((p) => p.kind === 'samenwerkingsverband')?.id,
    sociaal: partnerRows.find((p) => p.organisation.startsWith('Sociaal Team'))?.id,
    jeugdhulp: partnerRows.find((p) => p.kind === 'jeugdhulp' && !p.organisation.startsWith('Sociaal Team'))?.id,
    ggd: partnerRows.find((p) => p.kind === 'ggd')?.id,
    leerplicht: partnerRows.find((p) => p.kind === 'leerplicht')?.id,
  };
  const person = (who: Person): { kind: 'staff' | 'partner'; id: string } => {
    if (!who.startsWith('partner:')) return { kind: 'staff', id: staffId(who) };
    const id = partnerOf[who.slice('partner:'.length) as PartnerKey];
    if (!id) throw new Error(`Demo: geen partner ${who}`);
    return { kind: 'partner', id };
  };
  const series = (name: string) => db.select().from(meetingSeries).where(eq(meetingSeries.name, name)).get()!;
  const iot = series('IOT');
  const zat = series('ZAT');

  // The cases demo-intakes.ts made: discussed at the last IOT, closed at the last ZAT, and the
  // student referred from the IOT to the next ZAT.
  const allIntakes = intakeRows(db, { status: null, meetingId: null, studentId: null, createdBy: null });
  const withIntake = new Set(allIntakes.flatMap((i) => (i.studentId ? [i.studentId] : [])));
  const daanIntake = allIntakes.find((i) => i.status === 'besproken' && i.seriesId === iot.id && i.studentId);
  const zoeIntake = allIntakes.find((i) => i.status === 'afgesloten' && i.seriesId === zat.id && i.studentId);
  const semIntake = allIntakes.find(
    (i) => i.status === 'geaccepteerd' && i.seriesId === zat.id && i.studentId && i.referrerId === staffId('bgr'),
  );

  /** A student without an intake yet, preferably with two parents holding authority (consent needs both). */
  const picked = new Set<string>();
  const pick = (className: string, from: number) => {
    const list = db.select().from(students).where(eq(students.className, className)).orderBy(asc(students.studentNumber)).all();
    const free = [...list.slice(from), ...list.slice(0, from)].filter((s) => !withIntake.has(s.id) && !picked.has(s.id));
    const gezag = (id: string) =>
      db
        .select()
        .from(guardians)
        .where(and(eq(guardians.studentId, id), eq(guardians.parentalAuthority, true)))
        .all().length;
    const chosen = free.find((s) => gezag(s.id) === 2) ?? free[0]!;
    picked.add(chosen.id);
    return chosen;
  };
  const studentRow = (id: string) => db.select().from(students).where(eq(students.id, id)).get()!;
  const sem = semIntake ? studentRow(semIntake.studentId!) : pick('2B', 0);
  const faal = pick('3V', 4);
  const huiswerk = pick('1C', 6);
  const pesten = pick('2C', 3);
  const somber = pick('3H', 10);
  const verzuim = pick('3K', 2);
  const thuis = pick('2D', 4);
  const opp = pick('1D', 8);

  const storylines = new Map<string, Storyline>();
  const tell = (studentId: string, presenter: string, stories: (name: string) => CaseStory[]) => {
    storylines.set(studentId, { presenter, stories: stories(studentRow(studentId).givenName) });
  };

  // ── IOT ──
  tell(sem.id, 'bgr', (n) => [
    {
      question: `${n} komt de laatste weken vaak te laat, vooral op maandag, en meldt zich geregeld ziek. Vraag van de mentor: wat speelt er, en wie pakt het op?`,
      info: [
        [
          'bgr',
          `Drie mentorgesprekken gevoerd. ${n} vertelt slecht te slapen en 's ochtends hoofdpijn te hebben. Negen keer te laat in vijf weken.`,
        ],
        ['rvo', 'Slaapproblemen en hoofdpijn kunnen een medische oorzaak hebben; daarvoor is de jeugdarts de aangewezen persoon.'],
      ],
      discussion:
        'Het team ziet een patroon van te laat komen en verzuim op maandag. Er zijn geen signalen van problemen thuis; de klachten vragen om een medische blik. Die vraag kan het IOT niet zelf beantwoorden.',
      decision: 'doorverwijzen-overleg',
      decisionText: `Doorverwijzen naar het ZAT, met de vraag of een gesprek met de jeugdarts nodig is. Tot die tijd heeft de mentor elke week een kort gesprek met ${n}.`,
      inform: 'bgr belt ouders en informeert de mentor.',
      reaction: 'Ouders herkennen de slaapproblemen en staan open voor een gesprek met de jeugdarts.',
      actions: [
        {
          what: `Toestemming vragen aan ouders en ${n} voor bespreking in het ZAT (jeugdarts, leerplicht, Sociaal Team, samenwerkingsverband)`,
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
  ]);
  tell(faal.id, 'vidu', (n) => [
    {
      question: `${n} haalt op toetsen veel lagere cijfers dan het werk in de les doet verwachten, en zegt bij toetsen "dicht te klappen". Vraag: is er sprake van faalangst, en wat helpt?`,
      info: [
        [
          'vidu',
          'Toetscijfers wiskunde 4,2 en Frans 4,8; mondeling en in de les ruim voldoende. De mentor ziet veel spanning rond de toetsweken.',
        ],
      ],
      discussion:
        'Het beeld past bij faalangst, maar het team wil eerst een observatie door de schoolpsycholoog voordat een traject wordt gekozen. Ouders vragen zelf ook om hulp.',
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
      info: [
        ['rvo', `De observatie bevestigt toetsangst: ${n} blokkeert bij tijdsdruk. Het spanningsdagboek laat dezelfde momenten zien.`],
      ],
      discussion:
        'Faalangst staat de resultaten in de weg. Een faalangstreductietraining bij de BPO en extra toetstijd passen bij extra ondersteuning, met doelen en een evaluatie na acht weken.',
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
  ]);
  tell(huiswerk.id, 'bgr', (n) => [
    {
      question: `${n} levert huiswerk structureel niet in en vergeet vaak spullen. Vraag: welke basisondersteuning past?`,
      info: [
        ['bgr', 'Magister: elf keer huiswerk niet gemaakt in vier weken. De agenda wordt niet gebruikt.'],
        ['kme', `Plannen en organiseren zijn lastig voor ${n}; aan inzet ontbreekt het niet.`],
      ],
      discussion:
        'Planning en organisatie zijn het probleem, niet de motivatie. De huiswerkklas en een vaste weekplanner met de mentor passen bij basisondersteuning.',
      decision: 'basisondersteuning',
      decisionText: `Basisondersteuning: huiswerkklas op dinsdag en donderdag, en een weekplanner die de mentor elke maandag met ${n} doorloopt.`,
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
  ]);
  tell(pesten.id, 'bgr', (n) => [
    {
      question: `${n} wordt in de klas buitengesloten en voelt zich in de pauzes niet veilig. Vraag: wat kan school doen?`,
      info: [
        ['bgr', 'Twee incidenten gemeld door klasgenoten; met de betrokken leerlingen zijn gesprekken gevoerd.'],
        ['mjo', 'Het toezicht bij de kluisjes in de pauze is uitgebreid.'],
      ],
      discussion: `Het team wil snel handelen: een weerbaarheidstraining voor ${n}, een groepsgesprek in de klas door de mentor en gesprekken bij de counselor.`,
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
          `Het groepsgesprek is nog niet gevoerd; de mentor was twee weken afwezig. ${n} volgt de weerbaarheidstraining en voelt zich iets veiliger.`,
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
  ]);
  tell(somber.id, 'epr', (n) => [
    {
      question: `${n} is de laatste weken somber, zegt weinig en eet volgens de mentor slecht. Vraag: is hulp buiten school nodig?`,
      info: [
        ['epr', `De cijfers zijn gezakt; ${n} zit in de pauze vaak alleen. Ouders maken zich ook zorgen.`],
        ['rvo', `In een eerste gesprek vertelde ${n} al een tijd slecht te slapen en nergens zin in te hebben.`],
      ],
      discussion:
        'De signalen zijn zorgelijk en vragen om hulp buiten school. Het team adviseert ouders om via de huisarts hulp te zoeken; de schoolpsycholoog blijft tot die tijd het aanspreekpunt op school.',
      decision: 'extern',
      decisionText: `Extern: ouders vragen via de huisarts een verwijzing naar Jeugdhulp Midden. Op school heeft ${n} elke twee weken een gesprek met de schoolpsycholoog.`,
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
  ]);
  if (daanIntake) {
    tell(daanIntake.studentId!, 'bgr', (n) => [
      {
        info: [
          ['bgr', `De vaste plek in de klas helpt een beetje; ${n} maakt opdrachten nog vaak niet af.`],
          ['rvo', 'Geen aanwijzingen voor een leer- of concentratieprobleem; de verhuizing en het gemis van oude vrienden spelen mee.'],
        ],
        discussion: `Na de verhuizing mist ${n} houvast. Het team kiest voor basisondersteuning: een planner met de mentor en een maatje in de klas.`,
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
    ]);
  }

  // ── ZAT ──
  tell(verzuim.id, 'vidu', (n) => [
    {
      question: `${n} is de afgelopen maanden 52 lesuren ongeoorloofd afwezig geweest, vooral de eerste uren. Vraag: wat is nodig om ${n} weer naar school te krijgen, en moet leerplicht worden ingeschakeld?`,
      info: [
        ['vidu', 'Verzuimgesprekken volgens het protocol gevoerd en twee brieven aan ouders gestuurd. Het verzuim loopt toch op.'],
        ['partner:leerplicht', `Bij dit verzuim is een melding verplicht. De eerste stap is een gesprek met ${n} en ouders op school.`],
        [
          'partner:ggd',
          `Geen bekende medische oorzaak, wel buikpijn in de ochtend. Een afspraak op het spreekuur van de jeugdarts ligt voor de hand.`,
        ],
      ],
      discussion:
        'Het verzuim is te hoog om op school alleen op te lossen. Leerplicht en de jeugdarts pakken elk een kant op: de afspraken over aanwezigheid en de buikpijnklachten.',
      decision: 'extern',
      decisionText: `Extern: verzuimmelding bij leerplicht, een gesprek op school met de leerplichtambtenaar, ${n} en ouders, en een afspraak bij de jeugdarts.`,
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
        'Leerplicht houdt het dossier zes weken open. De mentor registreert dagelijks; bij meer dan vier uur verzuim per week volgt een nieuwe melding.',
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
  ]);
  tell(thuis.id, 'bgr', (n) => [
    {
      question: `${n} is vaak moe en boos in de klas en vertelt de mentor over ruzies thuis. Vraag: welke hulp buiten school past?`,
      info: [
        ['bgr', 'Drie botsingen met docenten in vier weken. In gesprekken met de mentor komt de thuissituatie steeds terug.'],
        ['partner:sociaal', 'Het gezin is bekend bij het Sociaal Team; een eerdere hulpvraag is vorig jaar afgesloten.'],
      ],
      discussion:
        'De problemen in de klas lijken voort te komen uit de spanningen thuis. School biedt steun via de counselor; voor het gezin is het Sociaal Team de aangewezen partner.',
      decision: 'terugkomen',
      decisionText: `Het Sociaal Team neemt contact op met ouders. Op school heeft ${n} elke week een gesprek bij de counselor. ${n} komt terug in het volgende ZAT.`,
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
  ]);
  tell(opp.id, 'kme', (n) => [
    {
      question: `${n} heeft een OPP, maar haalt de doelen ondanks de extra ondersteuning niet. Vraag aan het samenwerkingsverband: past een arrangement, of een andere route?`,
      info: [
        [
          'kme',
          `Evaluatie van het OPP: twee van de vijf doelen gehaald. De prikkelgevoeligheid neemt toe; ${n} zit steeds vaker in de time-outruimte.`,
        ],
        [
          'partner:swv',
          'Eerst een observatie op school en een gesprek met ouders. Daarna kijken we samen naar een arrangement of een toelaatbaarheidsverklaring (TLV) voor het vso.',
        ],
      ],
      discussion:
        'Het team twijfelt of het reguliere onderwijs genoeg kan bieden. De orthopedagoog van het samenwerkingsverband kijkt mee voordat een route wordt gekozen.',
      decision: 'andere-route',
      decisionText:
        'Andere route verkennen: observatie door de orthopedagoog, daarna het groeidocument voor een mogelijke TLV. Het OPP loopt tot die tijd door.',
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
  ]);
  if (zoeIntake) {
    tell(zoeIntake.studentId!, 'aab', (n) => [
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
    ]);
  }

  const plans: Record<'IOT' | 'ZAT', SeriesPlan> = {
    IOT: {
      byHand: [[sem.id, faal.id, huiswerk.id], [pesten.id], [somber.id]],
      announcements: [
        'De BPO-ruimte is verhuisd naar lokaal 0.14.',
        'Scholing Meldcode voor mentoren: aanmelden bij awo.',
        'Het rooster van de leerlingbesprekingen staat in de teammap.',
      ],
      rondvraag: ['Geen punten.', 'mjo: de toetsweek komt eraan; let op leerlingen met toetsfaciliteiten.', 'Geen punten.'],
      lateItem: 'Plaatsen in de huiswerkklas',
    },
    ZAT: {
      byHand: [[verzuim.id, thuis.id], [opp.id], [verzuim.id]],
      announcements: [
        'Het samenwerkingsverband werkt met een nieuw groeidocument; het oude formulier wordt niet meer geaccepteerd.',
        'Jolanda Brink is de schoolagent; zij sluit aan wanneer een casus daarom vraagt.',
        'De jeugdarts houdt voortaan elke twee weken spreekuur op school.',
      ],
      rondvraag: ['Leerplicht: de verzuimcijfers per school komen na de volgende vakantie.', 'Geen punten.', 'Geen punten.'],
      lateItem: 'Afspraken met de schoolagent',
    },
  };

  // Three meetings up to today per series; early in the school year the previous year supplies them.
  const meetingsUpTo = (seriesId: string) =>
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.seriesId, seriesId), lte(meetings.date, today)))
      .orderBy(asc(meetings.date), asc(meetings.startTime))
      .all();
  for (const s of [iot, zat]) {
    if (meetingsUpTo(s.id).length >= 3 || s.weekday === null) continue;
    const previousYear = schoolYearOf(shift(`${schoolYearOf(today).slice(0, 4)}-08-01`, -1));
    const window = planningWindow(previousYear, schoolRegion(db));
    const calendar = calendarFor(db);
    let first = window.start;
    while (getISODay(parseISO(first)) !== s.weekday || calendar.closedReason(first) !== null) first = shift(first, 1);
    applyYear(db, { seriesId: s.id, schoolYear: previousYear, firstDate: first });
  }
  const slotsOf = { IOT: meetingsUpTo(iot.id).slice(-3), ZAT: meetingsUpTo(zat.id).slice(-3) };
  // The running meeting: today's, else the most recent one of either series.
  const lastIot = slotsOf.IOT.at(-1)!;
  const lastZat = slotsOf.ZAT.at(-1)!;
  const running: 'IOT' | 'ZAT' = lastIot.date === today || (lastZat.date !== today && lastIot.date > lastZat.date) ? 'IOT' : 'ZAT';

  // Consent for the students the ZAT discusses by name, given two weeks before their first time.
  const zatPartners = db
    .select()
    .from(partners)
    .all()
    .filter((p) => attendeesOf(db, lastZat.id).some((a) => a.person === `partner:${p.id}`))
    .map((p) => p.id);
  plans.ZAT.byHand.forEach((ids, slot) => {
    const meeting = slotsOf.ZAT[slot];
    for (const id of ids) {
      if (!meeting || consentRows(db, [id]).length > 0) continue;
      const s = studentRow(id);
      const signers = [
        ...db
          .select()
          .from(guardians)
          .where(and(eq(guardians.studentId, id), eq(guardians.parentalAuthority, true)))
          .all()
          .map((g) => ({ guardianId: g.id, name: fullName(g) })),
        { guardianId: null, name: fullName(s) },
      ];
      for (const signer of signers) {
        insertConsent(db, {
          studentId: id,
          signerKind: signer.guardianId ? 'guardian' : 'student',
          guardianId: signer.guardianId,
          signerName: signer.name,
          decision: 'given',
          purposes: ['bespreking', 'informatie-uitwisselen'],
          partnerIds: zatPartners,
          method: 'schriftelijk',
          informationGiven: 'Toestemmingsformulier ZAT met uitleg over de partners aan tafel en het doel van de bespreking.',
          givenOn: shift(meeting.date, -14),
          validUntil: null,
          untilCaseClosed: true,
          recordedBy: awo.id,
          recordedAt: at,
        });
      }
    }
  });
  // For the jeugdarts a student of 12–15 signs too: the closed ZAT case needs that signature.
  if (zoeIntake) {
    const records = consentRows(db, [zoeIntake.studentId!]);
    const parents = records.find((r) => r.signerKind === 'guardian' && r.decision === 'given');
    if (parents && !records.some((r) => r.signerKind === 'student')) {
      insertConsent(db, {
        studentId: parents.studentId,
        signerKind: 'student',
        guardianId: null,
        signerName: fullName(studentRow(parents.studentId)),
        decision: 'given',
        purposes: parents.purposes,
        partnerIds: parents.partnerIds,
        method: parents.method,
        informationGiven: parents.informationGiven,
        givenOn: parents.givenOn,
        validUntil: parents.validUntil,
        recordedBy: awo.id,
        recordedAt: at,
      });
    }
  }

  for (const name of ['IOT', 'ZAT'] as const) {
    const roles: Role[] =
      name === running ? ['vastgesteld', 'ter-vaststelling', 'bezig'] : ['vastgesteld', 'vastgesteld', 'ter-vaststelling'];
    const slots = slotsOf[name];
    const offset = roles.length - slots.length;
    seedSeries(
      slots.map((m, i) => ({ meeting: m, role: roles[i + offset]! })),
      plans[name],
      offset,
    );
  }

  function seedSeries(slots: { meeting: typeof meetings.$inferSelect; role: Role }[], plan: SeriesPlan, offset: number) {
    const seriesId = slots[0]!.meeting.seriesId!;
    // Written once the minutes they correct are fixed.
    const addenda: { meetingId: string; itemId: string; text: string }[] = [];
    const times = new Map<string, number>();
    const lastDecision = new Map<string, DecisionType>();

    // Meetings before the three: taken before the school used the app, closed with a note.
    const older = db
      .select()
      .from(meetings)
      .where(eq(meetings.seriesId, seriesId))
      .orderBy(asc(meetings.date))
      .all()
      .filter((m) => m.date < slots[0]!.meeting.date);
    older.forEach((m, i) => {
      insertAgendaItems(db, m.id, meetingRecord(db, m.id).template.map(fromTemplate));
      const opening = agendaItemsOf(db, m.id).find((item) => item.kind === 'opening');
      if (opening)
        note(
          opening.id,
          'Dit overleg is genotuleerd vóór de overstap naar Zorgoverleg; de notulen staan in het archief van het zorgteam.',
          awo.id,
        );
      setMeetingProgress(db, m.id, 'afgelopen', sentAt(m.date));
      fixMinutes(db, m.id, awo.id, (older[i + 1] ?? slots[0]!.meeting).id, []);
    });

    slots.forEach(({ meeting, role }, index) => {
      const slot = index + offset;
      const record = meetingRecord(db, meeting.id);
      const secretary = userOfStaff(record.secretaryId) ?? awo.id;
      const nextSlot = slots[index + 1]?.meeting.date ?? null;

      // The cases in the order agenda.create offers them, then those added by hand.
      const cases: {
        studentId: string | null;
        caseLabel: string | null;
        intakeId: string | null;
        origin: CaseOrigin;
        presenterId: string | null;
        intake: IntakeRow | null;
      }[] = [];
      const add = (c: (typeof cases)[number]) => {
        if (c.studentId && cases.some((o) => o.studentId === c.studentId)) return;
        cases.push(c);
      };
      const presenterOf = (studentId: string) => {
        const line = storylines.get(studentId);
        return line ? staffId(line.presenter) : null;
      };
      // Only intakes demo-intakes.ts marks as discussed: an accepted one dated on a past meeting is
      // its fallback when the year has no next meeting left, not a case of this meeting.
      for (const i of allIntakes.filter((i) => i.meetingId === meeting.id && (i.status === 'besproken' || i.status === 'afgesloten'))) {
        add({
          studentId: i.studentId,
          caseLabel: i.anonymousLabel,
          intakeId: i.id,
          origin: 'aanmelding',
          presenterId: i.referrerId,
          intake: i,
        });
      }
      if (index > 0)
        for (const id of comeBackCases(db, slots[index - 1]!.meeting.id))
          add({
            studentId: id,
            caseLabel: null,
            intakeId: null,
            origin: 'terugkomen',
            presenterId: presenterOf(id),
            intake: null,
          });
      for (const id of studentsWithActionsDue(meeting))
        add({
          studentId: id,
          caseLabel: null,
          intakeId: null,
          origin: 'actie',
          presenterId: presenterOf(id),
          intake: null,
        });
      for (const id of plan.byHand[slot] ?? [])
        add({
          studentId: id,
          caseLabel: null,
          intakeId: null,
          origin: 'handmatig',
          presenterId: presenterOf(id),
          intake: null,
        });

      // What each case gets: in a running meeting the first case is done, the second under way.
      const told = cases.map((c, i) => {
        const depth = role !== 'bezig' || i === 0 ? 'complete' : i === 1 ? 'partial' : 'none';
        if (!c.studentId) return { depth, story: null };
        const nth = times.get(c.studentId) ?? 0;
        times.set(c.studentId, nth + 1);
        const story =
          storylines.get(c.studentId)?.stories[nth] ??
          followUp(studentRow(c.studentId).givenName, lastDecision.get(c.studentId) ?? 'basisondersteuning');
        if (depth === 'complete') lastDecision.set(c.studentId, story.decision);
        return { depth, story };
      });

      const caseItems: NewAgendaItem[] = cases.map((c, i) => ({
        kind: 'casus',
        title: c.studentId ? fullName(studentRow(c.studentId)) : (c.caseLabel ?? 'Leerling'),
        studentId: c.studentId,
        caseLabel: c.caseLabel,
        intakeId: c.intakeId,
        origin: c.origin,
        presenterId: c.presenterId,
        durationMinutes: record.caseMinutes,
        confidential: told[i]!.story?.confidential ?? false,
      }));
      const agenda = composeAgenda<NewAgendaItem | TemplateItem>(record.template, caseItems).map((item) =>
        'minutes' in item ? fromTemplate(item) : item,
      );
      const caseItemIds = insertAgendaItems(db, meeting.id, agenda).filter((_, i) => agenda[i]!.kind === 'casus');
      if (role === 'bezig') {
        const rondvraag = agendaItemsOf(db, meeting.id).find((item) => item.kind === 'rondvraag');
        insertAgendaItems(
          db,
          meeting.id,
          [{ kind: 'overig', title: plan.lateItem, durationMinutes: 5, change: 'toegevoegd' }],
          rondvraag?.position,
        );
      }
      const items = agendaItemsOf(db, meeting.id);
      const numbers = itemNumbers(items);
      const numberOf = (itemId: string) => numbers[items.findIndex((item) => item.id === itemId)]!;

      // Presence: everyone who spoke was there; one other member sent word they could not come.
      const speakers = new Set<string>();
      told.forEach(({ depth, story }, i) => {
        if (depth === 'none' || !story) return;
        const presenter = cases[i]!.presenterId;
        if (presenter) speakers.add(`staff:${presenter}`);
        for (const [who] of story.info) speakers.add(`${person(who).kind}:${person(who).id}`);
      });
      const attendees = attendeesOf(db, meeting.id);
      const keepers = new Set([`staff:${record.chairId}`, `staff:${record.secretaryId}`]);
      const members = attendees.filter((a) => !keepers.has(a.person));
      const start = (slot * 3 + 1) % Math.max(members.length, 1);
      const absent = [...members.slice(start), ...members.slice(0, start)].find((a) => !speakers.has(a.person))?.person;
      for (const a of attendees) setPresence(db, meeting.id, a.person, a.person === absent ? 'afwezig-met-bericht' : 'aanwezig');

      // The standard items' notes; a running meeting is past its announcements only.
      const previous = seriesNeighbour(db, meeting, 'previous');
      const next = seriesNeighbour(db, meeting, 'next');
      for (const item of items) {
        const text =
          item.kind === 'mededelingen'
            ? plan.announcements[slot]
            : role === 'bezig'
              ? undefined
              : item.kind === 'notulen' && previous
                ? `De notulen van ${previous.title} ${dutch(previous.date)} zijn vastgesteld.`
                : item.kind === 'actiepunten'
                  ? carriedActions(db, meeting, []).length > 0
                    ? 'De open acties zijn doorgelopen; de stand staat bij elke actie.'
                    : 'Geen open acties.'
                  : item.kind === 'rondvraag'
                    ? plan.rondvraag[slot]
                    : item.kind === 'volgende-overleg' && next
                      ? `Volgende ${next.title}: ${dutch(next.date)} om ${next.startTime}.`
                      : undefined;
        if (text) note(item.id, text, secretary);
      }

      told.forEach(({ depth, story }, i) => {
        const c = cases[i]!;
        const itemId = caseItemIds[i]!;
        if (depth === 'none' || !story) return;
        const question = story.question ?? (c.intake ? questionFromIntake(c.intake.answers) : '');
        const field = (key: string, text: string | undefined, audience: Audience) => {
          if (text) saveMinuteField(db, { itemId, field: key, text, audience, baseRevision: 0, userId: secretary });
        };
        field('vraag', question, 'ouders');
        const info = depth === 'complete' ? story.info : story.info.slice(0, 1);
        for (const [who, text] of info) field(`info:${person(who).kind}:${person(who).id}`, text, 'intern');
        const student = c.studentId ? studentRow(c.studentId) : null;
        const holderOf = (
          holder: Holder,
        ): { holderKind: ActionHolderKind; holderStaffId: string | null; holderPartnerId: string | null } => {
          if (holder === 'ouders' || holder === 'leerling') return { holderKind: holder, holderStaffId: null, holderPartnerId: null };
          if (holder === 'mentor') return { holderKind: 'staff', holderStaffId: student?.mentorId ?? c.presenterId, holderPartnerId: null };
          const p = person(holder);
          return p.kind === 'staff'
            ? { holderKind: 'staff', holderStaffId: p.id, holderPartnerId: null }
            : { holderKind: 'partner', holderStaffId: null, holderPartnerId: p.id };
        };
        const base = (a: ActionPlan, sequence: number) => ({
          meetingId: meeting.id,
          itemId,
          studentId: c.studentId,
          number: actionNumber(numberOf(itemId), sequence),
          what: a.what,
          ...holderOf(a.holder),
          audience: a.audience ?? ('ouders' as const),
          createdBy: secretary,
        });
        if (depth === 'partial') {
          // The secretary is typing the first agreement: it has a holder, not yet a deadline.
          const first = story.actions[0];
          if (first) insertAction(db, { ...base(first, 1), dueDate: null, dueNextMeeting: false, status: 'concept' });
          return;
        }
        field('bespreking', story.discussion, 'intern');
        field('besluit', story.decisionText, 'ouders');
        field('informeren', story.inform, 'intern');
        field('reactie', story.reaction, 'ouders');
        // The IOT's referrals go to the ZAT (the story says so), where the student is taken in.
        updateAgendaItem(db, itemId, {
          decision: story.decision,
          decided: true,
          referralSeriesId: story.decision === 'doorverwijzen-overleg' ? zat.id : null,
        });
        const numbered: string[] = [];
        story.actions.forEach((a, k) => {
          const values = base(a, k + 1);
          numbered.push(values.number);
          const fate = fateOf(a, meeting.date, role, nextSlot);
          // A holder who uses the app closes their own action; otherwise the coordinator does.
          const closedBy = fate.closedAt ? ((values.holderStaffId ? userOfStaff(values.holderStaffId) : null) ?? awo.id) : null;
          insertAction(db, { ...values, ...fate, closedBy });
        });
        if (story.reportsBack && c.studentId) {
          for (const r of actionList(db, {
            statuses: ['open'],
            holderStaffId: null,
            seriesId,
            studentId: c.studentId,
          })) {
            if (r.action.dueNextMeeting && r.meetingDate < meeting.date) {
              updateAction(db, r.action.id, {
                status: 'teruggekoppeld',
                closedBy: secretary,
                closedAt: `${meeting.date}T15:00:00.000Z`,
              });
            }
          }
        }
        if (story.addendum && role === 'vastgesteld') addenda.push({ meetingId: meeting.id, itemId, text: story.addendum(numbered) });
      });
    });

    // Progress and fixing last, as the team does: each meeting's minutes are fixed at the next.
    slots.forEach(({ meeting, role }, index) => {
      setMeetingProgress(db, meeting.id, role === 'bezig' ? 'bezig' : 'afgelopen', sentAt(meeting.date));
      if (role === 'vastgesteld') fixMinutes(db, meeting.id, awo.id, slots[index + 1]?.meeting.id ?? null, []);
    });
    for (const a of addenda) insertAddendum(db, { ...a, audience: 'ouders', authorId: awo.id, authorName: awo.name });
  }

  function note(itemId: string, text: string, userId: string) {
    saveMinuteField(db, { itemId, field: 'notities', text, audience: 'intern', baseRevision: 0, userId });
  }

  /** Students whose open actions of this series fall due by this meeting: agenda.create offers them. */
  function studentsWithActionsDue(meeting: { id: string; seriesId: string | null; date: string }): string[] {
    const carried = carriedActions(db, meeting, []);
    const nextDates = nextSeriesMeetingDates(
      db,
      carried.filter((a) => a.dueNextMeeting).map((a) => ({ seriesId: meeting.seriesId!, after: a.meetingDate })),
    );
    const due = carried.filter((a) => {
      const dueOn = a.dueDate ?? (a.dueNextMeeting ? (nextDates.get(`${meeting.seriesId}|${a.meetingDate}`) ?? null) : null);
      return a.studentId && dueOn !== null && dueOn <= meeting.date;
    });
    return [...new Set(due.map((a) => a.studentId!))];
  }

  /**
   * The due date and status of an action from its fate. Done actions were closed before the next
   * meeting could ask for them; an overdue one fell due before today and by the next meeting (so
   * that meeting took the student's case up again); nothing is due before its own meeting.
   */
  function fateOf(
    a: ActionPlan,
    meetingDate: IsoDate,
    role: Role,
    nextSlot: IsoDate | null,
  ): {
    dueDate: IsoDate | null;
    dueNextMeeting: boolean;
    status: ActionStatus;
    statusNote: string | null;
    closedAt: string | null;
  } {
    const planned = shift(meetingDate, Math.max(a.days ?? 14, 3));
    // In a meeting still under way nothing is done yet, and nothing is late.
    const fate: ActionFate = role === 'bezig' && a.fate !== 'volgende-overleg' ? 'open' : a.fate;
    const open = { dueNextMeeting: false, status: 'open' as const, statusNote: null, closedAt: null };
    switch (fate) {
      case 'volgende-overleg':
        return { ...open, dueDate: null, dueNextMeeting: true };
      case 'open':
        return { ...open, dueDate: latest(planned, shift(today, 7 + ((a.days ?? 14) % 7))) };
      case 'overdue':
        return { ...open, dueDate: latest(meetingDate, earliest(planned, shift(today, -1), nextSlot ?? planned)) };
      case 'vervallen':
        return {
          dueDate: planned,
          dueNextMeeting: false,
          status: 'vervallen',
          statusNote: a.note ?? null,
          closedAt: `${earliest(shift(meetingDate, 5), today)}T10:00:00.000Z`,
        };
      default:
        return {
          dueDate: planned,
          dueNextMeeting: false,
          status: fate,
          statusNote: null,
          closedAt: `${earliest(shift(planned, -2), today)}T15:30:00.000Z`,
        };
    }
  }
}

const sentAt = (meetingDate: IsoDate) => `${shift(meetingDate, -3)}T15:00:00.000Z`;

function fromTemplate(t: TemplateItem): NewAgendaItem {
  return { kind: t.kind, title: t.title, durationMinutes: t.minutes };
}
