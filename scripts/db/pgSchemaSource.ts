// Writes the PostgreSQL schema (server/db/pg/schema.ts) from the SQLite tables, so the tables are
// declared once (server/db/tables/). Types: integer → bigint (mode number; SQLite integers are 64-bit,
// epoch-ms times need it), autoincrement id → bigint identity, real → double precision, boolean →
// integer 0/1 and JSON → text (server/db/pg/columns.ts); names of tables, columns, indexes,
// uniques and foreign keys are kept.
import { format, resolveConfig } from 'prettier';
import { getTableColumns, is, SQL, StringChunk, type Column } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as lite from '#server/db/schema';

/** The path of the generated file, from the repository root. */
export const PG_SCHEMA_FILE = 'server/db/pg/schema.ts';

/** Every SQLite table of the schema with the name it is exported under, parents before children. */
export function liteTables(): { key: string; table: SQLiteTable }[] {
  const all = (Object.entries(lite) as [string, unknown][])
    .filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable))
    .map(([key, table]) => ({ key, table }))
    // A module namespace lists exports alphabetically, a transformed module (vitest) in source order.
    .sort((a, b) => getTableConfig(a.table).name.localeCompare(getTableConfig(b.table).name));
  const byName = new Map(all.map((t) => [getTableConfig(t.table).name, t]));
  const done = new Set<string>();
  const out: typeof all = [];
  const visit = (t: (typeof all)[number], path: string[]) => {
    const name = getTableConfig(t.table).name;
    if (done.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    for (const fk of getTableConfig(t.table).foreignKeys) {
      const parent = byName.get(getTableConfig(fk.reference().foreignTable).name);
      if (parent && parent !== t) visit(parent, [...path, name]);
    }
    done.add(name);
    out.push(t);
  };
  for (const t of all) visit(t, []);
  return out;
}

const tsKey = (table: SQLiteTable, col: Column) =>
  Object.entries(getTableColumns(table)).find(([, c]) => c === col)?.[0] ?? col.name;

/** An SQL fragment as the body of a sql`` template, its column references as `${t.key}`. */
function sqlBody(s: SQL, table: SQLiteTable): string {
  return s.queryChunks
    .map((chunk) => {
      if (is(chunk, StringChunk)) return chunk.value.join('').replace(/[`\\]|\$\{/g, (m) => `\\${m}`);
      if (is(chunk, SQL)) return sqlBody(chunk, table);
      if (chunk && typeof chunk === 'object' && 'columnType' in chunk) return `\${t.${tsKey(table, chunk as Column)}}`;
      throw new Error(`cannot carry this SQL chunk to PostgreSQL: ${String(chunk)}`);
    })
    .join('');
}

function defaultOf(col: SQLiteColumn): string {
  if (!col.hasDefault || col.default === undefined) return '';
  if (is(col.default, SQL)) return `.default(sql\`${sqlBody(col.default, col.table as SQLiteTable)}\`)`;
  if (col.columnType === 'SQLiteBoolean') return `.default(sql\`${col.default ? 1 : 0}\`)`;
  return `.default(${JSON.stringify(col.default)})`;
}

function columnSource(key: string, exported: string, col: SQLiteColumn, tableKeys: Map<SQLiteTable, string>): string {
  const name = JSON.stringify(col.name);
  const typeOf = `Of<typeof lite.${exported}, '${key}'>`;
  const enumValues = (col as { enumValues?: string[] }).enumValues;
  let src: string;
  switch (col.columnType) {
    case 'SQLiteInteger':
      src = `bigint(${name}, { mode: 'number' })`;
      break;
    case 'SQLiteBoolean':
      src = `intBoolean(${name})`;
      break;
    case 'SQLiteReal':
      src = `doublePrecision(${name})`;
      break;
    case 'SQLiteText':
      src = `text(${name})${enumValues?.length ? `.$type<${typeOf}>()` : ''}`;
      break;
    case 'SQLiteTextJson':
      src = `jsonText<${typeOf}>(${name})`;
      break;
    default:
      throw new Error(
        `no PostgreSQL type for ${col.columnType} (${exported}.${key}): add one to ${PG_SCHEMA_FILE}'s generator`,
      );
  }
  if (col.primary) src += '.primaryKey()';
  if ((col as { autoIncrement?: boolean }).autoIncrement) src += '.generatedByDefaultAsIdentity()';
  if (col.notNull && !col.primary) src += '.notNull()';
  src += defaultOf(col);
  if (col.isUnique) src += `.unique(${JSON.stringify(col.uniqueName)})`;
  for (const fk of getTableConfig(col.table as SQLiteTable).foreignKeys) {
    const ref = fk.reference();
    if (ref.columns.length !== 1 || ref.columns[0] !== col) continue;
    const parent = tableKeys.get(ref.foreignTable);
    const actions = fk.onDelete && fk.onDelete !== 'no action' ? `, { onDelete: '${fk.onDelete}' }` : '';
    src += `.references(() => ${parent}.${tsKey(ref.foreignTable, ref.foreignColumns[0])}${actions})`;
  }
  return `    ${key}: ${src},`;
}

function extrasSource(table: SQLiteTable): string[] {
  const config = getTableConfig(table);
  // PostgreSQL wants an index expression in parentheses (unless it is a bare function call).
  const ref = (c: SQLiteColumn | SQL) => (is(c, SQL) ? `sql\`(${sqlBody(c, table)})\`` : `t.${tsKey(table, c)}`);
  const out = config.primaryKeys.map((pk) => `primaryKey({ columns: [${pk.columns.map(ref).join(', ')}] })`);
  for (const ix of config.indexes) {
    const c = ix.config;
    const where = c.where ? `.where(sql\`${sqlBody(c.where, table)}\`)` : '';
    out.push(`${c.unique ? 'uniqueIndex' : 'index'}('${c.name}').on(${c.columns.map(ref).join(', ')})${where}`);
  }
  if (config.foreignKeys.some((fk) => fk.reference().columns.length !== 1)) {
    throw new Error(`${config.name}: composite foreign keys are not carried to PostgreSQL yet`);
  }
  return out;
}

/** The source of server/db/pg/schema.ts for the SQLite tables as they are now, formatted. */
export async function renderPgSchema(): Promise<string> {
  const tables = liteTables();
  const tableKeys = new Map(tables.map((t) => [t.table, t.key]));
  const blocks = tables.map(({ key, table }) => {
    const config = getTableConfig(table);
    const cols = Object.entries(getTableColumns(table)).map(([k, c]) =>
      columnSource(k, key, c as SQLiteColumn, tableKeys),
    );
    const extras = extrasSource(table);
    const tail = extras.length > 0 ? `,\n  (t) => [\n    ${extras.join(',\n    ')},\n  ]` : '';
    return `/** PostgreSQL twin of SQLite's \`${config.name}\` (server/db/tables/). */\nexport const ${key} = pgTable(\n  '${config.name}',\n  {\n${cols.join('\n')}\n  }${tail},\n);`;
  });
  const source = `// GENERATED by \`npm run db:generate:pg\` from the SQLite tables in server/db/tables/ (scripts/db/pgSchemaSource.ts).
// Do not edit: change the SQLite table, then run \`npm run db:generate:pg\` (docs/scale-out.md).
import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type * as lite from '#server/db/schema';
import { intBoolean, jsonText } from './columns';

/** The TypeScript type of column \`C\` of SQLite table \`T\`: its PostgreSQL twin reads the same values. */
type Of<T extends { $inferSelect: object }, C extends keyof T['$inferSelect']> = NonNullable<T['$inferSelect'][C]>;

${blocks.join('\n\n')}
`;
  return format(source, { ...(await resolveConfig(PG_SCHEMA_FILE)), filepath: PG_SCHEMA_FILE });
}
