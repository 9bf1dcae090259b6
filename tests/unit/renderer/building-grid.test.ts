import { describe, expect, it } from 'vitest';
import { floorLabel, layoutBuilding, unitTitle, buildingTitle, type MapCellT } from '../../../renderer/src/screens/buildings/buildingGrid';

let nextId = 1;
const cell = (unitName: string | null, roomNo: string, floor: number | null, ownerNames: string | null = null): MapCellT => ({
  id: nextId++,
  unitName,
  roomNo,
  floor,
  ownerNames,
  status: '已入住',
  type: '住宅',
});

describe('layoutBuilding', () => {
  it('draws top floor first, units left to right, rooms by position on the floor', () => {
    const cells = [cell('1', '101', 1), cell('1', '102', 1), cell('1', '201', 2), cell('1', '202', 2), cell('2', '101', 1), cell('2', '1502', 15)];
    const g = layoutBuilding({
      units: [
        { id: 1, name: '1' },
        { id: 2, name: '2' },
      ],
      cells,
    });
    expect(g.units.map((u) => [u.title, u.columns.map((c) => c.label)])).toEqual([
      ['1单元', ['01', '02']],
      ['2单元', ['01', '02']],
    ]);
    expect(g.rows.map((r) => r.label)).toEqual(['15层', '2层', '1层']);
    // 1502 sits in unit 2, column "02", top row; the rest of that row is empty
    expect(g.rows[0].cells.map((c) => c?.roomNo ?? null)).toEqual([null, null, null, '1502']);
    expect(g.rows[2].cells.map((c) => c?.roomNo ?? null)).toEqual(['101', '102', '101', null]);
  });

  it('guesses the floor from the room number and keeps odd rooms and collisions visible', () => {
    const cells = [cell(null, '1201', null), cell(null, 'S01', null), cell(null, '1201', 12, '重复')];
    const g = layoutBuilding({ units: [], cells });
    expect(g.units).toHaveLength(1);
    expect(g.units[0].title).toBe('不分单元');
    expect(g.rows.map((r) => r.label)).toEqual(['12层', '其他']);
    const placed = g.rows.flatMap((r) => r.cells).filter((c): c is MapCellT => c !== null);
    // every house appears exactly once, none is lost to a collision
    expect(placed.map((c) => c.id).sort()).toEqual(cells.map((c) => c.id).sort());
  });

  it('skips units without houses and orders units named in cells after the listed ones', () => {
    const g = layoutBuilding({
      units: [
        { id: 1, name: '3' },
        { id: 2, name: '1' },
      ],
      cells: [cell('1', '301', 3), cell('9', '301', 3)],
    });
    expect(g.units.map((u) => u.title)).toEqual(['1单元', '9单元']);
  });
});

describe('labels', () => {
  it('adds 栋/单元 only when missing and writes basements as B1', () => {
    expect(buildingTitle('3')).toBe('3栋');
    expect(buildingTitle('3号楼')).toBe('3号楼');
    expect(buildingTitle('A座')).toBe('A座');
    expect(buildingTitle('商业街')).toBe('商业街');
    expect(unitTitle('2单元')).toBe('2单元');
    expect(floorLabel(-1)).toBe('B1');
  });
});
