import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../../electron/core/search/format';
import { planQuery } from '../../../electron/core/search/query';

describe('maskPhone', () => {
  it('hides the middle of a mobile and keeps the last four', () => {
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0755-88886666')).toBe('075*****6666');
    expect(maskPhone('123456')).toBe('**3456');
    expect(maskPhone(null)).toBe('');
  });
});

describe('planQuery', () => {
  it('reads one text in every way that applies', () => {
    expect(planQuery('1502')).toMatchObject({ room: { room: '1502' }, phoneTail: '1502', name: null, letters: null });
    expect(planQuery('3-2-1502')).toMatchObject({ room: { building: '3', unit: '2', room: '1502' }, phoneTail: null });
    expect(planQuery('ＺＳ')).toMatchObject({ letters: 'zs', room: null, plate: null });
    expect(planQuery('粤b 123')).toMatchObject({ plate: '粤B123', name: null });
    expect(planQuery('张三')).toMatchObject({ name: '张三', plate: null, room: null });
  });
});
