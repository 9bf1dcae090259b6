import { describe, expect, it } from 'vitest';
import { parseRoom, normaliseCode, floorOfRoom } from '../../../shared/domain/room';

describe('parseRoom — how staff and rosters write a room', () => {
  it.each([
    ['3-2-1502', { building: '3', unit: '2', room: '1502' }],
    ['3栋2单元1502', { building: '3', unit: '2', room: '1502' }],
    ['3栋2单元1502室', { building: '3', unit: '2', room: '1502' }],
    ['3号楼2单元1502', { building: '3', unit: '2', room: '1502' }],
    ['３栋２单元１５０２', { building: '3', unit: '2', room: '1502' }],
    ['3幢二单元301', { building: '3', unit: '2', room: '301' }],
    ['3#1502', { building: '3', room: '1502' }],
    ['A座1502', { building: 'A', room: '1502' }],
    ['12-1502', { building: '12', room: '1502' }],
    ['1502', { room: '1502' }],
    [' 1502 ', { room: '1502' }],
  ])('%s', (raw, expected) => {
    expect(parseRoom(raw)).toEqual(expected);
  });

  it('rejects text that is not a room', () => {
    expect(parseRoom('张三')).toBeNull();
    expect(parseRoom('')).toBeNull();
    expect(parseRoom('12')).toBeNull();
  });

  it('normalises codes and implies floors', () => {
    expect(normaliseCode('03栋')).toBe('3');
    expect(normaliseCode('2单元')).toBe('2');
    expect(normaliseCode('Ａ座')).toBe('A');
    expect(floorOfRoom('1502')).toBe(15);
    expect(floorOfRoom('302')).toBe(3);
    expect(floorOfRoom('B102')).toBeNull();
  });
});
