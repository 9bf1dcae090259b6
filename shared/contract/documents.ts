import { z } from 'zod';
import { DateStr, Empty, Id, SavedFile } from './common';

// Printed documents (docs/PRINTING.md): one request names a document and what it is about; main
// renders it once and the same pages are previewed, printed and saved as PDF or Word.

export const PAGE_SIZES = ['A4', 'A5'] as const;
export const PageSize = z.enum(PAGE_SIZES, { message: '纸张应为 A4 或 A5' });

export const DOCUMENT_KINDS = ['acceptanceSlip', 'workOrder', 'moveInPacket', 'notice', 'renovationPermit', 'hotWorkPermit', 'moveOutPass'] as const;
export type DocumentKindT = (typeof DOCUMENT_KINDS)[number];
export const DocumentKind = z.enum(DOCUMENT_KINDS, { message: '未知的单据类型' });
export const DOCUMENT_KIND_TITLES: Record<DocumentKindT, string> = {
  acceptanceSlip: '受理单',
  workOrder: '派工单',
  moveInPacket: '入住资料包',
  notice: '通知公告',
  renovationPermit: '装修许可证',
  hotWorkPermit: '动火作业许可证',
  moveOutPass: '搬迁放行条',
};

/** the parts of the move-in packet (入住资料包), in the order they are printed */
export const PACKET_PARTS = ['notice', 'process', 'ownerForm', 'inspection', 'keys', 'meters', 'renovationRules', 'handbook', 'card'] as const;
export type PacketPartT = (typeof PACKET_PARTS)[number];
export const PACKET_PART_TITLES: Record<PacketPartT, string> = {
  notice: '入住通知书',
  process: '入住手续办理流程单',
  ownerForm: '业主信息登记表',
  inspection: '房屋验收表',
  keys: '钥匙领取签收单',
  meters: '水电气表底数确认单',
  renovationRules: '装修管理须知',
  handbook: '业户手册（摘录）',
  card: '入住贺卡',
};
/** one request prints at most this many houses (a tower's delivery day) */
export const PACKET_MAX_HOUSES = 2000;

const ticketDoc = <K extends 'acceptanceSlip' | 'workOrder'>(k: K) => z.object({ document: z.literal(k), ticketId: Id, pageSize: PageSize.optional() });

/** What to print: the document and the record (or houses) it is about. */
export const DocumentRequest = z.discriminatedUnion(
  'document',
  [
    ticketDoc('acceptanceSlip'),
    ticketDoc('workOrder'),
    z.object({
      document: z.literal('moveInPacket'),
      houseIds: z.array(Id).min(1, '请选择房屋').max(PACKET_MAX_HOUSES, `一次最多打印 ${PACKET_MAX_HOUSES} 户`),
      /** 入住通知书: the day and place of the handover (blank lines when not given) */
      date: DateStr.nullable().optional(),
      place: z.string().trim().max(100, '地点不超过100字').nullable().optional(),
      /** some parts only; all of them when left out */
      parts: z.array(z.enum(PACKET_PARTS)).min(1, '请至少选择一份资料').optional(),
    }),
    z.object({ document: z.literal('notice'), noticeId: Id }),
    z.object({ document: z.literal('renovationPermit'), renovationId: Id }),
    z.object({ document: z.literal('hotWorkPermit'), renovationId: Id }),
    z.object({ document: z.literal('moveOutPass'), passId: Id }),
  ],
  { message: '未知的单据类型' },
);
export type DocumentRequestT = z.output<typeof DocumentRequest>;

/** the PDF (what the printer gets) and the same document as HTML, shown in a sandboxed frame for the on-screen preview */
export const PrintPreview = z.object({ jobId: z.string(), fileName: z.string(), pdfBase64: z.string(), pages: z.number().int(), html: z.string() });
/** 打印 prints the job a preview rendered (the same PDF, no second render; docs/PRINTING.md) */
export const PrintJobInput = z.object({ jobId: z.string().min(1, '请先生成打印预览').max(100) });
export const PrintResult = z.object({ printed: z.boolean(), message: z.string() });

// ---- batches: a building's packets render in the background, with progress, and can be stopped
export const BatchId = z.string().min(1).max(100);
export const BatchStatus = z.object({
  batchId: z.string(),
  title: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** what it is doing now, in words: 准备资料 / 生成 PDF / 生成 Word */
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
  /** when done: the print job (打印 prints it as one job), the files and their page count */
  result: z.object({ jobId: z.string(), pdfFileName: z.string(), wordFileName: z.string(), pages: z.number().int(), units: z.number().int() }).nullable(),
});
export const BatchSaveInput = z.object({ batchId: BatchId, format: z.enum(['pdf', 'docx']) });
export const SaveOutcome = z.object({ saved: z.boolean(), path: z.string().nullable() });

// ---- printers: a document type may print silently to a printer chosen once in 设置
export const PrinterInfo = z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() });
export const PrinterList = z.object({ printers: z.array(PrinterInfo), note: z.string().nullable() });
export const PrinterPref = z.object({
  deviceName: z.string().trim().max(200, '打印机名称过长').nullable(),
  /** print straight to that printer without the system dialog */
  silent: z.boolean(),
});

// ---- the print log: every print, PDF and Word file of a document
export const PrintLogEntry = z.object({
  id: Id,
  kind: DocumentKind,
  title: z.string(),
  /** for whom: 3栋2单元1502 / 3栋 全部 120 户 / 全体业主 */
  audience: z.string(),
  action: z.enum(['print', 'pdf', 'docx']),
  pages: z.number().int().nullable(),
  actor: z.string(),
  at: z.string(),
  houseId: Id.nullable(),
  /** the notice, renovation or pass it printed */
  refId: Id.nullable(),
});
export const PrintLogQuery = z.object({
  kind: DocumentKind.optional(),
  houseId: Id.optional(),
  refId: Id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const documentsChannels = {
  'documents.print.preview': { input: DocumentRequest, output: PrintPreview },
  'documents.print.print': { input: PrintJobInput, output: PrintResult },
  /** 另存为 PDF: the previewed job's own bytes, through the save dialog, logged like a print */
  'documents.print.save': { input: PrintJobInput, output: SaveOutcome },
  'documents.word.save': { input: DocumentRequest, output: SavedFile },
  'documents.batch.start': { input: z.object({ request: DocumentRequest }), output: BatchStatus },
  'documents.batch.status': { input: z.object({ batchId: BatchId }), output: BatchStatus },
  'documents.batch.cancel': { input: z.object({ batchId: BatchId }), output: BatchStatus },
  'documents.batch.save': { input: BatchSaveInput, output: SaveOutcome },
  'documents.printers.list': { input: Empty, output: PrinterList },
  'documents.log.list': { input: PrintLogQuery, output: z.array(PrintLogEntry) },
} as const;

export type PrintLogEntryT = z.output<typeof PrintLogEntry>;
export type BatchStatusT = z.output<typeof BatchStatus>;
export type PrinterPrefT = z.output<typeof PrinterPref>;
