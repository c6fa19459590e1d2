import { GENERIC_SALUTATION } from './names';

export interface GuardianAddress {
  id: string;
  salutation: string;
  givenName: string;
  infix: string;
  familyName: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

export interface LetterRecipient {
  guardianIds: string[];
  salutation: string;
  addressLines: string[];
}

function addressKey(g: GuardianAddress): string {
  return `${g.postalCode.replace(/\s/g, '').toUpperCase()}|${g.houseNumber.trim().toLowerCase()}`;
}

/**
 * One letter per address: two guardians who live together get one letter addressed to both
 * ("Geachte mevrouw De Vries en geachte heer Jansen"); separated parents each get their own.
 * Guardians without an address each get their own letter so nobody is silently dropped.
 */
export function letterRecipients(guardians: GuardianAddress[]): LetterRecipient[] {
  const groups = new Map<string, GuardianAddress[]>();
  for (const g of guardians) {
    const key = g.postalCode && g.houseNumber ? addressKey(g) : `alleen:${g.id}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const salutations = [...new Set(group.map((g) => g.salutation))];
    const salutation =
      salutations.length === 1
        ? salutations[0]!
        : salutations.includes(GENERIC_SALUTATION)
          ? GENERIC_SALUTATION
          : salutations.map((s, i) => (i === 0 ? s : s.replace(/^Geachte/, 'geachte'))).join(' en ');
    const names = group.map((g) => [g.givenName, g.infix, g.familyName].filter(Boolean).join(' '));
    return {
      guardianIds: group.map((g) => g.id),
      salutation,
      addressLines: [
        names.join(' en '),
        `${first.street} ${first.houseNumber}`.trim(),
        `${first.postalCode}  ${first.city}`.trim(),
      ].filter(Boolean),
    };
  });
}
