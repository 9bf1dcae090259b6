import { useEffect, useRef, useState } from 'react';
import { Button, Card, Group, Kbd, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconEye, IconPencilPlus, IconPrinter } from '@tabler/icons-react';
import type { TicketDetailT } from '../../../../../shared/contract/desk';
import { PageHeader } from '../../../components/PageHeader';
import { DocumentPreviewModal } from '../../documents/DocumentPreviewModal';
import { SlaBadge, TicketTypeBadge } from '../shared/badges';
import { when } from '../shared/format';

/**
 * After 保存: the number to tell the owner, what was promised, and the next step. A visitor at
 * the counter takes a slip, so for 来访 the print button has the focus; otherwise 继续登记.
 */
export function SavedPanel({ detail, onNew, onOpen }: { detail: TicketDetailT; onNew(): void; onOpen(): void }) {
  const t = detail.ticket;
  const [printing, setPrinting] = useState(false);
  const printRef = useRef<HTMLButtonElement>(null);
  const newRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (t.channel === '来访' ? printRef : newRef).current?.focus();
  }, [t.channel]);

  return (
    <>
      <PageHeader title="受理登记" />
      <Card withBorder radius="md" p="xl" maw={760} data-testid="intake-success">
        <Stack gap="md">
          <Group gap="sm">
            <ThemeIcon color="teal" radius="xl" size={34}>
              <IconCheck size={20} />
            </ThemeIcon>
            <Title order={3}>已受理</Title>
            <TicketTypeBadge type={t.type} urgent={t.urgency === '紧急'} />
          </Group>
          <Group gap="sm" align="baseline">
            <Text c="dimmed">工单号</Text>
            <Text fw={700} fz={28} ff="monospace" data-testid="intake-ticket-no">
              {t.no}
            </Text>
          </Group>
          <Table variant="vertical" layout="fixed" withTableBorder={false} withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Row label="位置">{t.location}</Row>
              <Row label="类别">
                {t.category}
                {t.subcategory ? ` / ${t.subcategory}` : ''}
              </Row>
              <Row label="报事人">{[t.reporter, t.phone].filter(Boolean).join('  ') || '—'}</Row>
              {t.expectedVisitAt && <Row label="预约上门">{when(t.expectedVisitAt)}</Row>}
              <Row label="承诺时限">
                {t.sla.state === 'none' ? (
                  '无时限'
                ) : (
                  <Group gap="xs">
                    <Text size="sm" data-testid="intake-promise">
                      {[t.sla.respondDueAt ? `${when(t.sla.respondDueAt)} 前响应` : null, t.sla.resolveDueAt ? `${when(t.sla.resolveDueAt)} 前处理完毕` : null]
                        .filter(Boolean)
                        .join('，')}
                    </Text>
                    <SlaBadge sla={t.sla} status={t.status} />
                  </Group>
                )}
              </Row>
            </Table.Tbody>
          </Table>
          <Group mt="xs">
            <Button ref={printRef} leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="print-slip">
              打印受理单
            </Button>
            <Button ref={newRef} variant="default" leftSection={<IconPencilPlus size={16} />} onClick={onNew} data-testid="intake-new">
              继续登记
            </Button>
            <Button variant="subtle" leftSection={<IconEye size={16} />} onClick={onOpen} data-testid="intake-open-ticket">
              查看工单
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Enter</Kbd> 执行高亮的按钮，<Kbd size="xs">Tab</Kbd> 切换
          </Text>
        </Stack>
      </Card>
      <DocumentPreviewModal request={{ document: 'acceptanceSlip', ticketId: t.id }} open={printing} onClose={() => setPrinting(false)} />
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={90} fw={500} c="dimmed" bg="transparent">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
