import type { VaultDb } from '../../../db/open';
import type { InzageRetention } from '../../export/docx/inzage';
import type { Fact } from '../../export/docx/parts';
import { longDate, numericDate } from '../../shared/dutch-dates';
import type { studentRow } from '../people/store';
import { retentionState, type RetentionDue } from '../retention/rules';
import { readPeriods, retentionOfStudent } from '../retention/store';
import { leavingDestinationLabels } from '../retention/vocabulary';

/** The inzage's part on retention (collect.ts): the periods as a parent reads them, and the absence data kept. */

const years = (n: number) => `${n} jaar na de uitschrijving`;

/** What is proposed for deletion when a period passes, as a parent reads it. */
function proposalOf(due: RetentionDue, fileErased: boolean): string {
  if (due.step === 'dossier') return `het dossier; de verzuimgegevens blijven bewaard tot ${longDate(due.absenceUntil!)}`;
  return fileErased ? 'de bewaarde verzuimgegevens en de leerlinggegevens' : 'alle gegevens';
}

/**
 * Where the student went on leaving, how long the school keeps the file and when it will be
 * proposed for deletion (the retention domain's rule, read on `on`), and the absence data kept
 * after the file itself went.
 */
export function retentionOf(
  db: VaultDb,
  student: ReturnType<typeof studentRow>,
  on: string,
  scrub: (text: string) => string,
): { destination: string; part: InzageRetention } {
  const { retention, keptAbsence, hasAbsenceData } = retentionOfStudent(db, student.id);
  const periods = readPeriods(db);
  const destination = retention?.destination ?? null;
  const facts: Fact[] = [];
  if (student.status !== 'left' || student.leftOn === null) {
    facts.push(
      {
        label: 'Bewaartermijn dossier',
        value: `${years(periods.studentFileYears)} (${periods.specialEducationYears} jaar bij uitstroom naar het VSO)`,
      },
      { label: 'Bewaartermijn verzuimgegevens', value: years(periods.absenceYears) },
      { label: 'Verwijdering', value: 'De bewaartermijn begint pas als de leerling is uitgeschreven.' },
    );
  } else {
    const leftOn = student.leftOn;
    const fileErasedOn = retention?.fileErasedOn ?? null;
    const left = { leftOn, destination, hasAbsenceData, fileErasedOn, keptUntil: retention?.keptUntil ?? null };
    const state = retentionState(left, periods, on);
    facts.push(
      {
        label: 'Bewaartermijn dossier',
        value: destination === 'vso' ? `${years(periods.specialEducationYears)} (uitstroom naar het VSO)` : years(periods.studentFileYears),
      },
      { label: 'Bewaartermijn verzuimgegevens', value: hasAbsenceData ? years(periods.absenceYears) : '' },
      { label: 'Dossier verwijderd op', value: fileErasedOn ? numericDate(fileErasedOn) : '' },
    );
    if (state.state === 'loopt') {
      // What the period that ends first will propose, read on the day it ends.
      const then = retentionState({ ...left, keptUntil: null }, periods, state.nextOn);
      const what = then.state === 'loopt' ? 'het dossier' : proposalOf(then, fileErasedOn !== null);
      facts.push({ label: 'Voorstel tot verwijdering', value: `Op ${longDate(state.nextOn)}: ${what}.` });
    } else if (state.state === 'voorgesteld') {
      facts.push({
        label: 'Voorstel tot verwijdering',
        value: `Sinds ${longDate(state.passedOn)}: ${proposalOf(state, fileErasedOn !== null)}.`,
      });
    } else {
      facts.push(
        {
          label: 'Voorstel tot verwijdering',
          value:
            `Sinds ${longDate(state.passedOn)}: ${proposalOf(state, fileErasedOn !== null)}. ` +
            `De school heeft besloten de gegevens te bewaren tot ${longDate(state.keptUntil)}.`,
        },
        { label: 'Reden van bewaren', value: scrub(retention?.keepReason ?? '') },
      );
    }
  }
  return {
    destination: destination ? leavingDestinationLabels[destination] : '',
    part: {
      facts,
      keptAbsence: keptAbsence.map((a) => ({
        title: `Uit de aanmelding van ${numericDate(a.referredOn)}`,
        text: scrub(a.text),
      })),
    },
  };
}
