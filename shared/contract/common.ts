import { z } from 'zod';

export const Id = z.number().int().positive();
export const Empty = z.object({}).strict();
export const VoidInput = z.object({ id: Id, reason: z.string().trim().min(1, '请填写作废原因').max(200, '原因不超过200字') });

/** "YYYY-MM-DD" calendar date (local to the estate), or null */
export const DateStr = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，如 2026-03-15')
  // 2026-02-30 matches the pattern; a Date would silently roll it over to March
  .refine((v) => {
    const [y, m, d] = v.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '没有这一天，请核对日期');
export const OptDate = DateStr.nullable().optional();
/** UTC ISO instant */
export const Instant = z.string();

/** optional free text: blank becomes null so forms can send what they have */
export const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过${max}字`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const reqText = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);

/** a file's name as the user sees it: what Windows and most file systems take (255 characters) */
const FileName = z.string({ message: '请填写文件名' }).min(1, '请填写文件名').max(255, '文件名不超过255字');

/** a file handed from the renderer to main as bytes (works the same over IPC and HTTP) */
export const FileUpload = z.object({
  fileName: FileName,
  dataBase64: z.string().min(1, '文件为空'),
});

export const SavedFile = z.object({ fileName: FileName, dataBase64: z.string() });
