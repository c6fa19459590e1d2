import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { guardians, partners, staff, students } from '../../../db/schema';
import { defaultSalutation, studentSearchText } from '../people/names';
import { schoolYearOf } from '../schedule/vocabulary';
import type { IsoDate } from '../schedule/types';
import { now } from '../../shared/clock';

/**
 * A fictional school population: 16 classes in leerjaar 1–4, about 380 students, their parents
 * (living together, separated at two addresses, single, foster care), the staff roles of a
 * support team and the usual external partners. Deterministic, so screenshots and tests agree.
 */

/** A small seeded generator (mulberry32): the same demo school every time. */
function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

/** A capital letter, as in the end of a postcode. */
const randomLetter = (rnd: ReturnType<typeof seeded>) => String.fromCharCode(65 + Math.floor(rnd.next() * 26));

/** "2012-03-07" from its parts. */
const isoDay = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const girls = [
  'Emma',
  'Julia',
  'Sophie',
  'Tess',
  'Noor',
  'Sara',
  'Fenna',
  'Lotte',
  'Yara',
  'Zoë',
  'Mila',
  'Liv',
  'Fleur',
  'Nina',
  'Isa',
  'Elif',
  'Aya',
  'Sanne',
  'Roos',
  'Maud',
  'Hiba',
  'Femke',
  'Esmee',
  'Lina',
  'Amira',
  'Jasmijn',
  'Kiki',
  'Malika',
  'Anouk',
  'Zeynep',
];
const boys = [
  'Daan',
  'Sem',
  'Lucas',
  'Milan',
  'Levi',
  'Finn',
  'Thijs',
  'Jesse',
  'Bram',
  'Noah',
  'Ruben',
  'Mees',
  'Stijn',
  'Luuk',
  'Mohamed',
  'Adam',
  'Yusuf',
  'Kerem',
  'Tim',
  'Jayden',
  'Sven',
  'Owen',
  'Ilias',
  'Hamza',
  'Tygo',
  'Gijs',
  'Cas',
  'Jurre',
  'Emir',
  'Dex',
];
const adults = {
  moeder: ['Marieke', 'Linda', 'Sandra', 'Esther', 'Fatima', 'Ayşe', 'Monique', 'Petra', 'Nadia', 'Ingrid', 'Judith', 'Samira'],
  vader: ['Mark', 'Dennis', 'Erik', 'Ahmed', 'Mehmet', 'Jeroen', 'Rob', 'Vincent', 'Hasan', 'Martijn', 'Patrick', 'Said'],
};
const families: [string, string][] = [
  ['de', 'Vries'],
  ['', 'Jansen'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  ['', 'Visser'],
  ['', 'Smit'],
  ['', 'Meijer'],
  ['de', 'Boer'],
  ['', 'Mulder'],
  ['de', 'Groot'],
  ['', 'Bos'],
  ['', 'Vos'],
  ['', 'Peters'],
  ['', 'Hendriks'],
  ['van', 'Leeuwen'],
  ['', 'Dekker'],
  ['', 'Brouwer'],
  ['de', 'Wit'],
  ['', 'Dijkstra'],
  ['', 'Smits'],
  ['de', 'Graaf'],
  ['van der', 'Meer'],
  ['van den', 'Berg'],
  ['', 'Kaya'],
  ['', 'Yılmaz'],
  ['', 'El Amrani'],
  ['', 'Bouzid'],
  ['', 'Kowalski'],
  ['', 'Çelik'],
  ['', 'Bakker-de Jong'],
  ["van 't", 'Hooft'],
  ['', 'Nguyen'],
  ['', 'Öztürk'],
  ['van', 'Wijk'],
  ['', 'Koster'],
  ['', 'Prins'],
  ['', 'Huisman'],
  ['', 'Kok'],
  ['van', 'Beek'],
  ['', 'Willems'],
];
const streets = [
  'Lindelaan',
  'Kastanjestraat',
  'Eikenlaan',
  'Berkenweg',
  'Wilgenstraat',
  'Populierenlaan',
  'Esdoornstraat',
  'Iepenplein',
  'Beukenhof',
  'Acaciastraat',
  'Vlinderweg',
  'Merelstraat',
];
const places = [
  ['3512', 'Utrecht'],
  ['3523', 'Utrecht'],
  ['3431', 'Nieuwegein'],
  ['3401', 'IJsselstein'],
  ['3991', 'Houten'],
  ['3731', 'De Bilt'],
] as const;

const classes = [
  ['1A', 1, 'havo/vwo'],
  ['1B', 1, 'havo/vwo'],
  ['1C', 1, 'vmbo-tl/havo'],
  ['1D', 1, 'vmbo-kb'],
  ['2A', 2, 'havo/vwo'],
  ['2B', 2, 'havo/vwo'],
  ['2C', 2, 'vmbo-tl/havo'],
  ['2D', 2, 'vmbo-kb'],
  ['3H', 3, 'havo'],
  ['3V', 3, 'vwo'],
  ['3T', 3, 'vmbo-tl'],
  ['3K', 3, 'vmbo-kb'],
  ['4H', 4, 'havo'],
  ['4V', 4, 'vwo'],
  ['4T', 4, 'vmbo-tl'],
  ['4K', 4, 'vmbo-kb'],
] as const;

/** The support team; the first three are the demo's app users (created with the environment). */
export const demoStaff: { name: string; code: string; functions: string[]; email?: string }[] = [
  { name: 'Anouk Wolters', code: 'awo', functions: ['OCO'] },
  { name: 'Sietske Slot', code: 'sisl', functions: ['OCO', 'voorzitter'] },
  { name: 'Bram Groen', code: 'bgr', functions: ['LLCO'] },
  { name: 'Eva Prins', code: 'epr', functions: ['LLCO'] },
  { name: 'Vincent Duin', code: 'vidu', functions: ['LLCO'] },
  { name: 'Anna Abbink', code: 'aab', functions: ['LLCO'] },
  { name: 'Karin Meijer', code: 'kme', functions: ['BPO'] },
  { name: 'Ruben Vos', code: 'rvo', functions: ['schoolpsycholoog'] },
  { name: 'Marieke de Jong', code: 'mjo', functions: ['unitleider'] },
  { name: 'Sanne Bakker', code: 'sba', functions: ['counselor'] },
  { name: 'Peter Smit', code: 'psm', functions: ['RT'] },
  { name: 'Yasmina el Idrissi', code: 'yei', functions: ['decaan'] },
];
const mentorNames = [
  'Jan de Boer',
  'Lieke van Dam',
  'Tom Kramer',
  'Esra Demir',
  'Koen Verhoeven',
  'Mirjam Post',
  'Dirk Zwart',
  'Ilse Veenstra',
  'Hakan Şahin',
  'Nienke Bosman',
  'Joost Vermeulen',
  'Femke Hoekstra',
  'Wouter Blom',
  'Laura Timmer',
  'Rachid Amrani',
  'Inge Kuipers',
];

export const demoPartners = [
  {
    organisation: 'Samenwerkingsverband VO Lindestad (fictief)',
    kind: 'samenwerkingsverband',
    contactName: 'drs. M. Verbeek, orthopedagoog',
  },
  { organisation: 'Sociaal Team Lindestad (fictief)', kind: 'jeugdhulp', contactName: 'Karim Bouali' },
  { organisation: 'Jeugdhulp Midden (fictief)', kind: 'jeugdhulp', contactName: 'Wendy Schouten' },
  { organisation: 'GGD regio Lindestad (fictief)', kind: 'ggd', contactName: 'dr. P. Hermans, jeugdarts' },
  {
    organisation: 'Leerplicht Lindestad (fictief)',
    kind: 'leerplicht',
    contactName: 'Frank de Ruiter, leerplichtambtenaar',
  },
  { organisation: 'Politie Lindestad (fictief)', kind: 'politie', contactName: 'Jolanda Brink, schoolagent' },
] as const;

export function seedDemoPeople(db: VaultDb, existingUserCodes: string[], referenceDate: IsoDate): void {
  const at = now();
  // Ages fit the school year of the reference date: a first-year student turns 12 around its start.
  const schoolYearStart = Number(schoolYearOf(referenceDate).slice(0, 4));
  const rnd = seeded(20260901);
  const staffIds = new Map<string, string>();
  for (const row of db.select({ id: staff.id, code: staff.code }).from(staff).all()) staffIds.set(row.code, row.id);

  const staffRows = [
    ...demoStaff,
    ...mentorNames.map((name) => {
      const [first, ...rest] = name.split(' ');
      return {
        name,
        code: `${first![0]}${rest.at(-1)!.slice(0, 2)}`
          .normalize('NFKD')
          .replace(/[^A-Za-z]/g, '')
          .toLowerCase(),
        functions: ['mentor'],
      };
    }),
  ];
  for (const member of staffRows) {
    const email = `${member.code}@lindeboomcollege.example`;
    if (existingUserCodes.includes(member.code)) {
      db.update(staff).set({ functions: member.functions, email }).where(eq(staff.code, member.code)).run();
      continue;
    }
    const id = randomUUID();
    staffIds.set(member.code, id);
    db.insert(staff).values({ id, name: member.name, code: member.code, functions: member.functions, email, updatedAt: at }).run();
  }
  for (const p of demoPartners) {
    db.insert(partners)
      .values({
        id: randomUUID(),
        ...p,
        email: `info@${p.organisation.split(' ')[0]!.toLowerCase()}.example`,
        phone: '030 000 00 00',
        updatedAt: at,
      })
      .run();
  }

  let studentNumber = 231001;
  classes.forEach(([className, yearLevel, level], classIndex) => {
    const mentorId = staffIds.get(staffRows[demoStaff.length + classIndex]!.code) ?? null;
    const size = 22 + Math.floor(rnd.next() * 5);
    for (let i = 0; i < size; i++) {
      const girl = rnd.next() < 0.5;
      const [infix, familyName] = rnd.pick(families);
      const birthYear = schoolYearStart - 12 - (yearLevel - 1) - (rnd.next() < 0.8 ? 0 : 1);
      const birthMonth = 1 + Math.floor(rnd.next() * 12);
      const student = {
        id: randomUUID(),
        studentNumber: String(studentNumber++),
        givenName: rnd.pick(girl ? girls : boys),
        infix,
        familyName,
        birthDate: isoDay(birthMonth >= 9 ? birthYear - 1 : birthYear, birthMonth, 1 + Math.floor(rnd.next() * 28)),
        className,
        yearLevel,
        level,
        mentorId,
        updatedAt: at,
      };
      db.insert(students)
        .values({ ...student, searchText: studentSearchText(student) })
        .run();

      const [pc, city] = rnd.pick(places);
      const home = {
        street: rnd.pick(streets),
        houseNumber: String(1 + Math.floor(rnd.next() * 180)),
        postalCode: `${pc} ${randomLetter(rnd)}${randomLetter(rnd)}`,
        city,
      };
      const situation = rnd.next();
      const parent = (relation: 'moeder' | 'vader', family: [string, string], address: typeof home, authority = true) => {
        const g = {
          givenName: rnd.pick(adults[relation]),
          infix: family[0],
          familyName: family[1],
          relation,
          parentalAuthority: authority,
          ...address,
          email: `${relation}.${student.studentNumber}@mail.example`,
          phone: `06 ${String(10000000 + Math.floor(rnd.next() * 89999999))}`,
        };
        db.insert(guardians)
          .values({ id: randomUUID(), studentId: student.id, ...g, salutation: defaultSalutation(g), updatedAt: at })
          .run();
      };
      if (situation < 0.62) {
        // Living together: one letter to both.
        parent('moeder', rnd.next() < 0.7 ? [infix, familyName] : rnd.pick(families), home);
        parent('vader', [infix, familyName], home);
      } else if (situation < 0.84) {
        // Separated, joint authority, two addresses: two letters.
        const [pc2, city2] = rnd.pick(places);
        parent('moeder', rnd.pick(families), home);
        parent('vader', [infix, familyName], {
          street: rnd.pick(streets),
          houseNumber: String(1 + Math.floor(rnd.next() * 180)),
          postalCode: `${pc2} KL`,
          city: city2,
        });
      } else if (situation < 0.95) {
        parent(rnd.next() < 0.75 ? 'moeder' : 'vader', [infix, familyName], home);
      } else {
        // Foster care: the foster parent cares, the biological mother keeps authority.
        const foster = {
          givenName: rnd.pick(adults.moeder),
          infix: '',
          familyName: rnd.pick(families)[1],
          relation: 'pleegouder',
          parentalAuthority: false,
          ...home,
          email: `pleegouder.${student.studentNumber}@mail.example`,
          phone: '06 12345678',
        };
        db.insert(guardians)
          .values({
            id: randomUUID(),
            studentId: student.id,
            ...foster,
            salutation: defaultSalutation(foster),
            updatedAt: at,
          })
          .run();
        parent('moeder', rnd.pick(families), {
          street: 'Postbus',
          houseNumber: String(100 + Math.floor(rnd.next() * 900)),
          postalCode: '3500 AA',
          city: 'Utrecht',
        });
      }
    }
  });
}
