// Writes the PostgreSQL schema from the SQLite tables, so the tables are declared once
// (server/db/tables/): one module per SQLite table file in server/db/pg/tables/, under the same name, and
// the barrel server/db/pg/schema.ts. Types: integer → bigint (mode number; SQLite integers are 64-bit,
// epoch-ms times need it), autoincrement id → bigint identity, real → double precision, boolean →
// integer 0/1 and JSON → text (server/db/pg/columns.ts); names of tables, columns, indexes,
// uniques and foreign keys are kept.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { getTableColumns, is, SQL, StringChunk, type Column } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as lite from '#server/db/schema';

/** The path of the generated barrel, from the repository root. */
export const PG_SCHEMA_FILE = 'server/db/pg/schema.ts';

/** The folder of the generated table modules, one per SQLite table file, from the repository root. */
export const PG_TABLES_DIR = 'server/db/pg/tables';

/** The folder of the SQLite table files the PostgreSQL modules mirror. */
const LITE_TABLES_DIR = 'server/db/tables';

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

/** Where a table is declared: its export name and the SQLite table file (without `.ts`) it is in. */
interface Placed {
  key: string;
  file: string;
}

/** The tables a module's foreign keys point at, by the file each is in. */
type Parents = Map<string, Set<string>>;

function columnSource(
  key: string,
  exported: string,
  col: SQLiteColumn,
  placed: Map<SQLiteTable, Placed>,
  parents: Parents,
): string {
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
        `no PostgreSQL type for ${col.columnType} (${exported}.${key}): add one to scripts/db/pgSchemaSource.ts`,
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
    const parent = placed.get(ref.foreignTable);
    if (!parent) throw new Error(`${exported}.${key} references a table outside ${LITE_TABLES_DIR}/`);
    parents.set(parent.file, (parents.get(parent.file) ?? new Set()).add(parent.key));
    const actions = fk.onDelete && fk.onDelete !== 'no action' ? `, { onDelete: '${fk.onDelete}' }` : '';
    src += `.references(() => ${parent.key}.${tsKey(ref.foreignTable, ref.foreignColumns[0])}${actions})`;
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

/** The SQLite table file each table of the schema is declared in, by table (files without tables, such as columns.ts, have none). */
async function placeTables(): Promise<Map<SQLiteTable, Placed>> {
  const byName = new Map<string, Placed>();
  for (const name of readdirSync(LITE_TABLES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const file = name.slice(0, -'.ts'.length);
    const mod = (await import(pathToFileURL(resolve(LITE_TABLES_DIR, name)).href)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(mod)) {
      if (is(value, SQLiteTable)) byName.set(getTableConfig(value).name, { key, file });
    }
  }
  // Keyed by the barrel's table objects (by name: a file imported by its path may be a second instance).
  const placed = new Map<SQLiteTable, Placed>();
  for (const { key, table } of liteTables()) {
    const at = byName.get(getTableConfig(table).name);
    if (!at || at.key !== key) throw new Error(`${key}: not exported by a file in ${LITE_TABLES_DIR}/`);
    placed.set(table, at);
  }
  return placed;
}

const HEADER = (from: string) =>
  `// GENERATED by \`npm run db:generate:pg\` from ${from} (scripts/db/pgSchemaSource.ts).
// Do not edit: change the SQLite table, then run \`npm run db:generate:pg\` (docs/scale-out.md).`;

/** The pg-core builders a generated module may call, imported when its tables use them. */
const PG_CORE = ['bigint', 'doublePrecision', 'index', 'pgTable', 'primaryKey', 'text', 'uniqueIndex'];

/** The source of one table module: its tables in foreign-key order, imports of what they use. */
function moduleSource(file: string, tables: SQLiteTable[], placed: Map<SQLiteTable, Placed>): string {
  const parents: Parents = new Map();
  const blocks = tables.map((table) => {
    const { key } = placed.get(table)!;
    const config = getTableConfig(table);
    const cols = Object.entries(getTableColumns(table)).map(([k, c]) =>
      columnSource(k, key, c as SQLiteColumn, placed, parents),
    );
    const extras = extrasSource(table);
    const tail = extras.length > 0 ? `,\n  (t) => [\n    ${extras.join(',\n    ')},\n  ]` : '';
    return `/** PostgreSQL twin of SQLite's \`${config.name}\` (server/db/tables/${file}.ts). */\nexport const ${key} = pgTable(\n  '${config.name}',\n  {\n${cols.join('\n')}\n  }${tail},\n);`;
  });
  const body = blocks.join('\n\n');
  const uses = (re: RegExp) => re.test(body);
  // A builder called as a function, not as a method (`.primaryKey()` of a column is not pg-core's `primaryKey`).
  const calls = (f: string) => uses(new RegExp(`(?<![.\\w])${f}[(<]`));
  const columns = ['intBoolean', 'jsonText'].filter(calls);
  if (uses(/\bOf</)) columns.push(columns.length > 0 ? 'type Of' : 'Of');
  const imports = [
    uses(/\bsql`/) ? `import { sql } from 'drizzle-orm';` : '',
    `import { ${PG_CORE.filter(calls).join(', ')} } from 'drizzle-orm/pg-core';`,
    uses(/\blite\./) ? `import type * as lite from '#server/db/tables/${file}';` : '',
    columns.length > 0
      ? `import ${columns[0] === 'Of' ? 'type ' : ''}{ ${columns.join(', ')} } from '#server/db/pg/columns';`
      : '',
    ...[...parents]
      .filter(([parent]) => parent !== file)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([parent, keys]) => `import { ${[...keys].sort().join(', ')} } from './${parent}';`),
  ].filter(Boolean);
  return `${HEADER(`server/db/tables/${file}.ts`)}\n${imports.join('\n')}\n\n${body}\n`;
}

/**
 * Every generated file for the SQLite tables as they are now, formatted, by path from the repository
 * root: one module per SQLite table file in server/db/pg/tables/, then the barrel server/db/pg/schema.ts.
 */
export async function renderPgSchema(): Promise<Map<string, string>> {
  const placed = await placeTables();
  const byFile = new Map<string, SQLiteTable[]>();
  for (const { table } of liteTables()) {
    const { file } = placed.get(table)!;
    byFile.set(file, [...(byFile.get(file) ?? []), table]);
  }
  const files = [...byFile.keys()].sort();
  const out = new Map<string, string>();
  const options = await resolveConfig(PG_SCHEMA_FILE);
  const put = async (path: string, source: string) =>
    out.set(path, await format(source, { ...options, filepath: path }));
  for (const file of files) await put(`${PG_TABLES_DIR}/${file}.ts`, moduleSource(file, byFile.get(file)!, placed));
  await put(
    PG_SCHEMA_FILE,
    `${HEADER('the SQLite tables in server/db/tables/')}
// The PostgreSQL schema, one module per SQLite table file; drizzle-kit and the PostgreSQL code import it from here.
${files.map((file) => `export * from './tables/${file}';`).join('\n')}
`,
  );
  return out;
}
