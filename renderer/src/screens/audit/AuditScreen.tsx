import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, CloseButton, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { api } from '../../bridge';
import { unwrap } from '../../app/call';
import { useNav } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../../components/DateField';
import { cstDateTime } from '../../../../shared/domain/time';
import { AUDIT_ACTION_LABELS, type AuditListInputT, type AuditPageT } from '../../../../shared/contract/audit';

// 操作日志 (docs/AUDIT.md): who changed what and when, before → after, newest first. A person's,
// house's or ticket's detail opens it already filtered to that record (the chip above the table).

const PAGE = 50;

/** the record the log was opened for, from a detail screen */
interface AuditScope {
  personId?: number;
  houseId?: number;
  ticketId?: number;
  /** what the chip says: "住户 张三", "房屋 3栋2单元1502" */
  label?: string;
}

interface Filters {
  person: string;
  ticketNo: string;
  actor: string;
  action: string | null;
  from: string | null;
  to: string | null;
}
const EMPTY: Filters = { person: '', ticketNo: '', actor: '', action: null, from: null, to: null };

// each verb once in the menu: main takes an action as every action of its verb ("修改": update and edit)
const ACTION_OPTIONS = [...new Map(Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => [label, { value, label }])).values()];

export function AuditScreen({ scope: initialScope }: { scope?: AuditScope }) {
  const go = useNav((s) => s.go);
  const [scope, setScope] = useState<AuditScope | undefined>(initialScope);
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPageT | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const input: AuditListInputT = {
      personId: scope?.personId,
      houseId: scope?.houseId,
      ticketId: scope?.ticketId,
      person: applied.person || undefined,
      ticketNo: applied.ticketNo || undefined,
      actor: applied.actor || undefined,
      action: applied.action ?? undefined,
      from: applied.from ?? undefined,
      to: applied.to ?? undefined,
      offset,
      limit: PAGE,
    };
    const value = await unwrap(api['audit.list'](input), { key: 'audit' });
    setLoading(false);
    if (value) setPage(value);
  }, [scope, applied, offset]);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (next: Filters) => {
    setApplied(next);
    setOffset(0);
  };
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));

  const total = page ? `${page.total}${page.capped ? '+' : ''}` : '';
  const shownTo = page ? offset + page.rows.length : 0;

  return (
    <Stack gap="sm">
      <PageHeader title="操作日志" subtitle="每一次修改都有记录：谁、何时、改了什么（修改前 → 修改后）。电话和证件号码只显示部分。" titleTestId="audit-title" />
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="人员"
          placeholder="姓名"
          w={120}
          value={draft.person}
          onChange={(e) => set({ person: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Enter' && apply(draft)}
          data-testid="audit-person"
        />
        <TextInput
          label="工单号"
          w={170}
          value={draft.ticketNo}
          onChange={(e) => set({ ticketNo: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Enter' && apply(draft)}
          data-testid="audit-ticket"
        />
        <TextInput
          label="操作人"
          w={110}
          value={draft.actor}
          onChange={(e) => set({ actor: e.currentTarget.value })}
          onKeyDown={(e) => e.key === 'Enter' && apply(draft)}
          data-testid="audit-actor"
        />
        <Select
          label="操作"
          w={190}
          clearable
          searchable
          data={ACTION_OPTIONS}
          value={draft.action}
          onChange={(v) => set({ action: v })}
          data-testid="audit-action"
        />
        <DateField label="从" w={140} value={draft.from} onChange={(v) => set({ from: v })} data-testid="audit-from" />
        <DateField label="至" w={140} value={draft.to} onChange={(v) => set({ to: v })} data-testid="audit-to" />
        <Button leftSection={<IconSearch size={16} />} onClick={() => apply(draft)} data-testid="audit-apply">
          查询
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft(EMPTY);
            apply(EMPTY);
          }}
        >
          清空
        </Button>
      </Group>
      {scope && (
        <Group gap="xs">
          <Badge
            size="lg"
            variant="light"
            rightSection={<CloseButton size="xs" aria-label="不再只看这一项" onClick={() => setScope(undefined)} />}
            data-testid="audit-scope"
          >
            只看：{scope.label ?? '所选记录'}
          </Badge>
        </Group>
      )}
      {page && page.rows.length === 0 && !loading && <Alert color="gray">没有符合条件的操作记录</Alert>}
      {page && page.rows.length > 0 && (
        <Table striped highlightOnHover data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>时间</Table.Th>
              <Table.Th w={100}>操作人</Table.Th>
              <Table.Th>内容</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.rows.map((r) => (
              <Table.Tr key={r.id} data-testid="audit-row">
                <Table.Td className="fd-tabular">{cstDateTime(r.at, true)}</Table.Td>
                <Table.Td>{r.actor}</Table.Td>
                <Table.Td data-testid="audit-summary" style={{ wordBreak: 'break-all' }}>
                  {r.summary}
                </Table.Td>
                <Table.Td>
                  {r.entity === 'ticket' && r.entityId ? (
                    <Button variant="subtle" size="compact-sm" onClick={() => go({ name: 'ticket', ticketId: r.entityId as number })}>
                      打开工单
                    </Button>
                  ) : r.houseId ? (
                    <Button variant="subtle" size="compact-sm" onClick={() => go({ name: 'household', houseId: r.houseId as number })}>
                      打开房屋
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="audit-count">
          {page && page.rows.length ? `第 ${offset + 1}–${shownTo} 条，共 ${total} 条` : ''}
        </Text>
        <Group gap="xs">
          {loading && <Loader size="xs" />}
          <Button variant="default" size="xs" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} data-testid="audit-prev">
            上一页
          </Button>
          <Button variant="default" size="xs" disabled={!page || shownTo >= page.total} onClick={() => setOffset(offset + PAGE)} data-testid="audit-next">
            下一页
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
