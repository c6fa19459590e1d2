import { sqliteTable, text, integer, blob } from 'drizzle-orm/sqlite-core';

/** One row (id = 1): the school's own details, used on screens and in Word letterheads. */
export const schoolSettings = sqliteTable('school_settings', {
  id: integer('id').primaryKey(),
  schoolName: text('school_name').notNull(),
  region: text('region', { enum: ['noord', 'midden', 'zuid'] }).notNull(),
  street: text('street').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  city: text('city').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  website: text('website').notNull().default(''),
  letterSignatoryName: text('letter_signatory_name').notNull().default(''),
  letterSignatoryRole: text('letter_signatory_role').notNull().default(''),
  letterFooter: text('letter_footer').notNull().default(''),
  /** The letterhead's logo (PNG or JPEG as uploaded), with its pixel size to keep its proportions. */
  logo: blob('logo', { mode: 'buffer' }),
  logoType: text('logo_type', { enum: ['png', 'jpg'] }),
  logoWidth: integer('logo_width'),
  logoHeight: integer('logo_height'),
  /** Whether coordinators may read Meldcode tracks; the aandachtsfunctionaris always can. */
  meldcodeCoordinatorAccess: integer('meldcode_coordinator_access', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});
