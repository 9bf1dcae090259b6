import { pinyin } from 'pinyin-pro';
import { normalisePhone } from '../../../shared/domain/text';

/**
 * Derived columns that make a person findable as staff type: pinyin initials ("zs" for 张三,
 * surname readings respected: 曾 → z, 单 → s), full pinyin, phone digits for tail matching.
 * Every writer of `people` (forms, roster import, demo) must use this.
 */
export function personSearchFields(name: string, phone: string | null | undefined) {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const full = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const digits = phone ? normalisePhone(phone).replace(/\D/g, '') : '';
  return { name_initials: initials, name_pinyin: full, phone_digits: digits || null };
}
