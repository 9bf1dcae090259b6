import { Group, Text, UnstyledButton } from '@mantine/core';
import { STATUS_ORDER, STATUS_STYLE, type HouseStatusT } from './statusStyle';
import classes from './StatusLegend.module.css';

/** Legend, per-status counts and the highlight filter in one row: click a status to pick out its houses. */
export function StatusLegend({
  counts,
  highlight,
  onHighlight,
}: {
  counts: Record<string, number>;
  highlight: HouseStatusT | null;
  onHighlight: (s: HouseStatusT | null) => void;
}) {
  const total = STATUS_ORDER.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return (
    <Group gap={6} mb="sm" wrap="wrap" data-testid="status-legend">
      <UnstyledButton className={classes.item} data-active={highlight === null || undefined} onClick={() => onHighlight(null)}>
        <Text size="sm">全部</Text>
        <Text size="sm" c="dimmed" className="fd-tabular">
          {total}
        </Text>
      </UnstyledButton>
      {STATUS_ORDER.map((s) => {
        const n = counts[s] ?? 0;
        const style = STATUS_STYLE[s];
        return (
          <UnstyledButton
            key={s}
            className={classes.item}
            data-active={highlight === s || undefined}
            data-empty={n === 0 || undefined}
            onClick={() => onHighlight(highlight === s ? null : s)}
            title={highlight === s ? '再点一次显示全部' : `突出显示“${s}”的房屋`}
            data-testid={`status-filter-${s}`}
          >
            <span className={classes.swatch} style={{ background: style.bg, borderColor: style.border }} />
            <Text size="sm">{s}</Text>
            <Text size="sm" c="dimmed" className="fd-tabular">
              {n}
            </Text>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
