/** 交付入住: a building's delivery day. Filled in by the move-in work of issue 8. */
export function DeliveryScreen(_props: { estateId: number; buildingId?: number }) {
  return null;
}
