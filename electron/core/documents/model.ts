// The document model (docs/PRINTING.md, "One document, three outputs"): a printout is a list of
// pages, each a list of blocks. A document kind builds blocks from data once; html-render.ts turns
// them into the page Chromium previews and prints, word/word-render.ts into the editable .docx.
// Blocks are plain JSON, so a notice's pages can be stored and reprinted exactly as they were.
import type { DocumentKindT } from '../../../shared/contract/documents';
import type { PageSize } from './html';

/** a labelled value: [label, value] */
export type Cell = [label: string, value: string];
/** a grid row: one labelled value across the table, or two side by side */
export type Row = [Cell] | [Cell, Cell];

export type Align = 'left' | 'center' | 'right';

export type Block =
  /** the company header: logo, company and service-centre name, service phone (from 设置 → 单据抬头) */
  | { t: 'letterhead' }
  /** the document's title, large and centred (letter-spaced like 入 住 通 知 书 when short) */
  | { t: 'title'; text: string }
  /** a small line under the title, its items spread across the page (文号, 日期, 房号 …) */
  | { t: 'meta'; items: string[] }
  /** a section heading inside a page */
  | { t: 'heading'; text: string }
  /** running text; line breaks kept; `indent` indents each paragraph by two characters (Chinese style) */
  | { t: 'para'; text: string; align?: Align; indent?: boolean; sizePt?: number; bold?: boolean }
  /** numbered (1. 2. 3.) or plain list */
  | { t: 'list'; items: string[]; numbered?: boolean }
  /** label | value rows (the slips' grid): `minMm` gives a row room to write in */
  | { t: 'grid'; rows: Array<{ cells: Row; minMm?: number }> }
  /** a table with a header row; column widths are relative weights; `minRowMm` gives each row room to write in */
  | { t: 'table'; columns: Array<{ label: string; width: number; align?: Align }>; rows: string[][]; minRowMm?: number }
  /** □ check items in one to three columns */
  | { t: 'checks'; items: string[]; columns?: 1 | 2 | 3 }
  /** signature lines side by side */
  | { t: 'signs'; labels: string[] }
  /** the issuer's name and date, with the seal area where 设置 puts it */
  | { t: 'seal'; lines: string[] }
  /** a small grey note */
  | { t: 'note'; text: string }
  /** a dashed line to cut along, with its instruction */
  | { t: 'cut'; label: string }
  /** empty room, mm */
  | { t: 'space'; mm: number }
  /** a bordered box of centred text (a card, a pass's validity) */
  | { t: 'box'; text: string; minMm?: number; sizePt?: number; align?: Align };

export interface DocPage {
  blocks: Block[];
}

/** The company header, the same on every document (documents/letterhead.ts). */
export interface Letterhead {
  /** company · service centre, e.g. 某某物业服务有限公司 · 阳光花园物业服务中心 */
  org: string;
  /** the service centre alone: 阳光花园物业服务中心 */
  centre: string;
  company: string;
  phone: string;
  /** the logo picture, or null when 设置 hides it */
  logo: { dataUrl: string; bytes: Buffer; type: 'png' | 'jpg'; widthPx: number; heightPx: number } | null;
  seal: 'right' | 'left' | 'none';
}

/**
 * A document ready to render: its pages come one unit at a time (a house, a notice copy), so a
 * building's batch can report progress and be stopped between houses.
 */
export interface DocumentSource {
  kind: DocumentKindT;
  /** the document's name: 入住资料包 */
  title: string;
  /** file names without extension: 入住资料包-3栋 */
  fileBase: string;
  pageSize: PageSize;
  letterhead: Letterhead;
  /** for the print log: 3栋2单元1502 / 3栋 全部 120 户 */
  audience: string;
  houseId: number | null;
  refId: number | null;
  /** how many units (houses, copies) */
  count: number;
  /** the pages of unit i (0-based) */
  unit(i: number): Promise<DocPage[]>;
  /** documents with a hand-fitted layout of their own (受理单, 派工单) render themselves; units are then ignored */
  own?: { html(): Promise<string>; word(): Promise<Buffer> };
  /** the full numbers this output carries (docs/PRIVACY.md): each preview, print, PDF and Word file of it writes one printFull audit line per entry */
  fullNumbers?: FullNumbers[];
}

/** One record whose full numbers a printout carries: a 派工单's ticket, a packet's house. */
export interface FullNumbers {
  entity: 'ticket' | 'house';
  id: number;
  /** the fields printed in full, as privacy.reveal names them */
  fields: Array<'phone' | 'idNumber'>;
  /** the document's name on the audit line: 派工单, 入住资料包 */
  document: string;
  /** what the audit screen names the record by when it has no name of its own (工单号, 房号) */
  label: string;
}
