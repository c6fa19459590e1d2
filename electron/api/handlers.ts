import type { Handlers } from './handler-types';
import { vaultHandlers } from '../features/vault/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { peopleHandlers } from '../features/people/handlers';
import { scheduleHandlers } from '../features/schedule/handlers';

/** Every domain's handlers joined; the type makes a missing method a compile error. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...peopleHandlers,
  ...scheduleHandlers,
};
