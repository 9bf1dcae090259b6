import { Alert, Badge, Button, Center, Grid, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBan, IconBuilding, IconEdit, IconHistory, IconPencilPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { OccupancyT, ParkingSpaceT, PersonT, VehicleT } from '../../../../shared/contract/archives';
import { cstDateTime } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { useNav } from '../../app/navigation';
import { api } from '../../bridge';
import { HOUSE_STATUS_BADGE } from '../../components/houseStatus';
import { PageHeader } from '../../components/PageHeader';
import { ReasonModal } from '../../components/ReasonModal';
import { HouseFormModal } from '../buildings/HouseFormModal';
import { AttachPersonModal } from './AttachPersonModal';
import { CommunicationsSection } from './CommunicationsSection';
import { EditPersonModal } from './EditPersonModal';
import { HistorySection } from './HistorySection';
import { MoveInSection } from '../movein/MoveInSection';
import { RenovationSection } from '../renovation/RenovationSection';
import { MoveOutModal } from './MoveOutModal';
import { OccupantsSection } from './OccupantsSection';
import { ParkingAddModal } from './ParkingAddModal';
import { ParkingSection } from './ParkingSection';
import { useHousehold } from './useHousehold';
import { useEstateLabel } from '../../stores/app';
import { VehicleAddModal } from './VehicleAddModal';
import { VehiclesSection } from './VehiclesSection';

type Dialog =
  | { kind: 'editHouse' }
  | { kind: 'voidHouse' }
  | { kind: 'attach' }
  | { kind: 'editPerson'; person: PersonT }
  | { kind: 'moveOut'; occ: OccupancyT }
  | { kind: 'addVehicle' }
  | { kind: 'voidVehicle'; vehicle: VehicleT }
  | { kind: 'addParking' }
  | { kind: 'voidParking'; space: ParkingSpaceT }
  | null;

const area = (v: number | null) => (v === null ? '未登记' : `${v.toFixed(2).replace(/\.?0+$/, '')} ㎡`);

/** 一户一档: one house with its people, vehicles, parking, communication log and history. */
export function HouseholdScreen({ houseId }: { houseId: number }) {
  const { data, error, loading, reload } = useHousehold(houseId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const go = useNav((s) => s.go);
  // with several estates in one database, say which one this house is in
  const estateName = useEstateLabel(data?.house.estateId);
  const close = () => setDialog(null);
  const saved = () => {
    setDialog(null);
    void reload();
  };

  if (!data) {
    if (error)
      return (
        <Stack maw={640}>
          <Alert color="red" title="无法打开这户档案">
            {error.message}
          </Alert>
          <Group>
            <Button variant="default" onClick={() => void reload()}>
              重试
            </Button>
            <Button variant="subtle" onClick={() => go({ name: 'buildings' })}>
              返回楼栋图
            </Button>
          </Group>
        </Stack>
      );
    return (
      <Center h={300}>
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">正在打开档案…</Text>
        </Group>
      </Center>
    );
  }

  const { house } = data;
  const voided = house.voidedAt !== null;
  const current = data.occupants.filter((o) => o.active);

  return (
    <Stack gap="md" data-testid="household-screen">
      <PageHeader
        title={house.label}
        titleTestId="household-title"
        badges={
          <>
            {estateName ? (
              <Badge color="desk" variant="outline" size="lg" data-testid="house-estate">
                {estateName}
              </Badge>
            ) : null}
            <Badge {...HOUSE_STATUS_BADGE[house.status]} size="lg" data-testid="house-status-badge">
              {house.status}
            </Badge>
            <Badge color="gray" variant="light" size="lg" data-testid="house-type-badge">
              {house.type}
            </Badge>
            {voided && (
              <Badge color="red" variant="outline" size="lg">
                已作废
              </Badge>
            )}
            {loading && <Loader size="xs" />}
          </>
        }
        subtitle={
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              楼层 {house.floor ?? '未登记'} · 建筑面积 {area(house.buildingArea)} · 套内面积 {area(house.innerArea)}
            </Text>
            {house.notes && (
              <Text size="sm" c="dimmed">
                备注：{house.notes}
              </Text>
            )}
          </Stack>
        }
        actions={
          <>
            <Button variant="subtle" leftSection={<IconBuilding size={16} />} onClick={() => go({ name: 'buildings', buildingId: house.buildingId })}>
              楼栋图
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconHistory size={16} />}
              onClick={() => go({ name: 'audit', houseId: house.id, label: `房屋 ${house.label}` })}
              data-testid="house-audit"
            >
              查看操作记录
            </Button>
            {!voided && (
              <>
                <Button leftSection={<IconPencilPlus size={16} />} onClick={() => go({ name: 'intake', houseId: house.id })} data-testid="house-intake">
                  登记工单
                </Button>
                <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setDialog({ kind: 'editHouse' })} data-testid="house-edit">
                  编辑房屋
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconBan size={16} />}
                  onClick={() => setDialog({ kind: 'voidHouse' })}
                  data-testid="house-void"
                >
                  作废房屋
                </Button>
              </>
            )}
          </>
        }
      />

      {voided && (
        <Alert color="red" variant="light" title="此房屋已作废">
          {house.voidedAt && `${cstDateTime(house.voidedAt)} 作废`}
          {house.voidReason && `，原因：${house.voidReason}`}。档案仅供查阅。
        </Alert>
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <OccupantsSection
              occupants={data.occupants}
              readOnly={voided}
              onAdd={() => setDialog({ kind: 'attach' })}
              onEdit={(person) => setDialog({ kind: 'editPerson', person })}
              onMoveOut={(occ) => setDialog({ kind: 'moveOut', occ })}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <VehiclesSection
                vehicles={data.vehicles}
                readOnly={voided}
                onAdd={() => setDialog({ kind: 'addVehicle' })}
                onVoid={(vehicle) => setDialog({ kind: 'voidVehicle', vehicle })}
              />
              <ParkingSection
                parking={data.parking}
                readOnly={voided}
                onAdd={() => setDialog({ kind: 'addParking' })}
                onVoid={(space) => setDialog({ kind: 'voidParking', space })}
              />
            </SimpleGrid>
            {/* keyed by status: a change made elsewhere on this screen (装修 开工) reloads the card */}
            <MoveInSection key={house.status} houseId={house.id} readOnly={voided} onChanged={() => void reload()} />
            <RenovationSection houseId={house.id} readOnly={voided} onChanged={() => void reload()} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CommunicationsSection
              houseId={house.id}
              communications={data.communications}
              occupants={current}
              readOnly={voided}
              onSaved={() => void reload()}
            />
            <HistorySection history={data.history} />
          </Stack>
        </Grid.Col>
      </Grid>

      <HouseFormModal house={house} opened={dialog?.kind === 'editHouse'} onClose={close} onSaved={saved} />
      <ReasonModal
        opened={dialog?.kind === 'voidHouse'}
        onClose={close}
        title={`作废房屋 · ${house.label}`}
        description="作废后此房屋不再出现在楼栋图和搜索中，档案与历史记录保留，可供查阅。"
        confirmLabel="确认作废"
        onSubmit={(reason) => api['archives.houses.void']({ id: house.id, reason })}
        onDone={async () => {
          showSaved(`${house.label} 已作废`);
          setDialog(null);
          // main may no longer serve a voided house: then the building map is the place to be
          if (!(await reload())) go({ name: 'buildings', buildingId: house.buildingId });
        }}
      />
      <AttachPersonModal houseId={house.id} houseLabel={house.label} opened={dialog?.kind === 'attach'} onClose={close} onSaved={saved} />
      <EditPersonModal person={dialog?.kind === 'editPerson' ? dialog.person : null} onClose={close} onSaved={saved} />
      <MoveOutModal occupancy={dialog?.kind === 'moveOut' ? dialog.occ : null} onClose={close} onSaved={saved} />
      <VehicleAddModal houseId={house.id} opened={dialog?.kind === 'addVehicle'} occupants={current} onClose={close} onSaved={saved} />
      <ReasonModal
        opened={dialog?.kind === 'voidVehicle'}
        onClose={close}
        title={dialog?.kind === 'voidVehicle' ? `作废车辆 · ${dialog.vehicle.plate}` : '作废车辆'}
        description="作废后车辆不再属于本户，记录保留。"
        confirmLabel="确认作废"
        onSubmit={(reason) => api['archives.vehicles.void']({ id: dialog?.kind === 'voidVehicle' ? dialog.vehicle.id : 0, reason })}
        onDone={() => {
          showSaved('车辆已作废');
          saved();
        }}
      />
      <ParkingAddModal houseId={house.id} opened={dialog?.kind === 'addParking'} vehicles={data.vehicles} onClose={close} onSaved={saved} />
      <ReasonModal
        opened={dialog?.kind === 'voidParking'}
        onClose={close}
        title={dialog?.kind === 'voidParking' ? `作废车位 · ${dialog.space.code}` : '作废车位'}
        description="作废后车位不再属于本户，记录保留。"
        confirmLabel="确认作废"
        onSubmit={(reason) => api['archives.parking.void']({ id: dialog?.kind === 'voidParking' ? dialog.space.id : 0, reason })}
        onDone={() => {
          showSaved('车位已作废');
          saved();
        }}
      />
    </Stack>
  );
}
