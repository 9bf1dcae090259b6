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

export interface ColumnMappingTableProps<F extends string> {
  headers: string[];
  mapping: Partial<Record<string, F>>;
  remembered: boolean;
  sheetName: string;
  headerRow: number;
  disabled: boolean;
  onChange(mapping: Record<string, F>): void;
  /** the fields a column can be imported as, in menu order, with their labels */
  fields: readonly F[];
  labels: Record<F, string>;
  /** why nothing can be imported with this mapping yet, or null */
  missing: string | null;
  /** prefix of the test ids: roster-mapping, ledger-mapping… */
  testIdPrefix: string;
  /** what the file is called in the column header: 名册表头, 台账表头 */
  headerLabel: string;
  /** width of the field menus: short labels leave the header texts more room */
  selectWidth?: number;
}

const SKIP = '__skip';

/** Excel column letters: 0 → A, 26 → AA */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Step 2: which field each detected column goes to. One field per column: choosing it again moves it. */
export function ColumnMappingTable<F extends string>({
  headers,
  mapping,
  remembered,
  sheetName,
  headerRow,
  disabled,
  onChange,
  fields,
  labels,
  missing,
  testIdPrefix,
  headerLabel,
  selectWidth = 200,
}: ColumnMappingTableProps<F>) {
  const options = [{ value: SKIP, label: '不导入' }, ...fields.map((f) => ({ value: f, label: labels[f] }))];

  function set(col: number, value: string | null) {
    const next: Record<string, F> = {};
    for (const [k, f] of Object.entries(mapping)) if (f && k !== String(col) && f !== value) next[k] = f;
    if (value && value !== SKIP) next[String(col)] = value as F;
    onChange(next);
  }

  return (
    <Card withBorder radius="md" padding="md" data-testid={`${testIdPrefix}-mapping`}>
      <Group justify="space-between" mb={4}>
        <Title order={4}>列对应关系</Title>
        {remembered && (
          <Badge color="teal" variant="light" data-testid={`${testIdPrefix}-mapping-remembered`}>
            已使用上次保存的对应关系
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        工作表“{sheetName}”，表头在第 {headerRow} 行。修改后预览会立即更新。
      </Text>
      {missing && (
        <Alert color="red" variant="light" icon={<IconInfoCircle size={16} />} mb="sm" p="xs">
          {missing}
        </Alert>
      )}
      <Table verticalSpacing={4} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>列</Table.Th>
            <Table.Th>{headerLabel}</Table.Th>
            <Table.Th w={selectWidth}>导入为</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((h, i) => {
            const field = mapping[String(i)];
            return (
              <Table.Tr key={i} data-testid={`${testIdPrefix}-mapping-row`}>
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
                    data={options}
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

/** The roster's columns: one field per column; the room must be named somewhere. */
export function MappingTable(props: MappingTableProps) {
  const used = new Set(Object.values(props.mapping));
  const hasRoom = used.has('fullRoom') || used.has('room');
  return (
    <ColumnMappingTable<RosterFieldT>
      {...props}
      fields={ROSTER_FIELDS}
      labels={ROSTER_FIELD_LABELS}
      missing={hasRoom ? null : '还没有指定“房号”或“房屋（楼栋单元房号写在一格）”列，所有行都无法导入。'}
      testIdPrefix="roster"
      headerLabel="名册表头"
    />
  );
}
