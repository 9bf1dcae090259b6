import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Input, MultiSelect, SegmentedControl, Select, Skeleton, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { TICKET_STATUSES, TICKET_TYPES, type DeskConfigT, type TicketRowT } from '../../../../../shared/contract/desk';
import type { BuildingT } from '../../../../../shared/contract/archives';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { useApp } from '../../../stores/app';
import { PageHeader } from '../../../components/PageHeader';
import { SlaBadge, TicketStatusBadge, TicketTypeBadge } from '../shared/badges';
import { when } from '../shared/format';
import { useTicketPages, type ListQuery } from './useTicketPages';
import classes from './TicketList.module.css';

const ROW = 40;
const OVERSCAN = 12;
const OPEN = ['已受理', '已派工', '处理中', '挂起'];

type Preset = 'overdue' | 'dueSoon' | 'open';

/** 工单列表: filtered, sorted and paged in the database; a virtual list keeps 500,000 rows smooth. */
export function TicketListScreen({ preset }: { preset?: Preset }) {
  const estateId = useApp((s) => s.estateId);
  const go = useNav((s) => s.go);
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [buildings, setBuildings] = useState<BuildingT[]>([]);
  const [status, setStatus] = useState<string[]>(preset === 'open' ? OPEN : []);
  const [type, setType] = useState<string[]>([]);
  const [category, setCategory] = useState<string | null>(null);
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [due, setDue] = useState<'all' | 'dueSoon' | 'overdue'>(preset === 'overdue' || preset === 'dueSoon' ? preset : 'all');
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 250);
  const [sort, setSort] = useState<'receivedAt' | 'due' | 'no'>(preset === 'overdue' || preset === 'dueSoon' ? 'due' : 'receivedAt');

  useEffect(() => {
    void unwrap(api['desk.config.get']({})).then(setConfig);
    if (estateId) void unwrap(api['archives.buildings.list']({ estateId })).then((b) => b && setBuildings(b));
  }, [estateId]);

  const query: ListQuery = useMemo(
    () => ({
      status: status.length ? (status as ListQuery['status']) : undefined,
      type: type.length ? (type as ListQuery['type']) : undefined,
      category: category ?? undefined,
      buildingId: buildingId ? Number(buildingId) : undefined,
      department: department ?? undefined,
      from: from || undefined,
      to: to || undefined,
      due: due === 'all' ? undefined : due,
      text: debouncedText.trim() || undefined,
      sort,
    }),
    [status, type, category, buildingId, department, from, to, due, debouncedText, sort],
  );
  const { total, rowAt, ensure, error } = useTicketPages(query);

  // virtual scrolling: only the rows in view (plus a margin) exist in the DOM
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [query]);
  const count = total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [first, last, count, ensure]);

  const rows: { index: number; row: TicketRowT | undefined }[] = [];
  for (let i = first; i <= last; i++) rows.push({ index: i, row: rowAt(i) });

  return (
    <>
      <PageHeader
        title="工单列表"
        subtitle={<span data-testid="ticket-list-total">{total === null ? '正在查询…' : `共 ${total.toLocaleString('zh-CN')} 条`}</span>}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => go({ name: 'intake' })}>
            受理登记
          </Button>
        }
      />
      <Card withBorder radius="md" mb="sm" p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索" placeholder="工单号、位置、报事人、电话、内容" leftSection={<IconSearch size={14} />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} data-testid="ticket-filter-text" />
          <MultiSelect label="状态" data={[...TICKET_STATUSES]} value={status} onChange={setStatus} placeholder="全部" clearable w={200} />
          <MultiSelect label="类型" data={[...TICKET_TYPES]} value={type} onChange={setType} placeholder="全部" clearable w={170} />
          <Select label="类别" data={config?.categories.map((c) => c.name) ?? []} value={category} onChange={setCategory} placeholder="全部" clearable searchable w={130} />
          <Select label="楼栋" data={buildings.map((b) => ({ value: String(b.id), label: b.name }))} value={buildingId} onChange={setBuildingId} placeholder="全部" clearable searchable w={110} />
          <Select label="部门" data={config?.departments.map((d) => d.name) ?? []} value={department} onChange={setDepartment} placeholder="全部" clearable w={110} />
          <Input.Wrapper label="受理日期">
            <Group gap={4} wrap="nowrap">
              <Input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={140} aria-label="开始日期" />
              <Text size="sm">至</Text>
              <Input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={140} aria-label="结束日期" />
            </Group>
          </Input.Wrapper>
          <Input.Wrapper label="时限">
            <SegmentedControl value={due} onChange={(v) => setDue(v as typeof due)} data={[{ value: 'all', label: '全部' }, { value: 'dueSoon', label: '即将到期' }, { value: 'overdue', label: '已超时' }]} />
          </Input.Wrapper>
          <Input.Wrapper label="排序">
            <SegmentedControl value={sort} onChange={(v) => setSort(v as typeof sort)} data={[{ value: 'receivedAt', label: '受理时间' }, { value: 'due', label: '到期时间' }, { value: 'no', label: '编号' }]} />
          </Input.Wrapper>
        </Group>
      </Card>
      {error && <Alert color="red" mb="sm">{error}</Alert>}
      <Card withBorder radius="md" p={0}>
        <div className={`${classes.row} ${classes.head}`}>
          <span>工单号</span>
          <span>类型</span>
          <span>状态</span>
          <span>时限</span>
          <span>位置</span>
          <span>类别</span>
          <span>报事人</span>
          <span>处理</span>
          <span>受理时间</span>
        </div>
        <div ref={scroller} className={classes.scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0}>
          {total === 0 && (
            <Text c="dimmed" ta="center" py="xl">
              没有符合条件的工单
            </Text>
          )}
          <div style={{ height: count * ROW, position: 'relative' }}>
            {rows.map(({ index, row }) =>
              row ? (
                <div
                  key={row.id}
                  className={`${classes.row} ${classes.item}`}
                  style={{ top: index * ROW }}
                  onClick={() => go({ name: 'ticket', ticketId: row.id })}
                  onKeyDown={(e) => e.key === 'Enter' && go({ name: 'ticket', ticketId: row.id })}
                  tabIndex={0}
                  role="button"
                  data-testid="ticket-list-row"
                >
                  <span className={classes.mono}>{row.no}</span>
                  <span>
                    <TicketTypeBadge type={row.type} urgent={row.urgency === '紧急'} />
                  </span>
                  <span>
                    <TicketStatusBadge status={row.status} />
                  </span>
                  <span>
                    <SlaBadge sla={row.sla} />
                  </span>
                  <span className={classes.cut} title={row.summary}>
                    {row.location}
                  </span>
                  <span className={classes.cut}>
                    {row.category}
                    {row.subcategory ? `/${row.subcategory}` : ''}
                  </span>
                  <span className={classes.cut}>{row.reporter ?? ''}</span>
                  <span className={classes.cut}>{row.department ? `${row.department}${row.assignee ? `·${row.assignee}` : ''}` : '—'}</span>
                  <span>{when(row.receivedAt)}</span>
                </div>
              ) : (
                <div key={`s${index}`} className={`${classes.row} ${classes.item}`} style={{ top: index * ROW }}>
                  <Skeleton height={12} width="90%" style={{ gridColumn: '1 / -1' }} />
                </div>
              ),
            )}
          </div>
        </div>
      </Card>
    </>
  );
}
