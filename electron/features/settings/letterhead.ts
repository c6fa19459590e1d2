import type { VaultDb } from '../../../db/open';
import type { DocumentSchool } from '../../export/docx/models';
import { readLogo, readSettings } from './store';

/** The letterhead and logo every document starts with (letters too). */
export function documentSchool(db: VaultDb): DocumentSchool {
  const s = readSettings(db);
  const logo = readLogo(db);
  return {
    letterhead: {
      schoolName: s.schoolName,
      street: s.street,
      postalCode: s.postalCode,
      city: s.city,
      phone: s.phone,
      email: s.email,
      website: s.website,
      letterFooter: s.letterFooter,
    },
    logo: logo ? { data: new Uint8Array(logo.data), type: logo.type, width: logo.width, height: logo.height } : null,
  };
}
