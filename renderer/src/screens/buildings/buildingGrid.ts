import { floorOfRoom } from '../../../../shared/domain/room';
import type { BuildingMapT } from '../../../../shared/contract/archives';

export type MapCellT = BuildingMapT['cells'][number];

export interface GridColumn {
  /** the room's position on its floor, e.g. "02" for 1502 */
  label: string;
}
export interface GridUnit {
  key: string;
  title: string;
  columns: GridColumn[];
}
export interface GridRow {
  floor: number | null;
  label: string;
  /** one entry per column, units left to right */
  cells: (MapCellT | null)[];
}
export interface BuildingGrid {
  units: GridUnit[];
  rows: GridRow[];
}

/** "2" → "2单元"; names that already say 单元 stay as they are. */
export function unitTitle(name: string | null): string {
  if (!name) return '不分单元';
  return /单元$/.test(name) ? name : `${name}单元`;
}

/** A bare code gets its 栋: "3" → "3栋", "A" → "A栋"; "3号楼", "A座", "商业街" stay as they are. */
export function buildingTitle(name: string): string {
  return /^[0-9A-Za-z-]+$/.test(name) ? `${name}栋` : name;
}

export function floorLabel(floor: number | null): string {
  if (floor === null) return '其他';
  return floor < 0 ? `B${-floor}` : `${floor}层`;
}

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

function floorOf(cell: MapCellT): number | null {
  return cell.floor ?? floorOfRoom(cell.roomNo);
}

/** 1502 on floor 15 sits in column "02"; rooms that do not follow the pattern get their own column. */
function positionOf(cell: MapCellT, floor: number | null): string {
  if (floor === null || floor <= 0) return cell.roomNo;
  const prefix = String(floor);
  return cell.roomNo.startsWith(prefix) && cell.roomNo.length > prefix.length ? cell.roomNo.slice(prefix.length) : cell.roomNo;
}

/**
 * Lays the houses out the way the building stands: top floor first, each unit a block of
 * columns, each column one position on the floor (…01, …02). Pure, so it is tested alone.
 */
export function layoutBuilding(map: Pick<BuildingMapT, 'units' | 'cells'>): BuildingGrid {
  const unitOrder: string[] = [];
  const unitNames = new Map<string, string | null>();
  const addUnit = (name: string | null) => {
    const key = name ?? '';
    if (!unitNames.has(key)) {
      unitNames.set(key, name);
      unitOrder.push(key);
    }
  };
  for (const u of map.units) addUnit(u.name);
  for (const c of map.cells) addUnit(c.unitName);

  // unit → position → floor → cell
  const placed = new Map<string, Map<string, Map<string, MapCellT>>>();
  const floors = new Set<number | null>();
  for (const cell of map.cells) {
    const unitKey = cell.unitName ?? '';
    const floor = floorOf(cell);
    floors.add(floor);
    const floorKey = String(floor);
    let byPos = placed.get(unitKey);
    if (!byPos) placed.set(unitKey, (byPos = new Map()));
    let pos = positionOf(cell, floor);
    // two houses claiming one spot (odd numbering): the later one gets a column of its own
    for (let n = 2; byPos.get(pos)?.has(floorKey); n++) pos = n === 2 ? cell.roomNo : `${cell.roomNo}（${n - 1}）`;
    let byFloor = byPos.get(pos);
    if (!byFloor) byPos.set(pos, (byFloor = new Map()));
    byFloor.set(floorKey, cell);
  }

  const units: GridUnit[] = [];
  const columnSlots: { unitKey: string; pos: string }[] = [];
  for (const key of unitOrder) {
    const byPos = placed.get(key);
    if (!byPos) continue; // a unit with no houses has nothing to draw
    const positions = [...byPos.keys()].sort(natural);
    units.push({ key, title: unitTitle(unitNames.get(key) ?? null), columns: positions.map((p) => ({ label: p })) });
    for (const pos of positions) columnSlots.push({ unitKey: key, pos });
  }

  const floorList = [...floors].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
  const rows: GridRow[] = floorList.map((floor) => ({
    floor,
    label: floorLabel(floor),
    cells: columnSlots.map(({ unitKey, pos }) => placed.get(unitKey)?.get(pos)?.get(String(floor)) ?? null),
  }));
  return { units, rows };
}
