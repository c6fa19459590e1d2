/**
 * What can be wrong with a vault file, found before anything is written to it. Each has a stable
 * code and the Dutch message the screens show as is; electron/api/errors.ts takes these into its
 * list, so db/ depends on nothing outside it.
 */
export const vaultFileMessages = {
  VAULT_NOT_FOUND: 'Deze omgeving bestaat niet (meer).',
  VAULT_NOT_OURS: 'Dit bestand is geen Zorgoverleg-omgeving. Er is niets aan veranderd.',
  VAULT_TRUNCATED: 'Dit bestand is onvolledig of beschadigd (afgekapt). Er is niets aan veranderd; gebruik een back-up.',
  VAULT_NEWER:
    'Deze omgeving is gemaakt met een nieuwere versie van Zorgoverleg. Werk de app bij om haar te openen; er is niets aan veranderd.',
  VAULT_EXISTS: 'Er bestaat al een bestand op deze plek; het wordt niet overschreven.',
} as const;

export type VaultFileProblem = keyof typeof vaultFileMessages;

export class VaultFileError extends Error {
  constructor(readonly code: VaultFileProblem) {
    super(vaultFileMessages[code]);
    this.name = 'VaultFileError';
  }
}
