import type { Rng } from './prng';

// 居民身份证 area codes: mostly Shenzhen districts, some home towns of people who moved there.
const AREAS: readonly (readonly [string, number])[] = [
  ['440303', 10],
  ['440304', 12],
  ['440305', 12],
  ['440306', 10],
  ['440307', 10],
  ['440308', 3],
  ['441302', 4],
  ['440105', 4],
  ['445102', 3],
  ['440513', 3],
  ['430104', 3],
  ['360102', 2],
  ['420106', 2],
  ['450103', 2],
  ['510107', 2],
  ['350102', 2],
];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** "YYYY-MM-DD" between two years, inclusive. */
export function birthDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(rng.int(1, days))}`;
}

/** A valid 18-digit number: the 17th digit is odd for men, even for women. */
export function idNumber(rng: Rng, birthday: string, gender: '男' | '女'): string {
  const area = rng.weighted(AREAS);
  let seq = rng.int(0, 999);
  if ((seq % 2 === 1) !== (gender === '男')) seq = (seq + 1) % 1000;
  const first17 = area + birthday.replace(/-/g, '') + pad(seq, 3);
  return first17 + idCheckChar(first17);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
}

// plates avoid I and O (not used on Chinese plates)
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 粤B + 5 characters, or a green new-energy 粤B + D/F + 5 digits. */
export function plate(rng: Rng): string {
  if (rng.chance(0.15)) return `粤B${rng.pick(['D', 'F'])}${pad(rng.int(0, 99_999), 5)}`;
  const chars: string[] = [];
  const letterAt = rng.chance(0.6) ? rng.int(0, 4) : -1;
  for (let i = 0; i < 5; i++) chars.push(i === letterAt ? rng.pick(LETTERS.split('')) : String(rng.int(0, 9)));
  return `粤B${chars.join('')}`;
}
