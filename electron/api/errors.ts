import { VaultFileError, vaultFileMessages } from '../../db/vault-file-errors';

/**
 * Errors the user can act on. Each has a stable code (for code and tests) and a Dutch message
 * the UI shows as is.
 */
export const errorMessages = {
  VALIDATION: 'De invoer is niet geldig.',
  UNKNOWN_METHOD: 'Onbekende opdracht.',
  LOCKED: 'De omgeving is vergrendeld. Ontgrendel haar eerst.',
  WRONG_PASSPHRASE: 'Onjuist wachtwoord.',
  TOO_MANY_ATTEMPTS: 'Te veel onjuiste pogingen. Wacht even en probeer het opnieuw.',
  WRONG_RECOVERY_KEY: 'Deze herstelsleutel past niet bij deze omgeving.',
  MALFORMED_RECOVERY_KEY: 'Dit is geen geldige herstelsleutel. Een herstelsleutel bestaat uit 8 groepjes van 4 tekens.',
  ...vaultFileMessages,
  KEYRING_MISSING:
    'Het sleutelbestand van deze omgeving ontbreekt, dus ze kan niet worden geopend. Er is niets aan ' +
    'veranderd. Zet het sleutelbestand terug uit een back-up met "Omgeving openen uit back-up"; wat na ' +
    'die back-up is gedaan, blijft bewaard.',
  KEYRING_DAMAGED:
    'Het sleutelbestand van deze omgeving is beschadigd of buiten Zorgoverleg gewijzigd. Er is niets aan ' +
    'veranderd. Gebruik de herstelsleutel ("Wachtwoord vergeten"), of zet het sleutelbestand terug uit ' +
    'een back-up met "Omgeving openen uit back-up".',
  USER_NOT_FOUND: 'Deze gebruiker hoort niet bij deze omgeving.',
  ACCESS_RESET:
    'De sleutel van deze omgeving is vernieuwd en jouw wachtwoord is daarbij vervallen. Kies "Wachtwoord ' +
    'vergeten" en stel met de herstelsleutel een nieuw wachtwoord in.',
  STAFF_CODE_TAKEN: 'Deze code is al in gebruik door een andere gebruiker.',
  IMPORT_EMPTY: 'Dit bestand is leeg: er staan geen leerlingen of ouders in.',
  IMPORT_NOT_A_TABLE: 'Dit bestand heeft maar één kolom. Is het een CSV met puntkomma of komma als scheidingsteken?',
  IMPORT_NOT_A_SPREADSHEET: 'Dit is geen CSV- of Excel-bestand (.xlsx). Exporteer de gegevens opnieuw uit Magister of Somtoday.',
  IMPORT_TOO_LARGE:
    'Dit Excel-bestand is uitgepakt groter dan 100 MB; zo groot is een export van leerlingen en ouders ' +
    'nooit. Exporteer de gegevens opnieuw uit Magister of Somtoday, of sla ze op als CSV.',
  IMPORT_MAPPING: 'De kolommen zijn nog niet goed gekoppeld.',
  IMPORT_HAS_ERRORS: 'Er is niets geïmporteerd: het bestand bevat regels met fouten.',
  IMPORT_EXPIRED: 'Deze import is verlopen. Kies het bestand opnieuw.',
  IMPORT_INTERRUPTED: 'De import is afgebroken omdat de omgeving werd vergrendeld. Er is niets geïmporteerd; probeer het opnieuw.',
  BUSY: 'Er wordt nog iets opgeslagen (bijvoorbeeld een import). Probeer het over een paar seconden opnieuw.',
  NOT_FOUND: 'Dit bestaat niet (meer).',
  DUPLICATE: 'Dit bestaat al.',
  DAY_OFF: 'Op deze dag kan geen overleg plaatsvinden.',
  FORBIDDEN: 'Dit mag je met jouw rol niet doen.',
  CONFLICT: 'Iemand anders heeft dit intussen gewijzigd.',
  ATTACHMENT_REFUSED: 'Dit bestand kan niet worden toegevoegd.',
  MINUTES_FIXED: 'Deze notulen zijn vastgesteld en kunnen niet meer worden gewijzigd. Voeg een aanvulling toe.',
  INCOMPLETE: 'Het formulier is nog niet compleet.',
  INTERNAL: 'Er ging iets mis. Probeer het opnieuw; er is niets verloren gegaan.',
  TOO_LARGE: 'Dit is te groot om te versturen. Kies een kleiner bestand.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    /** Per form field, the Dutch message to show next to it (key: the field's name). */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** An error the user can act on, from the backend or from opening a vault file: shown as is. */
export function isUserError(err: unknown): err is AppError | VaultFileError {
  return err instanceof AppError || err instanceof VaultFileError;
}
