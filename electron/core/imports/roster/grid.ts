// A worksheet flattened into plain data, so a preview session keeps no exceljs objects
// and re-mapping never re-reads the file.

export interface GridCell {
  /** display text: half-width, trimmed, inner white space folded; '' for empty */
  text: string;
  /** the number when the cell held a number */
  num: number | null;
  /** "YYYY-MM-DD" when the cell held an Excel date */
  date: string | null;
  /** "HH:MM" when that Excel date also carried a time of day (ledgers: 受理时间) */
  time?: string | null;
  /** true when the cell held a number that Excel displays in scientific form or that lost digits */
  numberTooLong: boolean;
  /** set on the covered cells of a merged range: [row, col] of its top-left (master) cell */
  slaveOf: [number, number] | null;
}

export interface SheetGrid {
  name: string;
  /** 1-based row → 1-based col → cell; only non-empty or merged cells are present */
  rows: Map<number, Map<number, GridCell>>;
  lastRow: number;
  lastCol: number;
}

export const EMPTY_CELL: GridCell = { text: '', num: null, date: null, numberTooLong: false, slaveOf: null };

export function cellAt(grid: SheetGrid, row: number, col: number): GridCell {
  return grid.rows.get(row)?.get(col) ?? EMPTY_CELL;
}

/**
 * The value a cell stands for. A covered cell of a merged range takes its master's value only when
 * the range runs down the same column below the header (楼栋 merged over ten rows, a 房号 merged
 * over a co-owner's second row): that is the file saying "same as above". A range merged sideways
 * belongs to its master's column, so the covered cells read as empty.
 */
export function valueAt(grid: SheetGrid, row: number, col: number, headerRow: number): GridCell {
  const cell = cellAt(grid, row, col);
  if (!cell.slaveOf) return cell;
  const [mr, mc] = cell.slaveOf;
  if (mc !== col || mr <= headerRow) return EMPTY_CELL;
  return cellAt(grid, mr, mc);
}

/** "A", "B", ... "AA" for a 1-based column */
export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function hasData(grid: SheetGrid): boolean {
  for (const cols of grid.rows.values()) for (const c of cols.values()) if (c.text) return true;
  return false;
}
