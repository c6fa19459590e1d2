import type { Handlers } from '../api/handler-types';
import { vaultHandlers } from '../features/vault/handlers';
import { registerSettingsHooks, settingsHandlers } from '../features/settings/handlers';
import { peopleHandlers, registerPeopleHooks } from '../features/people/handlers';
import { scheduleHandlers } from '../features/schedule/handlers';
import { meetingsHandlers, registerMeetingsHooks } from '../features/meetings/handlers';
import { consentHandlers, registerConsentHooks } from '../features/consent/handlers';
import { filesHandlers, registerFilesHooks } from '../features/files/handlers';
import { intakeHandlers } from '../features/intake/handlers';
import { registerIntakeHooks } from '../features/intake/hooks';
import { agendaHandlers, registerAgendaHooks } from '../features/agenda/handlers';
import { minutesHandlers, registerMinutesHooks } from '../features/minutes/handlers';
import { documentsHandlers } from '../features/documents/handlers';
import { lettersHandlers, registerLettersHooks } from '../features/letters/handlers';
import { presentationHandlers, registerPresentationHooks } from '../features/presentation/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { inzageHandlers } from '../features/inzage/handlers';
import { disclosureHandlers } from '../features/disclosure/handlers';
import { registerRetentionHooks, retentionHandlers } from '../features/retention/handlers';
import { demoHandlers } from '../features/demo/handlers';

// Later domains tell earlier ones what they need to know (may this meeting move?); see keep-reasons.ts.
registerSettingsHooks();
registerPeopleHooks();
registerMeetingsHooks();
registerFilesHooks();
registerIntakeHooks();
registerConsentHooks();
registerAgendaHooks();
registerMinutesHooks();
registerLettersHooks();
registerPresentationHooks();
registerRetentionHooks();

/** Every domain's handlers joined; the type makes a missing method a compile error. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...demoHandlers,
  ...settingsHandlers,
  ...peopleHandlers,
  ...scheduleHandlers,
  ...meetingsHandlers,
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
