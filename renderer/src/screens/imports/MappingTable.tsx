import { Alert, Badge, Card, Group, Select, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ROSTER_FIELD_LABELS, ROSTER_FIELDS, type RosterFieldT, type RosterMappingT } from '../../../../shared/contract/imports';

interface MappingTableProps {
  headers: string[];
  mapping: RosterMappingT;
  remembered: boolean;
  sheetName: string;
  headerRow: number;
  disabled: boolean;
  onChange(mapping: RosterMappingT): void;
}

const SKIP = '__skip';
const OPTIONS = [{ value: SKIP, label: '不导入' }, ...ROSTER_FIELDS.map((f) => ({ value: f, label: ROSTER_FIELD_LABELS[f] }))];

/** Excel column letters: 0 → A, 26 → AA */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Step 2: which field each detected column goes to. One field per column: choosing it again moves it. */
export function MappingTable({ headers, mapping, remembered, sheetName, headerRow, disabled, onChange }: MappingTableProps) {
  const used = new Set(Object.values(mapping));
  const hasRoom = used.has('fullRoom') || used.has('room');

  function set(col: number, value: string | null) {
    const next: RosterMappingT = {};
    for (const [k, f] of Object.entries(mapping)) if (k !== String(col) && f !== value) next[k] = f;
    if (value && value !== SKIP) next[String(col)] = value as RosterFieldT;
    onChange(next);
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid="roster-mapping">
      <Group justify="space-between" mb={4}>
        <Title order={4}>列对应关系</Title>
        {remembered && (
          <Badge color="teal" variant="light" data-testid="roster-mapping-remembered">
            已使用上次保存的对应关系
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        工作表“{sheetName}”，表头在第 {headerRow} 行。修改后预览会立即更新。
      </Text>
      {!hasRoom && (
        <Alert color="red" variant="light" icon={<IconInfoCircle size={16} />} mb="sm" p="xs">
          还没有指定“房号”或“房屋（楼栋单元房号写在一格）”列，所有行都无法导入。
        </Alert>
      )}
      <Table verticalSpacing={4} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>列</Table.Th>
            <Table.Th>名册表头</Table.Th>
            <Table.Th w={200}>导入为</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((h, i) => {
            const field = mapping[String(i)];
            return (
              <Table.Tr key={i} data-testid="roster-mapping-row">
                <Table.Td>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {columnLetter(i)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={h.trim() ? undefined : 'dimmed'}>
                    {h.trim() || '（空表头）'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={OPTIONS}
                    value={field ?? SKIP}
                    onChange={(v) => set(i, v)}
                    allowDeselect={false}
                    disabled={disabled}
                    aria-label={`第 ${columnLetter(i)} 列“${h}”导入为`}
                    styles={field ? undefined : { input: { color: 'var(--mantine-color-dimmed)' } }}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
