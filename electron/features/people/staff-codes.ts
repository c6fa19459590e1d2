/**
 * Staff codes in free text, as parents read them: by name. A team writes "terugkoppelen aan bgr";
 * a parent does not know who bgr is, so in every parents' document and letter the code becomes
 * "Bram Groen". Pure: the caller passes the school's staff (people domain), and the disclosure
 * policy calls this for every text that goes to a family.
 */

export interface StaffCode {
  code: string;
  name: string;
}

/**
 * Codes that are everyday Dutch words ("de", "aan", "wie"): those are left alone, since "met de
 * mentor" must not become "met Dirk Evers mentor". A school that gives a colleague such a code
 * sees it in the letter as typed, which is the reading that mangles nothing.
 */
const everydayWords = new Set(
  (
    'aan al als bij dan dat de den der des die dit doe dus een en er ga gaat geen had heb het hij hem ' +
    'hun in is ja je jij kan kon maar me mee men met mij na naar nee niet nog nu of om ook op over per ' +
    'pas te tot u uit van via voor wat we wel wie wil zal ze zei zij zo zou'
  ).split(' '),
);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every staff code standing as a word of its own — in lower case or in capitals, as teams type
 * them ("bgr", "BGR", "awo/bgr") — replaced by that colleague's name. Not inside a longer word,
 * an e-mail address or a file name ("bgr@school.nl", "bgr.docx" stay as they are), and not
 * capitalised ("Eva" is a pupil before it is a code).
 */
export function staffCodesAsNames(text: string, staff: readonly StaffCode[]): string {
  const byForm = new Map<string, string>();
  for (const member of staff) {
    const code = member.code.trim();
    if (code.length < 2 || !member.name.trim() || everydayWords.has(code.toLowerCase())) continue;
    byForm.set(code.toLowerCase(), member.name.trim());
    byForm.set(code.toUpperCase(), member.name.trim());
  }
  if (byForm.size === 0 || text === '') return text;
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}@.\\\\])(${forms.join('|')})(?![\\p{L}\\p{N}@]|\\.[\\p{L}\\p{N}])`, 'gu');
  return text.replace(pattern, (form) => byForm.get(form) ?? form);
}
