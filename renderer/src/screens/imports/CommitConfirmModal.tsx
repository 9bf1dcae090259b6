import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { RosterPreviewT } from '../../../../shared/contract/imports';

interface CommitConfirmModalProps {
  opened: boolean;
  preview: RosterPreviewT;
  busy: boolean;
  onClose(): void;
  onConfirm(): void;
}

/** The last look before writing: all-or-nothing, and what the rejected rows mean. */
export function CommitConfirmModal({ opened, preview, busy, onClose, onConfirm }: CommitConfirmModalProps) {
  const { accepted, rejected, willCreate } = preview;
  return (
    <Modal opened={opened} onClose={busy ? () => undefined : onClose} title="确认导入" centered>
      <Stack gap="sm">
        <Text fw={600} size="lg">
          导入全部 {accepted} 行？要么全部成功，要么不做任何改动
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            将新增 房屋 {willCreate.houses}、人员 {willCreate.people}、楼栋 {willCreate.buildings}
          </List.Item>
          {rejected.length > 0 && <List.Item>被拒绝的 {rejected.length} 行不会导入，可导出报告后在原表中修正</List.Item>}
          <List.Item>已有的档案只补充空缺信息，不会删除任何记录</List.Item>
        </List>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button color="green" onClick={onConfirm} loading={busy} data-testid="roster-commit-confirm">
            确认导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
