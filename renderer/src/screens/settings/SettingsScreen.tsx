import { useState } from 'react';
import { ActionIcon, Badge, Box, Button, Code, CopyButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEdit, IconPlus } from '@tabler/icons-react';
import type { EstateT } from '../../../../shared/contract/archives';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/mask';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../app/Loading';
import { ViewLogButton } from '../../app/ErrorBoundary';
import { useApp } from '../../stores/app';
import { EstateFormModal } from './EstateFormModal';
import { Section } from './Section';
import { DocumentHeaderSection } from './DocumentHeaderSection';
import { PrinterSection } from './PrinterSection';
import { DocumentTextsSection } from './DocumentTextsSection';
import { AccountsSection } from './AccountsSection';
import { useCan } from '../../stores/auth';
import { BackupSection } from './BackupSection';

const SHELL_LABEL = { electron: '桌面程序', harness: '浏览器测试环境' } as const;

/** 设置: accounts, the company on printouts, the estates, ID masking, where the data lives; each part for the roles that may change it. */
export function SettingsScreen() {
  const status = useApp((s) => s.status);
  const mayManageUsers = useCan('users.manage');
  const mayEdit = useCan('settings.edit');
  const mayEditTexts = useCan('templates.edit');
  if (!status) return <Loading />;
  return (
    <Box maw={860}>
      <PageHeader title="设置" subtitle="账号、证件号码显示方式、项目、单据抬头与打印机；修改后立即生效。" />
      <Stack gap="md">
        {mayManageUsers ? <AccountsSection settings={status.settings} /> : null}
        <PrivacyNote />
        <EstatesSection estates={status.estates} />
        {mayEdit ? <DocumentHeaderSection settings={status.settings} /> : null}
        {mayEdit ? <PrinterSection settings={status.settings} /> : null}
        {mayEditTexts ? <DocumentTextsSection /> : null}
        <BackupSection />
        <Section title="数据">
          <Table withRowBorders={false} verticalSpacing={6} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td w={140} c="dimmed">
                  数据库文件
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Code data-testid="settings-db-path" style={{ wordBreak: 'break-all' }}>
                      {status.dbPath}
                    </Code>
                    <CopyButton value={status.dbPath} timeout={1500}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? '已复制' : '复制路径'} withArrow>
                          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="复制路径">
                            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">数据结构版本</Table.Td>
                <Table.Td data-testid="settings-schema-version">第 {status.schemaVersion} 版</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">运行方式</Table.Td>
                <Table.Td>{SHELL_LABEL[status.shell]}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">错误日志</Table.Td>
                <Table.Td>
                  <ViewLogButton />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Section>
      </Stack>
    </Box>
  );
}

/** 项目: every estate in this database, each with its name, service phone and address, editable. */
function EstatesSection({ estates }: { estates: EstateT[] }) {
  const setEstates = useApp((s) => s.setEstates);
  const reloadEstates = useApp((s) => s.reloadEstates);
  const setEstate = useApp((s) => s.setEstate);
  const currentId = useApp((s) => s.estateId);
  const [editing, setEditing] = useState<EstateT | 'new' | null>(null);

  return (
    <Section title="项目" description="项目名称显示在顶部、搜索结果和单据上；服务中心电话和地址印在受理单、派工单上。">
      <Table verticalSpacing={8} fz="sm" data-testid="settings-estates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>项目名称</Table.Th>
            <Table.Th>服务中心电话</Table.Th>
            <Table.Th>地址</Table.Th>
            <Table.Th w={70} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {estates.map((e) => (
            <Table.Tr key={e.id} data-testid="settings-estate-row">
              <Table.Td fw={500}>
                {e.name}
                {e.id === currentId && estates.length > 1 ? (
                  <Badge ml={6} size="xs" variant="light">
                    当前
                  </Badge>
                ) : null}
                <Text size="xs" c="dimmed" className="fd-tabular">
                  {e.buildingCount} 栋 · {e.houseCount} 户
                </Text>
              </Table.Td>
              <Table.Td>
                {e.phone ?? (
                  <Text span size="sm" c="orange.8">
                    未填写
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {e.address ?? (
                  <Text span size="sm" c="dimmed">
                    未填写
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditing(e)} data-testid="settings-estate-edit">
                  编辑
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="settings-estate-add">
          新增项目
        </Button>
      </Group>
      <EstateFormModal
        opened={editing !== null}
        estate={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          const added = editing === 'new';
          setEditing(null);
          setEstates(added ? [...estates, saved] : estates.map((x) => (x.id === saved.id ? saved : x)));
          if (added) setEstate(saved.id);
          void reloadEstates();
        }}
      />
    </Section>
  );
}

/** Masking is by role, not a switch (docs/PRIVACY.md): this says what the signed-in role may reveal. */
function PrivacyNote() {
  const mayIds = useCan('ids.full');
  return (
    <Section title="隐私">
      <Text size="sm" data-testid="settings-privacy">
        证件号码和电话号码在屏幕上一律遮挡显示（如 {maskIdNumber('440301199001011234')}、{maskPhone('13812345678')}
        ），防止旁人看到。点号码旁的「显示」查看单个完整号码，每次查看都记入操作日志。
      </Text>
      <Text size="sm" c="dimmed" mt={6}>
        {mayIds ? '当前账号可以查看完整证件号码和电话号码。' : '当前账号可以查看完整电话号码；完整证件号码仅客服主管和管理员可以查看。'}
        派工单印有业主完整电话，供维修人员上门联系；入住资料中的完整证件号码仅客服主管和管理员打印时印出。
      </Text>
    </Section>
  );
}
