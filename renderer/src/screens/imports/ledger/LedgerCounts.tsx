import { Badge, Group } from '@mantine/core';
import type { LedgerPreviewT } from '../../../../../shared/contract/desk';

/** The counts that decide whether to commit: 将新建工单 / 拒绝 / 提示 / 已导入过 / 重复. */
export function LedgerCounts({ preview }: { preview: LedgerPreviewT }) {
  const { rejected, warnings, willCreate, rows } = preview;
  const unchanged = rows.filter((r) => r.status === 'unchanged').length;
  const duplicate = rows.filter((r) => r.status === 'duplicate').length;
  return (
    <Group gap="xs" data-testid="ledger-counts">
      <Badge size="lg" color="green" variant="light">
        将新建工单 {willCreate.tickets} 张
      </Badge>
      <Badge size="lg" color="red" variant={rejected.length ? 'filled' : 'light'}>
        拒绝 {rejected.length} 行
      </Badge>
      <Badge size="lg" color="orange" variant="light">
        提示 {warnings.length} 条
      </Badge>
      {unchanged > 0 && (
        <Badge size="lg" color="gray" variant="light">
          已导入过 {unchanged} 行
        </Badge>
      )}
      {duplicate > 0 && (
        <Badge size="lg" color="yellow" variant="light">
          重复 {duplicate} 行
        </Badge>
      )}
    </Group>
  );
}
