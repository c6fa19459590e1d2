import type { Handlers } from './handler-types';
import { vaultHandlers } from '../features/vault/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { peopleHandlers } from '../features/people/handlers';
import { scheduleHandlers } from '../features/schedule/handlers';
import { consentHandlers, registerConsentHooks } from '../features/consent/handlers';
import { filesHandlers } from '../features/files/handlers';
import { intakeHandlers, registerIntakeHooks } from '../features/intake/handlers';
import { agendaHandlers, registerAgendaHooks } from '../features/agenda/handlers';
import { minutesHandlers, registerMinutesHooks } from '../features/minutes/handlers';
import { documentsHandlers } from '../features/documents/handlers';
import { lettersHandlers, registerLettersHooks } from '../features/letters/handlers';
import { presentationHandlers } from '../features/presentation/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { inzageHandlers } from '../features/inzage/handlers';
import { disclosureHandlers } from '../features/disclosure/handlers';
import { registerRetentionHooks, retentionHandlers } from '../features/retention/handlers';
import { demoHandlers } from '../features/demo/handlers';

// Later domains tell earlier ones what they need to know (may this meeting move?); see keep-reasons.ts.
registerIntakeHooks();
registerConsentHooks();
registerAgendaHooks();
registerMinutesHooks();
registerLettersHooks();
registerRetentionHooks();

/** Every domain's handlers joined; the type makes a missing method a compile error. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...demoHandlers,
  ...settingsHandlers,
  ...peopleHandlers,
  ...scheduleHandlers,
  ...consentHandlers,
  ...filesHandlers,
  ...intakeHandlers,
  ...agendaHandlers,
  ...minutesHandlers,
  ...documentsHandlers,
  ...lettersHandlers,
  ...presentationHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...inzageHandlers,
  ...disclosureHandlers,
  ...retentionHandlers,
};
