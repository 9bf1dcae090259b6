import type { z } from 'zod';

// zod's own words for a refusal a schema does not word itself, in the Chinese a person at the counter
// reads: 类型 names in Chinese (文本, 数字 …), lengths in 字 and 项, the options of a choice listed.
// zod's zh-CN locale said "无效输入：期望 string，实际接收 数字". Main (electron/core/zod-locale.ts) and
// the window (renderer/src/main.tsx) both install it, so a form refuses in the words main would use.

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '“是/否”',
  date: '日期',
  Date: '日期',
  array: '列表',
  tuple: '列表',
  set: '列表',
  object: '对象',
  record: '对象',
  map: '对象',
  file: '文件',
  File: '文件',
  null: '空值',
  undefined: '空值',
  nan: '无效数字',
  Infinity: '无穷大',
};
const typeName = (t: string) => TYPE_NAMES[t] ?? '其他内容';

/** what a value is, in the words above (zod's parsedType, with class instances as 其他内容) */
function kindOf(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (input instanceof Date) return '日期';
  if (typeof input === 'number') return Number.isNaN(input) ? '无效数字' : Number.isFinite(input) ? '数字' : '无穷大';
  if (typeof input === 'object') return Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null ? '对象' : '其他内容';
  return typeName(typeof input);
}

/** a value shown inside a message: short, and true/false/null in words */
function shown(v: unknown): string {
  if (v === true) return '是';
  if (v === false) return '否';
  if (v === null || v === undefined) return '空';
  const s = typeof v === 'bigint' ? v.toString() : String(v);
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/**
 * "请从以下选择：「电话」、「上门」…" (ten at most). Options that are the program's own codes
 * ('receivedAt', 'dispatch') are chosen from a list in the window and mean nothing to read: not listed.
 */
function choose(values: readonly unknown[]): string {
  if (!values.some((v) => typeof v === 'string' && /\p{Script=Han}/u.test(v))) return '请从列表中选择';
  const list = values.slice(0, 10).map((v) => `「${shown(v)}」`);
  return `请从以下选择：${values.length > 10 ? `${list.join('、')} 等` : list.join('、')}`;
}

function number(n: number | bigint): string {
  return typeof n === 'number' && !Number.isInteger(n) ? String(Number(n.toFixed(6))) : n.toString();
}

function dateText(n: number | bigint): string {
  const t = new Date(Number(n));
  return Number.isNaN(t.getTime()) ? number(n) : t.toISOString().slice(0, 10);
}

function bytesText(n: number | bigint): string {
  const b = Number(n);
  return b >= 1024 * 1024 ? `${number(b / 1024 / 1024)} MB` : b >= 1024 ? `${number(b / 1024)} KB` : `${b} 字节`;
}

/** the size words of each origin: 文本 counts 字, lists count 项 */
function tooBig(issue: { origin: string; maximum: number | bigint; inclusive?: boolean; exact?: boolean }): string {
  const max = issue.maximum;
  switch (issue.origin) {
    case 'string':
      return issue.exact ? `应为${number(max)}字` : `不超过${number(issue.inclusive === false ? Number(max) - 1 : max)}字`;
    case 'array':
    case 'set':
    case 'map':
    case 'record':
      return issue.exact ? `应为${number(max)}项` : `最多${number(issue.inclusive === false ? Number(max) - 1 : max)}项`;
    case 'file':
      return `文件不超过${bytesText(max)}`;
    case 'date':
      return issue.inclusive === false ? `应早于${dateText(max)}` : `不能晚于${dateText(max)}`;
    default:
      if (Number(max) >= Number.MAX_SAFE_INTEGER) return '数字过大';
      return issue.inclusive === false ? `应小于${number(max)}` : `不能大于${number(max)}`;
  }
}

function tooSmall(issue: { origin: string; minimum: number | bigint; inclusive?: boolean; exact?: boolean }): string {
  const min = issue.minimum;
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return `应为${number(min)}字`;
      if (Number(min) <= 1) return '请填写此项';
      return `至少${number(issue.inclusive === false ? Number(min) + 1 : min)}字`;
    case 'array':
    case 'set':
    case 'map':
    case 'record':
      if (issue.exact) return `应为${number(min)}项`;
      if (Number(min) <= 1) return '请至少选择一项';
      return `至少${number(issue.inclusive === false ? Number(min) + 1 : min)}项`;
    case 'file':
      return Number(min) <= 1 ? '文件为空' : `文件至少${bytesText(min)}`;
    case 'date':
      return issue.inclusive === false ? `应晚于${dateText(min)}` : `不能早于${dateText(min)}`;
    default:
      if (Number(min) <= Number.MIN_SAFE_INTEGER) return '数字过小';
      return issue.inclusive === false ? `应大于${number(min)}` : `不能小于${number(min)}`;
  }
}

const FORMATS: Record<string, string> = {
  email: '邮箱地址',
  url: '网址',
  datetime: '日期时间',
  date: '日期',
  time: '时间',
  duration: '时长',
  ipv4: 'IP 地址',
  ipv6: 'IP 地址',
  base64: '文件内容',
  base64url: '文件内容',
  json_string: '数据',
  e164: '电话号码',
};

type Issue = z.core.$ZodRawIssue;

/** one branch's refusals of a union that failed: the branch that came nearest */
function unionMessage(issue: Extract<Issue, { code: 'invalid_union' }>): string {
  // a discriminated union whose discriminator matched no option
  const choices = (issue as { options?: readonly unknown[] }).options;
  if (choices?.length) return choose(choices);
  const branches = issue.errors.filter((e) => e.length > 0);
  if (!branches.length) return '内容不符合要求';
  // every branch refused the value's type: "应为文本或数字"
  if (branches.every((b) => b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0)) {
    const expected = [...new Set(branches.map((b) => typeName((b[0] as { expected: string }).expected)))];
    return `应为${expected.join('或')}，收到的是${kindOf(issue.input)}`;
  }
  const nearest = branches.reduce((a, b) => (b.length < a.length ? b : a));
  return nearest[0].message;
}

/** zod's error map: a Chinese sentence for every issue a schema leaves unworded */
export function chineseZodError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'nonoptional' || issue.input === undefined) return '请填写此项';
      if (issue.input === null) return '此项不能为空';
      if (issue.expected === 'never') return '此项不应填写';
      if (issue.expected === 'int' && typeof issue.input === 'number' && Number.isFinite(issue.input)) return '应为整数';
      return `应为${typeName(issue.expected)}，收到的是${kindOf(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 && /\p{Script=Han}/u.test(String(issue.values[0])) ? `应为「${shown(issue.values[0])}」` : choose(issue.values);
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format': {
      if (issue.format === 'starts_with' && 'prefix' in issue) return `应以「${shown(issue.prefix)}」开头`;
      if (issue.format === 'ends_with' && 'suffix' in issue) return `应以「${shown(issue.suffix)}」结尾`;
      if (issue.format === 'includes' && 'includes' in issue) return `应包含「${shown(issue.includes)}」`;
      return `${FORMATS[issue.format] ?? ''}格式不正确`;
    }
    case 'not_multiple_of': {
      const d = Number(issue.divisor);
      if (d > 0 && d < 1) return `最多${Math.round(-Math.log10(d))}位小数`;
      return `应为${number(issue.divisor)}的倍数`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map((k) => `「${shown(k)}」`);
      return `含有不认识的项：${keys.join('、')}${issue.keys.length > 3 ? ' 等' : ''}`;
    }
    case 'invalid_key':
      return '其中有无效的名称';
    case 'invalid_element':
      return '其中有无效的内容';
    case 'invalid_union':
      return unionMessage(issue);
    default:
      return '输入有误';
  }
}
