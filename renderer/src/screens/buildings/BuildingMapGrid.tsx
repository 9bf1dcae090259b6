import { memo, useMemo } from 'react';
import type { BuildingMapT } from '../../../../shared/contract/archives';
import { layoutBuilding, type MapCellT } from './buildingGrid';
import { STATUS_STYLE, type HouseStatusT } from './statusStyle';
import classes from './BuildingMapGrid.module.css';

/**
 * The building drawn as it stands: floors top to bottom, units left to right.
 * Floor labels and unit headers stay put while a 40-storey tower scrolls under them.
 */
export const BuildingMapGrid = memo(function BuildingMapGrid({
  map,
  highlight,
  onOpen,
}: {
  map: BuildingMapT;
  highlight: HouseStatusT | null;
  onOpen: (houseId: number) => void;
}) {
  const grid = useMemo(() => layoutBuilding(map), [map]);
  const starts = useMemo(() => unitStarts(grid.units), [grid]);

  return (
    <div className={classes.scroller} data-testid="building-map" data-highlight={highlight ?? undefined}>
      <table className={classes.table}>
        <thead>
          <tr className={classes.unitRow}>
            <th className={classes.corner} rowSpan={2}>
              楼层
            </th>
            {grid.units.map((u) => (
              <th key={u.key} colSpan={u.columns.length} className={classes.unitHead}>
                {u.title}
              </th>
            ))}
          </tr>
          <tr className={classes.posRow}>
            {grid.units.map((u) =>
              u.columns.map((c, i) => (
                <th key={`${u.key}-${c.label}`} className={i === 0 ? `${classes.posHead} ${classes.unitStart}` : classes.posHead}>
                  {c.label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={String(row.floor)}>
              <th className={classes.floor} scope="row">
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i} className={starts.has(i) ? classes.unitStart : undefined}>
                  {cell ? <Cell cell={cell} dim={highlight !== null && cell.status !== highlight} onOpen={onOpen} /> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** column indexes where a new unit begins: drawn with a gap so units read as blocks */
function unitStarts(units: { columns: unknown[] }[]): Set<number> {
  const s = new Set<number>();
  let i = 0;
  for (const u of units) {
    s.add(i);
    i += u.columns.length;
  }
  return s;
}

function Cell({ cell, dim, onOpen }: { cell: MapCellT; dim: boolean; onOpen: (houseId: number) => void }) {
  const style = STATUS_STYLE[cell.status];
  const second = cell.ownerNames ?? (cell.type !== '住宅' ? cell.type : '—');
  return (
    <button
      type="button"
      className={classes.cell}
      data-dim={dim || undefined}
      data-status={cell.status}
      data-testid="map-cell"
      style={{ background: style.bg, borderColor: style.border, color: style.text }}
      title={`${cell.roomNo}　${cell.ownerNames ?? '未登记业主'}　${cell.status}${cell.type !== '住宅' ? `　${cell.type}` : ''}`}
      onClick={() => onOpen(cell.id)}
    >
      <span className={classes.room}>{cell.roomNo}</span>
      <span className={classes.owner}>{second}</span>
    </button>
  );
}
