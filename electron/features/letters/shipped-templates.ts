/**
 * The letters a school gets out of the box (a school edits its own copies). Written at language
 * level B1: short sentences, everyday words, every step the reader has to take said plainly. To
 * the parents in the formal "u"; to a student of 16 or older, who is written to directly, in "je"
 * — that text stands in `{{#aanLeerling}}` blocks, the parents' in `{{#aanOuders}}` blocks, and
 * what both read stands outside them. Blank lines separate paragraphs; a list placeholder on its
 * own line becomes a bulleted list.
 */

export type TemplateNeed = 'meeting' | 'decision' | 'consent';

export interface ShippedTemplate {
  key: 'uitnodiging' | 'terugkoppeling' | 'toestemming' | 'verwijzing';
  name: string;
  subject: string;
  body: string;
  /** What the letter cannot be written without: the screen asks for it before merging. */
  needs: TemplateNeed[];
}

/** One text for the parents and one for the student (16+), each of one or more paragraphs. */
function perAddressee(parents: string[], student: string[]): string {
  return `{{#aanOuders}}\n${parents.join('\n\n')}\n{{/aanOuders}}\n{{#aanLeerling}}\n${student.join('\n\n')}\n{{/aanLeerling}}`;
}

/** The same for a one-line subject. */
const subjectPer = (parents: string, student: string) => `{{#aanOuders}}${parents}{{/aanOuders}}{{#aanLeerling}}${student}{{/aanLeerling}}`;

const contactParents =
  'Heeft u vragen? Neem dan contact op met {{coordinator.naam}}, {{coordinator.functie}}. ' +
  'Dat kan per e-mail via {{coordinator.email}} of telefonisch via {{school.telefoon}}.';

const contactStudent =
  'Heb je vragen? Neem dan contact op met {{coordinator.naam}}, {{coordinator.functie}}. ' +
  'Dat kan per e-mail via {{coordinator.email}} of telefonisch via {{school.telefoon}}.';

export const shippedTemplates: ShippedTemplate[] = [
  {
    key: 'uitnodiging',
    name: 'Uitnodiging voor een gesprek',
    subject: subjectPer('Uitnodiging voor een gesprek over {{leerling.roepnaam}}', 'Uitnodiging voor een gesprek'),
    needs: ['meeting'],
    body: [
      perAddressee(
        [
          'Wij willen graag met u praten over {{leerling.roepnaam}} uit klas {{leerling.klas}}. Daarom nodigen ' +
            'wij u uit voor een gesprek tijdens ons ondersteuningsoverleg ({{overleg.naam}}).',
        ],
        [
          'Wij willen graag met je praten over hoe het op school gaat. Daarom nodigen wij je uit voor een ' +
            'gesprek tijdens ons ondersteuningsoverleg ({{overleg.naam}}).',
        ],
      ),
      'Datum: {{overleg.datum}}\nTijd: {{overleg.tijd}}\nPlaats: {{overleg.locatie}}, {{school.naam}}',
      perAddressee(
        [
          'In dit overleg praten de mentor, de ondersteuningscoördinator en soms andere deskundigen over ' +
            'leerlingen die wat extra hulp kunnen gebruiken. U kent uw kind het beste. Daarom vinden wij het ' +
            'belangrijk dat u erbij bent. Samen kijken we wat {{leerling.roepnaam}} nodig heeft om het goed te ' +
            'doen op school.',
          '{{leerling.roepnaam}} is ook van harte welkom bij het gesprek.',
          'Kunt u niet op deze dag of dit tijdstip? Laat het ons dan zo snel mogelijk weten. Dan zoeken we samen een ander moment.',
          contactParents,
        ],
        [
          'In dit overleg praten de mentor, de ondersteuningscoördinator en soms andere deskundigen over ' +
            'leerlingen die wat extra hulp kunnen gebruiken. Jij weet zelf het beste wat je nodig hebt. Daarom ' +
            'vinden wij het belangrijk dat je erbij bent. Samen kijken we wat jou helpt om het goed te doen op ' +
            'school.',
          'Je mag je ouders of iemand anders die je vertrouwt meenemen naar het gesprek.',
          'Kun je niet op deze dag of dit tijdstip? Laat het ons dan zo snel mogelijk weten. Dan zoeken we samen een ander moment.',
          contactStudent,
        ],
      ),
    ].join('\n\n'),
  },
  {
    key: 'terugkoppeling',
    name: 'Terugkoppeling na het overleg',
    subject: subjectPer('Wat we hebben afgesproken over {{leerling.roepnaam}}', 'Wat we met je hebben afgesproken'),
    needs: ['meeting', 'decision'],
    body: [
      perAddressee(
        [
          'Op {{overleg.datum}} hebben wij {{leerling.roepnaam}} besproken in ons ondersteuningsoverleg ' +
            '({{overleg.naam}}). In deze brief leest u wat wij hebben besloten en wat wij hebben afgesproken.',
        ],
        [
          'Op {{overleg.datum}} hebben wij in ons ondersteuningsoverleg ({{overleg.naam}}) over jou gesproken. ' +
            'In deze brief lees je wat wij hebben besloten en wat wij hebben afgesproken.',
        ],
      ),
      'Wat hebben we besloten?\n{{besluit}}',
      'Wat gaan we doen?\n{{acties}}',
      perAddressee(
        [
          'Bij elke afspraak staat wie het doet en wanneer. In een volgend overleg kijken we of de afspraken ' +
            'gelukt zijn en of {{leerling.roepnaam}} er iets aan heeft.',
          'Bent u het ergens niet mee eens, of wilt u iets toevoegen? Dat horen wij graag. ' + contactParents,
        ],
        [
          'Bij elke afspraak staat wie het doet en wanneer. In een volgend overleg kijken we of de afspraken ' +
            'gelukt zijn en of je er iets aan hebt.',
          'Ben je het ergens niet mee eens, of wil je iets toevoegen? Dat horen wij graag. ' + contactStudent,
        ],
      ),
    ].join('\n\n'),
  },
  {
    key: 'toestemming',
    name: 'Toestemming vragen',
    subject: subjectPer('Toestemming voor het bespreken van {{leerling.roepnaam}}', 'Je toestemming voor een bespreking'),
    needs: ['meeting', 'consent'],
    body: [
      perAddressee(
        [
          'Wij willen {{leerling.roepnaam}} graag bespreken in ons ondersteuningsoverleg ({{overleg.naam}}) op ' +
            '{{overleg.datum}}. Bij dit overleg zijn ook mensen van organisaties buiten school. Daarvoor hebben ' +
            'wij eerst uw toestemming nodig.',
          'Wij vragen uw toestemming voor:\n{{toestemming.doelen}}',
        ],
        [
          'Wij willen je graag bespreken in ons ondersteuningsoverleg ({{overleg.naam}}) op {{overleg.datum}}. ' +
            'Bij dit overleg zijn ook mensen van organisaties buiten school. Je bent 16 jaar of ouder: daarom ' +
            'vragen wij jou zelf om toestemming.',
          'Wij vragen je toestemming voor:\n{{toestemming.doelen}}',
        ],
      ),
      'Met deze organisaties:\n{{toestemming.partners}}',
      perAddressee(
        [
          'Wij delen alleen wat nodig is om {{leerling.roepnaam}} goed te kunnen helpen. U beslist zelf of u ' +
            'toestemming geeft. Geeft u geen toestemming? Dan bespreken wij {{leerling.roepnaam}} niet met deze ' +
            'organisaties. U kunt uw toestemming later ook weer intrekken. Dat is net zo eenvoudig als ' +
            'toestemming geven.',
          'Bij deze brief vindt u een toestemmingsformulier. Wilt u het formulier invullen, ondertekenen en ' +
            'vóór het overleg terugsturen of afgeven op school? Hebben beide ouders het ouderlijk gezag? Dan ' +
            'tekenen zij allebei.',
          'Let op: is {{leerling.roepnaam}} 16 jaar of ouder? Dan geeft {{leerling.roepnaam}} zelf toestemming ' +
            'en tekent zelf het formulier.',
          contactParents,
        ],
        [
          'Wij delen alleen wat nodig is om je goed te kunnen helpen. Je beslist zelf of je toestemming geeft. ' +
            'Geef je geen toestemming? Dan bespreken wij je niet met deze organisaties. Je kunt je toestemming ' +
            'later ook weer intrekken. Dat is net zo eenvoudig als toestemming geven.',
          'Bij deze brief vind je een toestemmingsformulier. Wil je het formulier invullen, ondertekenen en ' +
            'vóór het overleg terugsturen of afgeven op school? Je mag er eerst met je ouders of je mentor over ' +
            'praten.',
          contactStudent,
        ],
      ),
    ].join('\n\n'),
  },
  {
    key: 'verwijzing',
    name: 'Bevestiging van een verwijzing',
    subject: subjectPer('Bevestiging van de verwijzing voor {{leerling.roepnaam}}', 'Bevestiging van je verwijzing'),
    needs: ['meeting', 'decision'],
    body: [
      perAddressee(
        [
          'Wij hebben {{leerling.roepnaam}} besproken in ons ondersteuningsoverleg ({{overleg.naam}}) van ' +
            '{{overleg.datum}}. Met deze brief bevestigen wij wat wij hebben besloten.',
        ],
        [
          'Wij hebben in ons ondersteuningsoverleg ({{overleg.naam}}) van {{overleg.datum}} over jou ' +
            'gesproken. Met deze brief bevestigen wij wat wij hebben besloten.',
        ],
      ),
      'Wat hebben we besloten?\n{{besluit}}',
      'Wat gebeurt er nu?\n{{acties}}',
      perAddressee(
        [
          'De school blijft betrokken. De mentor en de ondersteuningscoördinator houden contact met u en met ' +
            'de hulpverlening. Zo weten we hoe het met {{leerling.roepnaam}} gaat.',
          contactParents,
        ],
        [
          'De school blijft betrokken. Je mentor en de ondersteuningscoördinator houden contact met jou en met ' +
            'de hulpverlening. Zo weten we hoe het met je gaat.',
          contactStudent,
        ],
      ),
    ].join('\n\n'),
  },
];
