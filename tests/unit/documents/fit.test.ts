import { describe, expect, it } from 'vitest';
import { CONTINUED, fitText, linesFor } from '../../../electron/core/documents/fit';

const repeat = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

describe('what fits a box on the printout', () => {
  it('counts a Chinese character as one em and a digit as less, and starts a line at every typed break', () => {
    // 10 pt is 3.53 mm: a 35.3 mm column holds about 10 Chinese characters (less the safety margin)
    expect(linesFor('一二三四五六七八九', 10, 35.3)).toBe(1);
    expect(linesFor('一二三四五六七八九十一二', 10, 35.3)).toBe(2);
    expect(linesFor('1234567890123', 10, 35.3)).toBe(1);
    expect(linesFor('一\n二\n\n三', 10, 35.3)).toBe(4);
  });

  it('keeps the largest size a text fits at, and shrinks a longer one', () => {
    const box = { widthMm: 157, heightMm: 50 };
    expect(fitText('厨房水龙头漏水', box)).toMatchObject({ sizePt: 10.5, truncated: false, text: '厨房水龙头漏水' });
    const long = fitText(repeat('卫生间顶棚漏水，楼上住户装修后开始渗水。', 500), box);
    expect(long.truncated).toBe(false);
    expect(long.sizePt).toBeLessThan(10.5);
    expect(long.sizePt).toBeGreaterThanOrEqual(8);
  });

  it('cuts what does not fit even at the smallest size, marking the continuation', () => {
    const text = repeat('卫生间顶棚漏水，楼上住户装修后开始渗水。', 2000);
    const fit = fitText(text, { widthMm: 157, heightMm: 50 });
    expect(fit).toMatchObject({ truncated: true, sizePt: 8 });
    expect(fit.text.endsWith(CONTINUED)).toBe(true);
    expect(text.startsWith(fit.text.slice(0, -CONTINUED.length))).toBe(true);
    expect(linesFor(fit.text, 8, 157) * 8 * (25.4 / 72) * fit.lineHeight).toBeLessThanOrEqual(50);
  });
});
