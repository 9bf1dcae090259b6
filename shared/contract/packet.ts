import { z } from 'zod';
import { Empty } from './common';

// The move-in packet's fixed texts (入住资料包, PRODUCT.md §4), edited in 设置 → 单据文字. Every
// text has a default shipped with the app; a stored text replaces it, null puts the default back.

export const DOCUMENT_TEXT_KEYS = ['noticeBody', 'whatToBring', 'processSteps', 'keysDefault', 'renovationRules', 'handbook', 'cardGreeting'] as const;
export type DocumentTextKeyT = (typeof DOCUMENT_TEXT_KEYS)[number];
export const DOCUMENT_TEXT_MAX = 5000;

/** what each text is, for the settings screen */
export const DOCUMENT_TEXT_INFO: Record<DocumentTextKeyT, { label: string; hint: string }> = {
  noticeBody: {
    label: '入住通知书正文',
    hint: '可用占位符：{{业主}} {{房号}} {{日期}} {{地点}} {{服务电话}}，打印时换成该户的内容',
  },
  whatToBring: { label: '办理入住须携带的资料', hint: '每行一项，印在入住通知书上' },
  processSteps: { label: '入住手续办理流程', hint: '每行一步：“办理事项|办理部门”，如“核验身份、领取资料|客服中心”' },
  keysDefault: { label: '钥匙清单', hint: '每行一种钥匙和数量，如“入户门钥匙 3”' },
  renovationRules: { label: '装修管理须知', hint: '每段一行；内容较多时自动缩小字号以印在一页内' },
  handbook: { label: '业户手册（摘录）', hint: '每段一行；内容较多时自动缩小字号以印在一页内' },
  cardGreeting: { label: '入住贺卡祝词', hint: '可用占位符：{{业主}} {{房号}}' },
};

const text = (label: string) =>
  z.string().max(DOCUMENT_TEXT_MAX, `${label}不超过${DOCUMENT_TEXT_MAX}字`).trim().min(1, `${label}不能为空；要用默认文字请点“恢复默认”`);

/** all the texts as printed: the stored ones, the defaults for the rest */
export const DocumentTexts = z.object(Object.fromEntries(DOCUMENT_TEXT_KEYS.map((k) => [k, z.string()])) as Record<DocumentTextKeyT, z.ZodString>);
export type DocumentTextsT = z.output<typeof DocumentTexts>;

/** the texts to change; null puts a text back to its default (恢复默认) */
export const DocumentTextsPatch = z.strictObject(
  Object.fromEntries(DOCUMENT_TEXT_KEYS.map((k) => [k, text(DOCUMENT_TEXT_INFO[k].label).nullable().optional()])) as Record<
    DocumentTextKeyT,
    z.ZodOptional<z.ZodNullable<ReturnType<typeof text>>>
  >,
  { error: (iss) => (iss.code === 'unrecognized_keys' ? '未知的单据文字' : undefined) },
);
export type DocumentTextsPatchT = z.output<typeof DocumentTextsPatch>;

export const DocumentTextsView = z.object({
  texts: DocumentTexts,
  /** the shipped defaults, so the screen can show what 恢复默认 gives */
  defaults: DocumentTexts,
  /** keys whose stored text differs from the default */
  customised: z.array(z.enum(DOCUMENT_TEXT_KEYS)),
});
export type DocumentTextsViewT = z.output<typeof DocumentTextsView>;

export const packetChannels = {
  'documents.texts.get': { input: Empty, output: DocumentTextsView },
  'documents.texts.update': { input: DocumentTextsPatch, output: DocumentTextsView },
} as const;
