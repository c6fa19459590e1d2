/**
 * The letters a school gets out of the box (a school edits its own copies). Written for parents
 * at language level B1: short sentences, everyday words, formal "u", and every step the parent
 * has to take said plainly. Blank lines separate paragraphs; a list placeholder on its own line
 * becomes a bulleted list.
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

const contact =
  'Heeft u vragen? Neem dan contact op met {{coordinator.naam}}, {{coordinator.functie}}. ' +
  'Dat kan per e-mail via {{coordinator.email}} of telefonisch via {{school.telefoon}}.';

export const shippedTemplates: ShippedTemplate[] = [
  {
    key: 'uitnodiging',
    name: 'Uitnodiging voor een gesprek',
    subject: 'Uitnodiging voor een gesprek over {{leerling.roepnaam}}',
    needs: ['meeting'],
    body: [
      'Wij willen graag met u praten over {{leerling.roepnaam}} uit klas {{leerling.klas}}. Daarom nodigen wij u uit voor een gesprek tijdens ons ondersteuningsoverleg ({{overleg.naam}}).',
      'Datum: {{overleg.datum}}\nTijd: {{overleg.tijd}}\nPlaats: {{overleg.locatie}}, {{school.naam}}',
      'In dit overleg praten de mentor, de ondersteuningscoördinator en soms andere deskundigen over leerlingen die wat extra hulp kunnen gebruiken. U kent uw kind het beste. Daarom vinden wij het belangrijk dat u erbij bent. Samen kijken we wat {{leerling.roepnaam}} nodig heeft om het goed te doen op school.',
      '{{leerling.roepnaam}} is ook van harte welkom bij het gesprek.',
      'Kunt u niet op deze dag of dit tijdstip? Laat het ons dan zo snel mogelijk weten. Dan zoeken we samen een ander moment.',
      contact,
    ].join('\n\n'),
  },
  {
    key: 'terugkoppeling',
    name: 'Terugkoppeling na het overleg',
    subject: 'Wat we hebben afgesproken over {{leerling.roepnaam}}',
    needs: ['meeting', 'decision'],
    body: [
      'Op {{overleg.datum}} hebben wij {{leerling.roepnaam}} besproken in ons ondersteuningsoverleg ({{overleg.naam}}). In deze brief leest u wat wij hebben besloten en wat wij hebben afgesproken.',
      'Wat hebben we besloten?\n{{besluit}}',
      'Wat gaan we doen?\n{{acties}}',
      'Bij elke afspraak staat wie het doet en wanneer. In een volgend overleg kijken we of de afspraken gelukt zijn en of {{leerling.roepnaam}} er iets aan heeft.',
      'Bent u het ergens niet mee eens, of wilt u iets toevoegen? Dat horen wij graag. ' + contact,
    ].join('\n\n'),
  },
  {
    key: 'toestemming',
    name: 'Toestemming vragen',
    subject: 'Toestemming voor het bespreken van {{leerling.roepnaam}}',
    needs: ['meeting', 'consent'],
    body: [
      'Wij willen {{leerling.roepnaam}} graag bespreken in ons ondersteuningsoverleg ({{overleg.naam}}) op {{overleg.datum}}. Bij dit overleg zijn ook mensen van organisaties buiten school. Daarvoor hebben wij eerst uw toestemming nodig.',
      'Wij vragen uw toestemming voor:\n{{toestemming.doelen}}',
      'Met deze organisaties:\n{{toestemming.partners}}',
      'Wij delen alleen wat nodig is om {{leerling.roepnaam}} goed te kunnen helpen. U beslist zelf of u toestemming geeft. Geeft u geen toestemming? Dan bespreken wij {{leerling.roepnaam}} niet met deze organisaties. U kunt uw toestemming later ook weer intrekken. Dat is net zo eenvoudig als toestemming geven.',
      'Bij deze brief vindt u een toestemmingsformulier. Wilt u het formulier invullen, ondertekenen en vóór het overleg terugsturen of afgeven op school? Hebben beide ouders het ouderlijk gezag? Dan tekenen zij allebei.',
      'Let op: is {{leerling.roepnaam}} 16 jaar of ouder? Dan geeft {{leerling.roepnaam}} zelf toestemming en tekent zelf het formulier.',
      contact,
    ].join('\n\n'),
  },
  {
    key: 'verwijzing',
    name: 'Bevestiging van een verwijzing',
    subject: 'Bevestiging van de verwijzing voor {{leerling.roepnaam}}',
    needs: ['meeting', 'decision'],
    body: [
      'Wij hebben {{leerling.roepnaam}} besproken in ons ondersteuningsoverleg ({{overleg.naam}}) van {{overleg.datum}}. Met deze brief bevestigen wij wat wij hebben besloten.',
      'Ons besluit:\n{{besluit}}',
      'Wat gebeurt er nu?\n{{acties}}',
      'De school blijft betrokken. De mentor en de ondersteuningscoördinator houden contact met u en met de hulpverlening. Zo weten we hoe het met {{leerling.roepnaam}} gaat.',
      contact,
    ].join('\n\n'),
  },
];
