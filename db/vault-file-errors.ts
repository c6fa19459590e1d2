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
  VAULT_READ_ONLY:
    'Zorgoverleg mag niet schrijven in de map van deze omgeving (of het bestand is alleen-lezen). Er is ' +
    'niets aan veranderd. Geef jezelf schrijfrechten op die map, of zet de omgeving in een map waar dat ' +
    'wel mag.',
  VAULT_DISK_FULL:
    'De schijf is vol. De omgeving is wel gesloten en wat was opgeslagen is bewaard; het wordt bij het ' +
    'volgende openen verwerkt. Maak ruimte vrij op de schijf voordat je verder werkt.',
} as const;

export type VaultFileProblem = keyof typeof vaultFileMessages;

export class VaultFileError extends Error {
  constructor(
    readonly code: VaultFileProblem,
    /** The standard message with the file or folder named, where that helps to act on it. */
    message: string = vaultFileMessages[code],
  ) {
    super(message);
    this.name = 'VaultFileError';
  }
}
