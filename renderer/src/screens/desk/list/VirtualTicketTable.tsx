import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { TicketRowT } from '../../../../../shared/contract/desk';
import { SlaBadge, TicketStatusBadge, TicketTypeBadge } from '../shared/badges';
import { when } from '../shared/format';
import classes from './TicketList.module.css';

export const ROW_HEIGHT = 40;
const OVERSCAN = 10;
/**
 * Browsers cap an element's height (Chromium at about 33 million px), so past this the spacer
 * stops growing and scroll positions are scaled: one pixel of scrollbar then moves more than one
 * pixel of rows. 500,000 rows (20 million px) scale by 1.3.
 */
const MAX_SPACER_PX = 15_000_000;
/** rows are placed relative to the start of their block of this many rows (see the layer below) */
const BLOCK_ROWS = 500;

export interface VirtualTicketTableHandle {
  /** put the keyboard on the list, on its first row */
  focusFirst(): void;
}

interface Props {
  /** null while the first page is on its way */
  total: number | null;
  rowAt(index: number): TicketRowT | undefined;
  /** the view shows these rows: fetch what is missing */
  want(first: number, last: number): void;
  /** bumped when pages arrive or the query changes (the rows are read from the hook's cache) */
  version: number;
  /** a new value scrolls back to the top (a new query) */
  resetKey: string;
  open(row: TicketRowT): void;
  empty: string;
}

/**
 * The ticket table, virtual: a spacer as tall as all rows, and only the rows in view (plus a
 * margin) in the DOM, each placed absolutely. Arrow keys, Page Up/Down, Home/End move a cursor
 * row, Enter opens it.
 */
export const VirtualTicketTable = forwardRef<VirtualTicketTableHandle, Props>(function VirtualTicketTable({ total, rowAt, want, resetKey, open, empty }, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [cursor, setCursor] = useState(-1);
  const count = total ?? 0;

  const fullPx = count * ROW_HEIGHT;
  const spacerPx = Math.min(fullPx, MAX_SPACER_PX);
  // virtual offset = scrollTop × scale; the last scroll position shows the last row exactly
  const scale = fullPx > spacerPx && spacerPx > viewport ? (fullPx - viewport) / (spacerPx - viewport) : 1;
  const virtualTop = scrollTop * scale;
  const first = Math.max(0, Math.floor(virtualTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((virtualTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
    setCursor(-1);
  }, [resetKey]);

  useEffect(() => {
    if (count > 0) want(first, last);
  }, [first, last, count, want]);

  /** scrolls so that row i is in view */
  const reveal = useCallback(
    (i: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = i * ROW_HEIGHT;
      let target: number;
      if (top < virtualTop) target = top;
      else if (top + ROW_HEIGHT > virtualTop + viewport) target = top + ROW_HEIGHT - viewport;
      else return;
      el.scrollTop = target / scale;
      setScrollTop(el.scrollTop);
    },
    [virtualTop, viewport, scale],
  );

  const moveCursor = useCallback(
    (i: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, i));
      setCursor(next);
      reveal(next);
    },
    [count, reveal],
  );

  const openAt = useCallback(
    (i: number, row: TicketRowT) => {
      setCursor(i);
      open(row);
    },
    [open],
  );

  useImperativeHandle(ref, () => ({
    focusFirst: () => {
      scroller.current?.focus();
      moveCursor(Math.max(0, Math.floor(virtualTop / ROW_HEIGHT)));
    },
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const at = cursor < 0 ? Math.floor(virtualTop / ROW_HEIGHT) - 1 : cursor;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveCursor(moves[e.key]);
    } else if (e.key === 'Enter' && cursor >= 0) {
      const row = rowAt(cursor);
      if (row) {
        e.preventDefault();
        open(row);
      }
    }
  };

  // Rows sit in a layer that moves with the scroll; inside it each row's offset is counted from
  // the start of a block of rows, so it stays the same while scrolling and memoised rows are
  // not redrawn each frame (only the layer moves).
  const block = Math.floor(first / BLOCK_ROWS) * BLOCK_ROWS;
  const layerTop = scrollTop + block * ROW_HEIGHT - virtualTop;
  const rows: ReactElement[] = [];
  for (let i = first; i <= last; i++) {
    const row = rowAt(i);
    const top = (i - block) * ROW_HEIGHT;
    rows.push(
      row ? (
        <TicketRowView key={row.id} row={row} index={i} top={top} isCursor={i === cursor} onOpen={openAt} />
      ) : (
        <PendingRow key={`s${i}`} index={i} top={top} />
      ),
    );
  }

  return (
    <div className={classes.table} role="table" aria-rowcount={count + 1} aria-label="工单列表">
      <div className={`${classes.row} ${classes.head}`} role="row">
        <span role="columnheader">工单号</span>
        <span role="columnheader">类型</span>
        <span role="columnheader">状态</span>
        <span role="columnheader">时限</span>
        <span role="columnheader">位置</span>
        <span role="columnheader">类别</span>
        <span role="columnheader">报事人</span>
        <span role="columnheader">处理部门/人</span>
        <span role="columnheader">受理时间</span>
      </div>
      <div
        ref={scroller}
        className={classes.scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        onFocus={() => cursor < 0 && count > 0 && setCursor(Math.min(count - 1, Math.ceil(virtualTop / ROW_HEIGHT)))}
        tabIndex={0}
        data-testid="ticket-list-scroller"
      >
        {total === 0 ? (
          <Stack align="center" justify="center" h="100%" gap={4}>
            <Text fw={500}>{empty}</Text>
          </Stack>
        ) : (
          <div style={{ height: spacerPx, position: 'relative' }}>
            <div className={classes.layer} style={{ transform: `translateY(${layerTop}px)` }}>
              {rows}
            </div>
          </div>
        )}
      </div>
    </div>
  );
});

interface RowViewProps {
  row: TicketRowT;
  index: number;
  top: number;
  isCursor: boolean;
  onOpen(index: number, row: TicketRowT): void;
}

/** One ticket; memoised, so scrolling redraws only the rows that come into view. */
const TicketRowView = memo(function TicketRowView({ row, index, top, isCursor, onOpen }: RowViewProps) {
  return (
    <div
      className={`${classes.row} ${classes.item} ${isCursor ? classes.cursor : ''}`}
      style={{ top }}
      onClick={() => onOpen(index, row)}
      role="row"
      aria-rowindex={index + 2}
      data-testid="ticket-list-row"
      data-index={index}
    >
      <span role="cell" className={classes.mono}>
        {row.no}
      </span>
      <span role="cell">
        <TicketTypeBadge type={row.type} urgent={row.urgency === '紧急'} />
      </span>
      <span role="cell">
        <TicketStatusBadge status={row.status} />
      </span>
      <span role="cell">
        <SlaBadge sla={row.sla} status={row.status} />
      </span>
      <span role="cell" className={classes.cut} title={`${row.location}：${row.summary}`}>
        {row.location}
      </span>
      <span role="cell" className={classes.cut} title={row.subcategory ? `${row.category}/${row.subcategory}` : row.category}>
        {row.category}
        {row.subcategory ? <span className={classes.sub}>/{row.subcategory}</span> : null}
      </span>
      <span role="cell" className={classes.cut}>
        {row.reporter ?? ''}
      </span>
      <span role="cell" className={classes.cut}>
        {row.department ? `${row.department}${row.assignee ? ` ${row.assignee}` : ''}` : <span className={classes.sub}>未派工</span>}
      </span>
      <span role="cell" className={classes.time}>
        {when(row.receivedAt)}
      </span>
    </div>
  );
});

/** A row whose page is on its way. */
const PendingRow = memo(function PendingRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      className={`${classes.row} ${classes.item} ${classes.pending}`}
      style={{ top }}
      role="row"
      aria-busy
      data-testid="ticket-list-pending"
      data-index={index}
    >
      <Skeleton height={12} radius="sm" style={{ gridColumn: '1 / -1' }} />
    </div>
  );
});

/** The retry line under the table when a page could not be fetched. */
export function PageError({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <Group justify="space-between" px="sm" py={6} className={classes.error}>
      <Text size="sm" c="red.8">
        加载失败：{message}
      </Text>
      <Button size="compact-sm" variant="light" color="red" onClick={onRetry}>
        重试
      </Button>
    </Group>
  );
}
