import type { Rng } from './prng';

/** One building of the demo estate and which of its rooms get built. */
export interface BuildingPlan {
  code: string;
  floors: number;
  /** 0 = a tower without units */
  units: number;
  roomsPerFloor: number;
  kind: 'block' | 'tower';
  /** floor-1 rooms of this building are shops */
  shops: boolean;
  rooms: RoomPlan[];
}
export interface RoomPlan {
  unit: number | null;
  floor: number;
  /** 1-based position on the floor: 1502 = floor 15, room 02 */
  pos: number;
  roomNo: string;
  area: number;
  type: '住宅' | '商铺';
}

const BLOCK = { floors: 6, units: 2, roomsPerFloor: 2 }; // 多层: 6 storeys, 2 units, 2 flats per landing
const TOWER = { floors: 32, units: 0, roomsPerFloor: 4 }; // 高层: 32 storeys, 4 flats per floor
const TOWER_SIZE = TOWER.floors * TOWER.roomsPerFloor;
const BLOCK_SIZE = BLOCK.floors * BLOCK.units * BLOCK.roomsPerFloor;

/**
 * Blocks first (1栋, 2栋 …), towers after, exactly `houses` rooms in all. About three quarters
 * of the homes are in towers; there is always at least one tower, whose ground floor is shops.
 * The last building is filled from the bottom floor up when the count does not divide evenly.
 */
export function planLayout(houses: number, rng: Rng): BuildingPlan[] {
  const towers = Math.max(1, Math.floor((houses * 0.75) / TOWER_SIZE));
  const inTowers = Math.min(houses, towers * TOWER_SIZE);
  const blocks = Math.ceil((houses - inTowers) / BLOCK_SIZE);
  const plans: BuildingPlan[] = [];
  let left = houses - inTowers;
  for (let i = 0; i < blocks; i++) {
    plans.push(fill({ code: String(plans.length + 1), ...BLOCK, kind: 'block', shops: false, rooms: [] }, Math.min(left, BLOCK_SIZE), rng));
    left -= BLOCK_SIZE;
  }
  left = inTowers;
  for (let i = 0; i < towers; i++) {
    plans.push(fill({ code: String(plans.length + 1), ...TOWER, kind: 'tower', shops: i === 0, rooms: [] }, Math.min(left, TOWER_SIZE), rng));
    left -= TOWER_SIZE;
  }
  return plans;
}

function fill(plan: BuildingPlan, count: number, rng: Rng): BuildingPlan {
  // every floor of a stack has the same floor plan, so the area belongs to (unit, position)
  const units = Math.max(1, plan.units);
  const stackArea = new Map<string, number>();
  for (let u = 1; u <= units; u++) for (let p = 1; p <= plan.roomsPerFloor; p++) stackArea.set(`${u}:${p}`, rng.float(80, 145));
  for (let floor = 1; floor <= plan.floors && plan.rooms.length < count; floor++) {
    for (let u = 1; u <= units && plan.rooms.length < count; u++) {
      for (let p = 1; p <= plan.roomsPerFloor && plan.rooms.length < count; p++) {
        const shop = plan.shops && floor === 1;
        plan.rooms.push({
          unit: plan.units ? u : null,
          floor,
          pos: p,
          roomNo: `${floor}${String(p).padStart(2, '0')}`,
          area: shop ? rng.float(40, 120) : (stackArea.get(`${u}:${p}`) ?? 90),
          type: shop ? '商铺' : '住宅',
        });
      }
    }
  }
  return plan;
}
