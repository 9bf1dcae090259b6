import { Badge, Group } from '@mantine/core';
import type { RosterPreviewT } from '../../../../shared/contract/imports';

/** The counts that decide whether to commit: 可导入 / 拒绝 / 警告 / 将新增. */
export function RosterSummary({ preview }: { preview: RosterPreviewT }) {
  const { accepted, rejected, warnings, willCreate, rows } = preview;
  const unchanged = rows.filter((r) => r.status === 'unchanged').length;
  const duplicate = rows.filter((r) => r.status === 'duplicate').length;
  return (
    <Group gap="xs" data-testid="roster-summary">
      <Badge size="lg" color="green" variant="light">
        可导入 {accepted} 行
      </Badge>
      <Badge size="lg" color="red" variant={rejected.length ? 'filled' : 'light'}>
        拒绝 {rejected.length} 行
      </Badge>
      <Badge size="lg" color="orange" variant="light">
        警告 {warnings.length} 条
      </Badge>
      <Badge size="lg" color="blue" variant="light">
        将新增 房屋 {willCreate.houses}、人员 {willCreate.people}、楼栋 {willCreate.buildings}
      </Badge>
      {unchanged > 0 && (
        <Badge size="lg" color="gray" variant="light">
          已存在 {unchanged} 行
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
