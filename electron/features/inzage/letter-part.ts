import type { VaultDb } from '../../../db/open';
import type { InzageLetter } from '../../export/docx/inzage';
import type { LetterDocumentLetter } from '../../export/docx/models';
import type { Fact } from '../../export/docx/parts';
import { localDate } from '../../shared/clock';
import { instantDateTime } from '../../shared/dutch-dates';
import { meetingRecords } from '../agenda/store';
import { letterCases } from '../letters/facts';
import { lettersFor } from '../letters/letter-jobs';
import type { lettersOfStudent } from '../letters/store';
import { letterTemplates } from '../letters/templates';
import { DEFAULT_ADDRESSEE_OPTIONS } from '../people/letter-recipients';

/** The inzage's part on letters (collect.ts): each letter to the family as sent, or merged again for an old one. */

type LetterRow = ReturnType<typeof lettersOfStudent>[number];
type LetterText = InzageLetter['texts'][number];

const scrubbedText = (letter: LetterDocumentLetter, recipients: string, scrub: (text: string) => string): LetterText => ({
  recipients,
  salutation: letter.salutation,
  body: letter.body.map((b) => (b.kind === 'paragraph' ? { ...b, text: scrub(b.text) } : { kind: 'list', items: b.items.map(scrub) })),
  closing: letter.closing,
  signatory: [letter.signatory.name, letter.signatory.role].filter(Boolean).join(', '),
});

/**
 * A letter as it was sent: its texts are kept since 0011. A letter logged before has only who got
 * it and when; its text is merged again from the template of that name and the dossier, as
 * `letters.start` merges it, and says so: a template edited since makes the sent letter differ.
 */
export function letterOf(
  db: VaultDb,
  userId: string,
  studentId: string,
  row: LetterRow,
  scrub: (text: string) => string,
  userName: (id: string | null) => string,
  meetingName: (m: { title: string; seriesName: string | null; date: string }) => string,
): InzageLetter {
  const meeting = row.meetingId ? meetingRecords(db, [row.meetingId]).get(row.meetingId) : undefined;
  const facts: Fact[] = [
    { label: 'Verstuurd', value: `${instantDateTime(row.sentAt)} door ${userName(row.sentBy)}` },
    { label: 'Soort brief', value: row.templateName },
    { label: 'Na overleg', value: meeting ? meetingName(meeting) : '' },
    { label: 'Aan', value: row.recipients },
  ];
  if (row.texts) {
    return {
      subject: scrub(row.subject),
      facts,
      texts: row.texts.map(({ recipients, ...letter }) => scrubbedText(letter, recipients, scrub)),
      note: 'De tekst hieronder is de brief zoals hij is verstuurd.',
    };
  }
  const template = letterTemplates(db).find((t) => t.name === row.templateName);
  const texts: LetterText[] = [];
  if (template) {
    try {
      const [letterCase] = letterCases(db, userId, {
        meetingId: meeting ? row.meetingId : null,
        studentIds: [studentId],
      });
      if (letterCase) {
        const signer = letterCase.facts.coordinator ?? { name: '', role: '' };
        for (const { letter, recipients } of lettersFor(
          letterCase,
          { template, options: DEFAULT_ADDRESSEE_OPTIONS },
          localDate(row.sentAt),
          { name: signer.name, role: signer.role },
        )) {
          texts.push(scrubbedText(letter, recipients, scrub));
        }
      }
    } catch {
      // The student is no longer on that agenda, or the template no longer merges: the note says so.
      texts.length = 0;
    }
  }
  const before =
    'Van deze brief, verstuurd voordat Zorgoverleg de tekst van verstuurde brieven bewaarde, ' +
    'is alleen vastgelegd aan wie en wanneer hij is verstuurd.';
  return {
    subject: scrub(row.subject),
    facts,
    texts,
    note:
      texts.length > 0
        ? `${before} De tekst hieronder is opnieuw samengesteld uit de briefsjabloon en het dossier; ` +
          'is de sjabloon sindsdien gewijzigd, dan kan de verstuurde brief afwijken.'
        : `${before} De tekst kon niet opnieuw worden samengesteld: de briefsjabloon of het agendapunt bestaat niet meer.`,
  };
}
