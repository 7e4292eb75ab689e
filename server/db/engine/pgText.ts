// PostgreSQL numbers its parameters ($1, $2 …) where the statements name them (:name, as SQLite
// reads them). The translation is done once per statement and remembered.

/** A statement's PostgreSQL text with positional parameters, and the parameter name of each position. */
export interface PositionalText {
  text: string;
  names: string[];
}

// `:name` not preceded by a colon or a word character, so `x::bigint` casts and `'10:30'` times are left alone.
const NAMED = /(?<![:\w]):([A-Za-z_]\w*)/g;

/** `where a = :id and b = :id` → `where a = $1 and b = $1` with names ['id']. */
export function toPositional(named: string): PositionalText {
  const names: string[] = [];
  const text = named.replace(NAMED, (_, name: string) => {
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text, names };
}
