import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Staff members, known in agendas and minutes by their short code ("awo", "sisl"). */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  /** JSON array of functions: OCO, LLCO, BPO, mentor, … */
  functions: text('functions', { mode: 'json' }).$type<string[]>().notNull(),
  email: text('email').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

export const students = sqliteTable(
  'students',
  {
    id: text('id').primaryKey(),
    /** Leerlingnummer (stamnummer): the key imports match on. */
    studentNumber: text('student_number').notNull().unique(),
    givenName: text('given_name').notNull(),
    infix: text('infix').notNull().default(''),
    familyName: text('family_name').notNull(),
    birthDate: text('birth_date'),
    className: text('class_name').notNull().default(''),
    yearLevel: integer('year_level'),
    level: text('level').notNull().default(''),
    mentorId: text('mentor_id').references(() => staff.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['active', 'left'] })
      .notNull()
      .default('active'),
    /** The date retention periods count from. */
    leftOn: text('left_on'),
    /** Lower-case, accent-free "roepnaam tussenvoegsel achternaam leerlingnummer klas" for type-ahead. */
    searchText: text('search_text').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('students_class').on(t.className), index('students_year').on(t.yearLevel)],
);

export const guardians = sqliteTable(
  'guardians',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    givenName: text('given_name').notNull().default(''),
    infix: text('infix').notNull().default(''),
    familyName: text('family_name').notNull(),
    relation: text('relation').notNull().default('ouder'),
    /** Ouderlijk gezag: consent under 16 depends on it. */
    parentalAuthority: integer('parental_authority', { mode: 'boolean' }).notNull().default(true),
    /** When gezag was given in the app to someone already registered: their consent is asked anew. */
    authoritySince: text('authority_since'),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    salutation: text('salutation').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('guardians_student').on(t.studentId)],
);

export const partners = sqliteTable('partners', {
  id: text('id').primaryKey(),
  organisation: text('organisation').notNull(),
  kind: text('kind', {
    enum: ['samenwerkingsverband', 'jeugdhulp', 'ggd', 'leerplicht', 'politie', 'anders'],
  }).notNull(),
  contactName: text('contact_name').notNull().default(''),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/** Column mappings chosen in the import wizard, remembered per set of column headers. */
export const importMappings = sqliteTable('import_mappings', {
  headerSignature: text('header_signature').primaryKey(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  updatedAt: text('updated_at').notNull(),
});
