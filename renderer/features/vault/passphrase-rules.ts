/** Form rules for choosing a passphrase; the backend checks the same minimum again. */
export const MIN_PASSPHRASE_LENGTH = 10;

export function newPassphraseRules<K extends string>(field: K) {
  return {
    [field]: (value: string) =>
      value.length >= MIN_PASSPHRASE_LENGTH ? null : `Kies een wachtwoord van minstens ${MIN_PASSPHRASE_LENGTH} tekens.`,
    repeat: (value: string, values: Record<K, string>) => (value === values[field] ? null : 'De wachtwoorden zijn niet gelijk.'),
  } as Record<K | 'repeat', (value: string, values: Record<K, string>) => string | null>;
}
