import { z } from 'zod';

export const Id = z.number().int().positive();
export const Empty = z.object({}).strict();
export const VoidInput = z.object({ id: Id, reason: z.string().trim().min(1, '请填写作废原因').max(200, '原因不超过200字') });

/** the years a date may fall in: birthdays from 1900, leases and plans to 2100 (anything else is a typo the code would carry on with) */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;
const yearMessage = `年份应在${YEAR_RANGE.min}至${YEAR_RANGE.max}之间`;
/** 2026-02-30 matches the pattern; a Date would silently roll it over to March */
const isRealDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const inYears = (v: string) => {
  const y = Number(v.slice(0, 4));
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** "YYYY-MM-DD" calendar date (local to the estate), or null */
export const DateStr = z
  .string({ message: '请填写日期，如 2026-03-15' })
  .regex(DAY, '日期格式应为 年-月-日，如 2026-03-15')
  // each check speaks only of a string of the right shape (zod runs them all)
  .refine((v) => !DAY.test(v) || inYears(v), yearMessage)
  .refine((v) => {
    const [y, m, d] = v.split('-').map(Number);
    return !DAY.test(v) || isRealDay(y, m, d);
  }, '没有这一天，请核对日期');
export const OptDate = DateStr.nullable().optional();

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const instantMessage = '时间无效，请重新选择日期和时间';
/**
 * UTC ISO instant, as the renderer sends it (toISOString: 2026-03-15T01:30:00.000Z; an offset is
 * taken too). Nothing else: Date would read "5" as May 2001 and "+275760-09-13" as a date.
 */
export const Instant = z
  .string({ message: instantMessage })
  .regex(INSTANT, instantMessage)
  .refine((v) => {
    const m = INSTANT.exec(v);
    return !m || isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
  }, instantMessage)
  .refine((v) => !INSTANT.test(v) || inYears(v), yearMessage);

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
