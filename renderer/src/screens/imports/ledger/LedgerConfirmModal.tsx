import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { LedgerPreviewT } from '../../../../../shared/contract/desk';

interface LedgerConfirmModalProps {
  opened: boolean;
  preview: LedgerPreviewT;
  busy: boolean;
  onClose(): void;
  onConfirm(): void;
}

/** The last look before writing: all-or-nothing, what becomes of the rows, and that it can be repeated safely. */
export function LedgerConfirmModal({ opened, preview, busy, onClose, onConfirm }: LedgerConfirmModalProps) {
  const { rejected, willCreate, rows } = preview;
  const unchanged = rows.filter((r) => r.status === 'unchanged').length;
  return (
    <Modal opened={opened} onClose={busy ? () => undefined : onClose} title="确认导入" centered>
      <Stack gap="sm">
        <Text fw={600} size="lg">
          导入 {willCreate.tickets} 张历史工单？要么全部成功，要么不做任何改动
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>每行成为一张工单（标记为“历史导入”），按台账的时间重建处理过程，并计入月度统计</List.Item>
          {rejected.length > 0 && <List.Item>被拒绝的 {rejected.length} 行不会导入，可导出报告后在原表中修正，再导入同一文件</List.Item>}
          {unchanged > 0 && <List.Item>{unchanged} 行以前已经导入过，这次不会重复</List.Item>}
          <List.Item>同一台账再次导入不会重复建单</List.Item>
        </List>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button color="green" onClick={onConfirm} loading={busy} data-testid="ledger-commit-confirm">
            确认导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
