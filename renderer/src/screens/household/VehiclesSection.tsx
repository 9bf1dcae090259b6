import { Button, Table, Text } from '@mantine/core';
import { IconCar, IconPlus } from '@tabler/icons-react';
import type { VehicleT } from '../../../../shared/contract/archives';
import { SectionCard } from '../../components/SectionCard';

interface VehiclesSectionProps {
  vehicles: VehicleT[];
  readOnly: boolean;
  onAdd(): void;
  onVoid(v: VehicleT): void;
}

/** 车辆 registered to this household. */
export function VehiclesSection({ vehicles, readOnly, onAdd, onVoid }: VehiclesSectionProps) {
  return (
    <SectionCard
      title="车辆"
      icon={<IconCar size={20} />}
      count={vehicles.length}
      testId="vehicles"
      actions={
        !readOnly && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd} data-testid="vehicle-add">
            添加车辆
          </Button>
        )
      }
    >
      {vehicles.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="sm">
          暂无登记车辆
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>车牌</Table.Th>
              <Table.Th>车型 / 颜色</Table.Th>
              <Table.Th>车主</Table.Th>
              {!readOnly && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vehicles.map((v) => (
              <Table.Tr key={v.id} data-testid="vehicle-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={600} size="sm">
                    {v.plate}
                  </Text>
                  {v.notes && (
                    <Text size="xs" c="dimmed">
                      {v.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{[v.model, v.color].filter(Boolean).join(' · ') || '—'}</Table.Td>
                <Table.Td>{v.personName ?? '—'}</Table.Td>
                {!readOnly && (
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onVoid(v)}>
                      作废
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
