import { Badge, Button, Table, Text } from '@mantine/core';
import { IconParking, IconPlus } from '@tabler/icons-react';
import type { ParkingSpaceT } from '../../../../shared/contract/archives';
import { cstDate } from '../../../../shared/domain/time';
import { SectionCard } from '../../components/SectionCard';

interface ParkingSectionProps {
  parking: ParkingSpaceT[];
  readOnly: boolean;
  onAdd(): void;
  onVoid(p: ParkingSpaceT): void;
}

/** 车位 owned or rented by this household. */
export function ParkingSection({ parking, readOnly, onAdd, onVoid }: ParkingSectionProps) {
  const today = cstDate();
  return (
    <SectionCard
      title="车位"
      icon={<IconParking size={20} />}
      count={parking.length}
      testId="parking"
      actions={
        !readOnly && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd} data-testid="parking-add">
            添加车位
          </Button>
        )
      }
    >
      {parking.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="sm">
          暂无车位
        </Text>
      ) : (
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>车位</Table.Th>
              <Table.Th>期限</Table.Th>
              <Table.Th>车辆</Table.Th>
              {!readOnly && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parking.map((p) => {
              const expired = p.endDate !== null && p.endDate < today;
              return (
                <Table.Tr key={p.id} data-testid="parking-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text fw={600} size="sm" span>
                      {p.code}
                    </Text>
                    <Badge size="xs" variant="light" color={p.kind === '产权' ? 'blue' : 'grape'} ml={6}>
                      {p.kind}
                    </Badge>
                    {p.notes && (
                      <Text size="xs" c="dimmed">
                        {p.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.startDate || p.endDate ? (
                      <Text size="xs" c={expired ? 'red' : undefined}>
                        {p.startDate ?? '?'} 至 {p.endDate ?? '长期'}
                        {expired && ' · 已到期'}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.vehiclePlate ?? '—'}</Table.Td>
                  {!readOnly && (
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => onVoid(p)}>
                        作废
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
