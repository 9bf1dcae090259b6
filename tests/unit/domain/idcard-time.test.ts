import { describe, expect, it } from 'vitest';
import { idChecksumOk, idNumberWarning, maskIdNumber } from '../../../shared/domain/idcard';
import { cstDate, cstDateTime, cstMonthBounds, cstDayBounds, fromCst } from '../../../shared/domain/time';
import { toHalfWidth, normalisePhone, phoneWarning, normalisePlate } from '../../../shared/domain/text';

describe('GB 11643 ID numbers', () => {
  // 11010519491231002X is the standard's own worked example
  it('accepts a valid checksum, including X', () => {
    expect(idChecksumOk('11010519491231002X')).toBe(true);
    expect(idNumberWarning('身份证', '11010519491231002x')).toBeNull();
  });
  it('warns on a wrong check digit, a bad date or a wrong length', () => {
    expect(idNumberWarning('身份证', '110105194912310021')).toMatch('校验位');
    expect(idNumberWarning('身份证', '110105194913310020')).toMatch('出生日期');
    expect(idNumberWarning('身份证', '1101051949')).toMatch('18位');
    expect(idNumberWarning('护照', 'E12345678')).toBeNull();
  });
  it('masks all but the first 3 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('Asia/Shanghai time, whatever the machine zone', () => {
  it('runs in a non-Chinese zone here', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(-480);
  });
  it('shows instants in CST', () => {
    expect(cstDateTime('2026-10-31T16:30:00.000Z')).toBe('2026-11-01 00:30');
    expect(cstDate('2026-10-31T15:59:59.000Z')).toBe('2026-10-31');
    expect(cstDate('2026-10-31T16:00:00.000Z')).toBe('2026-11-01');
    expect(cstDateTime('2026-12-31T15:59:59.000Z', true)).toBe('2026-12-31 23:59:59');
    expect(cstDateTime(Date.UTC(2026, 11, 31, 16, 0, 5), true)).toBe('2027-01-01 00:00:05');
    expect(cstDateTime(new Date('2026-06-01T00:10:00+08:00'))).toBe('2026-06-01 00:10');
  });
  it('formats years outside 0–9999 by their parts instead of an extended ISO string', () => {
    expect(cstDate('+010000-01-01T00:00:00.000Z')).toBe('10000-01-01');
    expect(cstDateTime('+010000-01-01T00:00:00.000Z')).toBe('10000-01-01 08:00');
  });
  it('bounds days and months in CST', () => {
    expect(cstMonthBounds('2026-10')).toEqual({ start: '2026-09-30T16:00:00.000Z', end: '2026-10-31T16:00:00.000Z' });
    expect(cstMonthBounds('2026-12').end).toBe('2026-12-31T16:00:00.000Z');
    expect(cstDayBounds('2026-11-22').start).toBe('2026-11-21T16:00:00.000Z');
    expect(fromCst(2026, 11, 22, 8, 0).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });
});

describe('text normalisation', () => {
  it('folds full-width characters', () => {
    expect(toHalfWidth('３栋１５０２　Ａ')).toBe('3栋1502 A');
  });
  it('normalises phones and plates', () => {
    expect(normalisePhone('138 1234-5678')).toBe('13812345678');
    expect(phoneWarning('138 1234 5678')).toBeNull();
    expect(phoneWarning('12345')).not.toBeNull();
    expect(normalisePlate('粤b·12345')).toBe('粤B12345');
  });
});
