import { z } from 'zod';
import { FileUpload, SavedFile, Id } from './common';

/** the fields a roster column can be mapped to */
export const ROSTER_FIELDS = [
  'seq',
  'building',
  'unit',
  'room',
  'fullRoom',
  'floor',
  'buildingArea',
  'innerArea',
  'ownerName',
  'gender',
  'phone',
  'idNumber',
  'moveInDate',
  'houseType',
  'notes',
] as const;
export const ROSTER_FIELD_LABELS: Record<(typeof ROSTER_FIELDS)[number], string> = {
  seq: '序号',
  building: '楼栋',
  unit: '单元',
  room: '房号',
  fullRoom: '房屋（楼栋单元房号写在一格）',
  floor: '楼层',
  buildingArea: '建筑面积',
  innerArea: '套内面积',
  ownerName: '业主姓名',
  gender: '性别',
  phone: '联系电话',
  idNumber: '身份证号',
  moveInDate: '入住日期',
  houseType: '房屋类型',
  notes: '备注',
};
export const RosterField = z.enum(ROSTER_FIELDS);
/** column index (0-based) → field; unmapped columns are absent */
export const RosterMapping = z.record(z.string(), RosterField);

export const RowStatus = z.enum(['new', 'update', 'unchanged', 'duplicate', 'rejected']);
export const ROW_STATUS_LABELS: Record<z.infer<typeof RowStatus>, string> = {
  new: '新增',
  update: '更新',
  unchanged: '已存在',
  duplicate: '重复行（已合并）',
  rejected: '拒绝',
};

export const PreviewRow = z.object({
  row: z.number().int(), // Excel row number
  status: RowStatus,
  house: z.string().nullable(), // "3栋2单元1502"
  ownerName: z.string().nullable(),
  phone: z.string().nullable(),
  reason: z.string().nullable(), // rejection reason
  warnings: z.array(z.string()),
});
export const RowMessage = z.object({ row: z.number().int(), reason: z.string() });

export const RosterPreview = z.object({
  token: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: RosterMapping,
  mappingRemembered: z.boolean(),
  rows: z.array(PreviewRow),
  accepted: z.number().int(),
  rejected: z.array(RowMessage),
  warnings: z.array(RowMessage),
  willCreate: z.object({ houses: z.number().int(), people: z.number().int(), buildings: z.number().int() }),
});

export const RosterPreviewInput = FileUpload.extend({ estateId: Id, mapping: RosterMapping.optional() });
export const RosterRemapInput = z.object({ token: z.string(), mapping: RosterMapping });
export const RosterCommitInput = z.object({ token: z.string() });
export const RosterCommitResult = z.object({
  accepted: z.number().int(),
  rejected: z.array(RowMessage),
  warnings: z.array(RowMessage),
  created: z.object({ houses: z.number().int(), people: z.number().int() }),
});

export const importsChannels = {
  'imports.roster.preview': { input: RosterPreviewInput, output: RosterPreview },
  'imports.roster.remap': { input: RosterRemapInput, output: RosterPreview },
  'imports.roster.commit': { input: RosterCommitInput, output: RosterCommitResult },
  'imports.roster.report': { input: RosterCommitInput, output: SavedFile },
} as const;

export type RosterPreviewT = z.infer<typeof RosterPreview>;
export type RosterMappingT = z.infer<typeof RosterMapping>;
export type RosterFieldT = z.infer<typeof RosterField>;
export type RosterCommitResultT = z.infer<typeof RosterCommitResult>;
export type PreviewRowT = z.infer<typeof PreviewRow>;
