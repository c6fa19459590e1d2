import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { students } from '../../../db/schema';
import { normalizeForSearch } from './names';
import type { StudentRow } from './store';

/** The type-ahead search over students, on the search text and its FTS5 index (migrations). */

/**
 * Students in Dutch name order: family name without its particle, accents folded ("Çelik" with C),
 * then given name. The search text starts with exactly that (see studentSearchText), and is indexed.
 * It ends with the unique leerlingnummer, so the order is total.
 */
export const studentNameOrder: SQL = asc(students.searchText);

export interface StudentFilter {
  className: string | null;
  yearLevel: number | null;
  status: 'active' | 'left' | 'all';
}

/** Up to this many matches are ranked all at once; beyond it a page is read in name order. */
const RANK_ALL_UP_TO = 2000;

/** The search text's words, each after a space (the tabs between its parts count as spaces). */
const spacedWords = sql`' ' || replace(${students.searchText}, char(9), ' ')`;

/** Folded words hold only letters and digits; quoting them keeps FTS5 syntax out of reach anyway. */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

const ftsCount = (db: VaultDb, match: string) =>
  db.get<{ n: number }>(sql`SELECT count(*) AS n FROM students_fts WHERE students_fts MATCH ${match}`).n;

/** Rowids in the order of `orderBy`, of the students the FTS5 `match` finds and `where` keeps. */
function ftsRanked(db: VaultDb, match: string, where: SQL | undefined, orderBy: SQL[], limit: number) {
  return db.all<{ rowid: number; total: number }>(
    sql`SELECT ${students}.rowid AS rowid, count(*) OVER () AS total
        FROM students_fts CROSS JOIN ${students} ON ${students}.rowid = students_fts.rowid
        WHERE ${and(sql`students_fts MATCH ${match}`, where)} ORDER BY ${sql.join(orderBy, sql`, `)} LIMIT ${limit}`,
  );
}

/** The students of these rowids, in this order. */
function studentsByRowid(db: VaultDb, rowids: number[]): StudentRow[] {
  if (rowids.length === 0) return [];
  const rows = db
    .select({ rowid: sql<number>`${students}.rowid`, student: students })
    .from(students)
    .where(inArray(sql`${students}.rowid`, rowids))
    .all();
  const byRowid = new Map(rows.map((r) => [r.rowid, r.student]));
  return rowids.map((id) => byRowid.get(id)!);
}

/**
 * Type-ahead search. Every typed word must start a word of the name, number or class ("de jong"
 * finds Bakker-de Jong, "dubois" Eléonore-Dubois), found through the FTS5 index on the search text.
 * Family names that start with what was typed come first (an exact one first), then, for several
 * words, names with them in that order ("de v": Daan de Vries above Dex van Beek), then the rest;
 * name order within each. Few matches are ranked in one go; many (one letter among 20,000) are
 * read tier by tier along the name index until a page is full: no query sorts the whole school.
 */
export function searchStudents(db: VaultDb, query: string, filter: StudentFilter, limit: number): { total: number; rows: StudentRow[] } {
  const filters: SQL[] = [];
  if (filter.className) filters.push(eq(students.className, filter.className));
  if (filter.yearLevel !== null) filters.push(eq(students.yearLevel, filter.yearLevel));
  const status = filter.status === 'all' ? undefined : eq(students.status, filter.status);
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) {
    const where = and(status, ...filters);
    const total =
      db
        .select({ n: sql<number>`count(*)` })
        .from(students)
        .where(where)
        .get()?.n ?? 0;
    return { total, rows: db.select().from(students).where(where).orderBy(studentNameOrder).limit(limit).all() };
  }

  const phrase = words.join(' ');
  const familyStarts = sql`${students.searchText} >= ${phrase} AND ${students.searchText} < ${phrase} || char(1114111)`;
  const inOrder = words.length > 1 ? sql`instr(${spacedWords}, ${` ${phrase}`}) > 0` : undefined;
  const allWords = and(...words.map((w) => sql`instr(${spacedWords}, ${` ${w}`}) > 0`))!;
  const tier = sql`CASE WHEN ${familyStarts} THEN 0 ${inOrder ? sql`WHEN ${inOrder} THEN 1` : sql``} ELSE 2 END`;
  const match = words.map((w) => `${quoted(w)}*`).join(' ');
  const matches = ftsCount(db, match);

  if (matches <= RANK_ALL_UP_TO) {
    const ranked = ftsRanked(db, match, and(status, ...filters), [tier, studentNameOrder], limit);
    return {
      total: ranked[0]?.total ?? 0,
      rows: studentsByRowid(
        db,
        ranked.map((r) => r.rowid),
      ),
    };
  }
  if (filters.length > 0) {
    // A class or a year narrows thousands of matches to a few hundred, through its own index.
    const ranked = db.all<{ rowid: number; total: number }>(
      sql`SELECT ${students}.rowid AS rowid, count(*) OVER () AS total FROM ${students}
          WHERE ${and(allWords, status, ...filters)} ORDER BY ${tier}, ${studentNameOrder} LIMIT ${limit}`,
    );
    return {
      total: ranked[0]?.total ?? 0,
      rows: studentsByRowid(
        db,
        ranked.map((r) => r.rowid),
      ),
    };
  }

  // Many matches: counted by the index, minus those of the other status (read along the (status,
  // search text) index); the page is filled tier by tier, each read in name order.
  const other = filter.status === 'active' ? 'left' : 'active';
  const otherStatus =
    filter.status === 'all'
      ? 0
      : (db
          .select({ n: sql<number>`count(*)` })
          .from(students)
          .where(and(eq(students.status, other), allWords))
          .get()?.n ?? 0);
  const page = new Set<number>();
  const take = (rowids: { rowid: number }[]) => {
    for (const { rowid } of rowids) if (page.size < limit) page.add(rowid);
  };
  // Each tier may hold rows of the tiers before it: read enough to fill the page all the same.
  const walk = (where: SQL) =>
    db
      .select({ rowid: sql<number>`${students}.rowid` })
      .from(students)
      .where(and(where, status))
      .orderBy(studentNameOrder)
      .limit(limit + page.size)
      .all();
  take(walk(familyStarts));
  if (inOrder && page.size < limit) {
    // The words in order are what an FTS5 phrase finds; usually few, so ranked straight from the index.
    const phraseMatch = `${quoted(phrase)}*`;
    take(
      ftsCount(db, phraseMatch) <= RANK_ALL_UP_TO
        ? ftsRanked(db, phraseMatch, status, [tier, studentNameOrder], limit + page.size)
        : walk(inOrder),
    );
  }
  if (page.size < limit) take(walk(allWords));
  return { total: matches - otherStatus, rows: studentsByRowid(db, [...page]) };
}
