/** 交付入住 on the household screen: filled in by the move-in work of issue 8. */
export function MoveInSection(_props: { houseId: number; readOnly: boolean; onChanged(): void }) {
  return null;
}
