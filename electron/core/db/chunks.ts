/** How many values one `where x in (...)` takes: well under SQLite's bound-parameter limit. */
const IN_LIMIT = 500;

/** A long id list in pieces, one query each. */
export function chunks<T>(xs: readonly T[], size = IN_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
