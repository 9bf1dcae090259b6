import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { createBuilding, createEstate, listBuildings, listEstates, updateEstate } from './places';
import { buildingMap, createHouse, updateHouse, voidHouse } from './houses';
import { addParking, addVehicle, voidParking, voidVehicle } from './vehicles';
import { addCommunication } from './communications';

// people.ts computes the pinyin search columns (pinyin-pro): it and household.ts (which reads through it)
// load on first use (docs/PERFORMANCE.md, "Start")
const people = () => import('./people');

export function archivesHandlers(ctx: CoreContext): HandlerGroup<'archives.'> {
  return {
    'archives.estates.list': () => listEstates(ctx),
    'archives.estates.create': (i) => createEstate(ctx, i),
    'archives.estates.update': (i) => updateEstate(ctx, i),
    'archives.buildings.list': (i) => listBuildings(ctx, i.estateId),
    'archives.buildings.create': (i) => createBuilding(ctx, i),
    'archives.buildings.map': (i) => buildingMap(ctx, i.buildingId),
    'archives.houses.create': (i) => createHouse(ctx, i),
    'archives.houses.update': (i) => updateHouse(ctx, i),
    'archives.houses.void': (i) => voidHouse(ctx, i.id, i.reason),
    'archives.household.get': async (i) => (await import('./household')).getHousehold(ctx, i.houseId),
    'archives.people.find': async (i) => (await people()).findPeople(ctx, i.query, i.limit ?? 10),
    'archives.people.duplicates': async (i) => (await people()).findDuplicates(ctx, i),
    'archives.people.attach': async (i) => (await people()).attachPerson(ctx, i),
    'archives.people.update': async (i) => (await people()).updatePerson(ctx, i),
    'archives.people.moveOut': async (i) => (await people()).moveOut(ctx, i),
    'archives.vehicles.add': (i) => addVehicle(ctx, i),
    'archives.vehicles.void': (i) => voidVehicle(ctx, i.id, i.reason),
    'archives.parking.add': (i) => addParking(ctx, i),
    'archives.parking.void': (i) => voidParking(ctx, i.id, i.reason),
    'archives.communications.add': (i) => addCommunication(ctx, i),
  };
}
