/** 装修登记 and 搬迁放行 on the household screen: filled in by the renovation work of issue 8. */
export function RenovationSection(_props: { houseId: number; readOnly: boolean; onChanged(): void }) {
  return null;
}
