import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Button, Card, Group, Input, SegmentedControl, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { TICKET_STATUSES, TICKET_TYPES, type DeskConfigT, type TicketRowT } from '../../../../../shared/contract/desk';
import type { BuildingT } from '../../../../../shared/contract/archives';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { useApp } from '../../../stores/app';
import { PageHeader } from '../../../components/PageHeader';
import { DateField } from '../../../components/DateField';
import { useListIntent } from './listIntent';
import { useTicketPages } from './useTicketPages';
import { MultiPick } from './MultiPick';
import { VirtualTicketTable, PageError, type VirtualTicketTableHandle } from './VirtualTicketTable';
import { DEFAULT_DIR, dateRangeError, initialFilters, isFiltered, toQuery, type Filters, type Preset, type SortKey } from './filters';
import classes from './TicketList.module.css';

const TITLES: Record<Preset, string> = { overdue: '已超时工单', dueSoon: '即将到期工单', open: '未结工单' };

/** 工单列表: filtered, sorted and paged by the database; a virtual table keeps 500,000 rows smooth. */
export function TicketListScreen({ preset }: { preset?: Preset }) {
  const estateId = useApp((s) => s.estateId);
  const go = useNav((s) => s.go);
  const intent = useListIntent((s) => s.status);
  const clearIntent = useListIntent((s) => s.set);
  const [filters, setFilters] = useState<Filters>(() => initialFilters(preset, intent));
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [buildings, setBuildings] = useState<BuildingT[]>([]);
  const [debouncedText] = useDebouncedValue(filters.text, 250);
  const table = useRef<VirtualTicketTableHandle>(null);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  // a dashboard counter's status filter is taken once
  useEffect(() => {
    if (intent) clearIntent(null);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    void unwrap(api['desk.config.get']({})).then(setConfig);
  }, []);
  useEffect(() => {
    if (estateId) void unwrap(api['archives.buildings.list']({ estateId })).then((b) => b && setBuildings(b));
  }, [estateId]);

  const rangeError = dateRangeError(filters);
  // every filter but the raw text, which waits for the debounce: the query follows this key
  const settledKey = JSON.stringify({ ...filters, text: '' });
  const query = useMemo(() => (rangeError ? null : toQuery(JSON.parse(settledKey) as Filters, debouncedText)), [rangeError, settledKey, debouncedText]);
  const queryKey = JSON.stringify(query);
  const { total, capped, rowAt, want, error, retry, version } = useTicketPages(query);
  const searching = filters.text !== debouncedText;

  const categories = useMemo(() => {
    const names = config?.categories.map((c) => c.name) ?? [];
    // a category removed from the settings still finds its old tickets
    return filters.category && !names.includes(filters.category) ? [...names, filters.category] : names;
  }, [config, filters.category]);

  // stable, so the memoised rows are not redrawn on every render
  const openTicket = useCallback((row: TicketRowT) => go({ name: 'ticket', ticketId: row.id }), [go]);
  const setSort = (sort: SortKey) => setFilters((f) => ({ ...f, sort, dir: DEFAULT_DIR[sort] }));

  return (
    <div className={classes.screen}>
      <PageHeader
        title={preset ? TITLES[preset] : '工单列表'}
        subtitle={
          <span data-testid="ticket-list-total">
            {rangeError ? '请更正日期范围' : total === null ? '正在查询…' : `共 ${total.toLocaleString('zh-CN')}${capped ? '+' : ''} 条`}
            {searching ? '（正在输入…）' : ''}
          </span>
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => go({ name: 'intake' })}>
            受理登记
          </Button>
        }
      />
      <Card withBorder radius="md" mb="sm" p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="搜索"
            placeholder="工单号、位置、报事人、电话、内容"
            leftSection={<IconSearch size={14} />}
            value={filters.text}
            onChange={(e) => set('text', e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                table.current?.focusFirst();
              }
            }}
            maxLength={50}
            w={290}
            data-testid="ticket-filter-text"
          />
          <MultiPick
            label="状态"
            options={TICKET_STATUSES}
            value={filters.status}
            onChange={(v) => set('status', v)}
            width={150}
            testId="ticket-filter-status"
          />
          <MultiPick label="类型" options={TICKET_TYPES} value={filters.type} onChange={(v) => set('type', v)} width={130} testId="ticket-filter-type" />
          <Select
            label="类别"
            data={categories}
            value={filters.category}
            onChange={(v) => set('category', v)}
            placeholder="全部"
            clearable
            searchable
            w={130}
            data-testid="ticket-filter-category"
          />
          <Select
            label="楼栋"
            data={buildings.map((b) => ({ value: String(b.id), label: b.name }))}
            value={filters.buildingId}
            onChange={(v) => set('buildingId', v)}
            placeholder="全部"
            clearable
            searchable
            w={110}
            data-testid="ticket-filter-building"
          />
          <Select
            label="处理部门"
            data={config?.departments.map((d) => d.name) ?? []}
            value={filters.department}
            onChange={(v) => set('department', v)}
            placeholder="全部"
            clearable
            w={120}
            data-testid="ticket-filter-department"
          />
          <Input.Wrapper label="受理日期" error={rangeError}>
            <Group gap={4} wrap="nowrap">
              <DateField
                value={filters.from || null}
                onChange={(v) => set('from', v ?? '')}
                w={150}
                aria-label="受理日期从"
                error={!!rangeError}
                data-testid="ticket-filter-from"
              />
              <Text size="sm" c="dimmed">
                至
              </Text>
              <DateField
                value={filters.to || null}
                onChange={(v) => set('to', v ?? '')}
                w={150}
                aria-label="受理日期到"
                error={!!rangeError}
                data-testid="ticket-filter-to"
              />
            </Group>
          </Input.Wrapper>
          <Input.Wrapper label="时限">
            {/* a block wrapper keeps the label above the inline-flex control */}
            <div>
              <SegmentedControl
                value={filters.due}
                onChange={(v) => set('due', v as Filters['due'])}
                data={[
                  { value: 'all', label: '全部' },
                  { value: 'dueSoon', label: '即将到期' },
                  { value: 'overdue', label: '已超时' },
                ]}
                data-testid="ticket-filter-due"
              />
            </div>
          </Input.Wrapper>
          <Input.Wrapper label="排序">
            <Group gap={4} wrap="nowrap">
              <SegmentedControl
                value={filters.sort}
                onChange={(v) => setSort(v as SortKey)}
                data={[
                  { value: 'receivedAt', label: '受理时间' },
                  { value: 'due', label: '到期时间' },
                  { value: 'no', label: '编号' },
                ]}
                data-testid="ticket-sort"
              />
              <Tooltip label={filters.dir === 'asc' ? '升序（点击改为降序）' : '降序（点击改为升序）'}>
                <ActionIcon
                  variant="default"
                  size={36}
                  onClick={() => set('dir', filters.dir === 'asc' ? 'desc' : 'asc')}
                  aria-label="切换排序方向"
                  data-testid="ticket-sort-dir"
                >
                  {filters.dir === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
                </ActionIcon>
              </Tooltip>
            </Group>
          </Input.Wrapper>
          {isFiltered(filters) && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => setFilters((f) => ({ ...initialFilters(undefined, null), sort: f.sort, dir: f.dir }))}
              data-testid="ticket-filter-clear"
            >
              清除筛选
            </Button>
          )}
        </Group>
      </Card>
      <VirtualTicketTable
        ref={table}
        total={rangeError ? 0 : total}
        rowAt={rowAt}
        want={want}
        version={version}
        resetKey={queryKey}
        open={openTicket}
        empty={rangeError ? '请更正日期范围' : isFiltered(filters) ? '没有符合条件的工单，可放宽筛选条件' : '还没有工单'}
      />
      {error && <PageError message={error} onRetry={retry} />}
    </div>
  );
}
