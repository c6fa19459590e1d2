import type { VaultDb } from '../../../db/open';
import { schoolSettings } from '../../../db/schema';
import type { NewEnvironment } from '../vault/vault-files';
import { seedDemoPeople } from './demo-people';
import { seedDemoSchedule } from './demo-schedule';
import { seedDemoIntakes } from './demo-intakes';
import { seedDemoMinutes } from './demo-minutes';
import { seedDemoLetters } from './demo-letters';
import { seedDemoRetention } from './demo-retention';
import { today } from '../../shared/clock';
import type { IsoDate } from '../schedule/types';

/**
 * The demo school: a fictional school with fictional people, for exploring and for tests.
 * Every feature adds its own realistic demo data here, so there is one place to look.
 */
import { DEMO_PASSPHRASE } from '../vault/demo-environment';

export { DEMO_ENVIRONMENT_ID, DEMO_PASSPHRASE } from '../vault/demo-environment';

export const demoEnvironment: NewEnvironment = {
  schoolName: 'Lindeboom College (demo)',
  region: 'midden',
  users: [
    { name: 'Anouk Wolters', staffCode: 'awo', passphrase: DEMO_PASSPHRASE },
    { name: 'Sietske Slot', staffCode: 'sisl', passphrase: DEMO_PASSPHRASE },
    { name: 'Bram Groen', staffCode: 'bgr', passphrase: DEMO_PASSPHRASE },
  ],
};

/**
 * Every date in the demo derives from `referenceDate` (the day it is opened, unless a test passes
 * one), so the demo looks the same whatever the season: meetings before and after it, actions due.
 */
export function seedDemoSchool(db: VaultDb, referenceDate: IsoDate = today()): void {
  seedDemoPeople(
    db,
    demoEnvironment.users.map((u) => u.staffCode),
    referenceDate,
  );
  db.update(schoolSettings)
    .set({
      street: 'Lindelaan 12',
      postalCode: '3512 KL',
      city: 'Utrecht',
      phone: '030 123 45 67',
      email: 'zorgteam@lindeboomcollege.example',
      website: 'www.lindeboomcollege.example',
      letterSignatoryName: 'A. Wolters',
      letterSignatoryRole: 'ondersteuningscoördinator',
      letterFooter: 'Lindeboom College is een fictieve school. Deze omgeving bevat alleen verzonnen gegevens.',
    })
    .run();
  seedDemoSchedule(db, referenceDate);
  seedDemoIntakes(db, referenceDate);
  seedDemoMinutes(db, referenceDate);
  seedDemoLetters(db, referenceDate);
  seedDemoRetention(db, referenceDate);
}
