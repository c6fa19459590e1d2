import { vocabulary } from '../../shared/vocabulary';

/** The words of the settings domain (user roles), shared by the contract and the screens. */

/** What a user may do. Every user can read and hand in intakes; roles add duties and, for the Meldcode, access. */
export const [userRoles, userRoleLabels] = vocabulary({
  coordinator: 'Coördinator',
  voorzitter: 'Voorzitter',
  notulist: 'Notulist',
  lid: 'Lid',
  aandachtsfunctionaris: 'Aandachtsfunctionaris',
});
export type UserRole = (typeof userRoles)[number];

const isRole = (r: string): r is UserRole => (userRoles as readonly string[]).includes(r);

/** The stored roles this version knows (a newer app's role is ignored, not an error). */
export const knownRoles = (roles: string[]): UserRole[] => roles.filter(isRole);

/** The largest logo a school may upload for its letterhead. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
