import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';

/** Wrong or missing arguments: the CLI prints the command's usage and exits with 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs with its English complaints turned into Chinese usage errors. */
export function parse<O extends Options>(argv: string[], options: O, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
    const m = err instanceof Error ? err.message.match(/'(-{1,2}[^' ]+)/) : null;
    const opt = m ? m[1] : '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知的选项 ${opt}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`选项 ${opt} 缺少取值或取值无效`);
    throw new UsageError(`参数无法识别（${err instanceof Error ? err.message : String(err)}）`);
  }
  if (parsed.positionals.length > maxPositionals) throw new UsageError(`多余的参数：${parsed.positionals.slice(maxPositionals).join(' ')}`);
  return parsed;
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少 ${flag}`);
  return value;
}

export function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${flag} 应为正整数，收到「${value}」`);
  return Number(value);
}

/**
 * Paths as the admin typed them. `npm run cli` runs in the package folder; npm keeps the folder
 * the command was typed in as INIT_CWD, and relative paths mean that one.
 */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}
