import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Box, Button, EmptyState, Group, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconBuildingCommunity, IconFileImport, IconHomePlus, IconPlus } from '@tabler/icons-react';
import type { BuildingMapT, BuildingT } from '../../../../shared/contract/archives';
import { api } from '../../bridge';
import { unwrap } from '../../app/call';
import { useNav } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../app/Loading';
import { useApp, useCurrentEstate, useEstates } from '../../stores/app';
import { BuildingMapGrid } from './BuildingMapGrid';
import { BuildingFormModal } from './BuildingFormModal';
import { HouseFormModal } from './HouseFormModal';
import { StatusLegend } from './StatusLegend';
import { buildingTitle } from './buildingGrid';
import type { HouseStatusT } from './statusStyle';
import classes from './BuildingsScreen.module.css';

// The building last looked at, so coming back from a household or another menu lands on it again.
let lastBuildingId: number | undefined;

/** 房屋档案: the estate's buildings and, for the chosen one, every house floor by floor. */
export function BuildingsScreen({ buildingId: routeBuildingId }: { buildingId?: number }) {
  const buildingId = routeBuildingId ?? lastBuildingId;
  const estateId = useApp((s) => s.estateId);
  const estate = useCurrentEstate();
  const go = useNav((s) => s.go);
  const replace = useNav((s) => s.replace);
  const estates = useEstates();
  const setEstate = useApp((s) => s.setEstate);
  const reloadEstates = useApp((s) => s.reloadEstates);

  // an estate added since startup (a second project, an import from the command line) must be listed
  useEffect(() => {
    void reloadEstates();
  }, [reloadEstates]);

  const [buildings, setBuildings] = useState<BuildingT[] | null>(null);
  const [map, setMap] = useState<BuildingMapT | null>(null);
  const [mapFailed, setMapFailed] = useState(false);
  const [highlight, setHighlight] = useState<HouseStatusT | null>(null);
  const [buildingFormOpen, setBuildingFormOpen] = useState(false);
  const [houseFormOpen, setHouseFormOpen] = useState(false);

  const loadBuildings = useCallback(async () => {
    if (!estateId) return;
    const list = await unwrap(api['archives.buildings.list']({ estateId }), { key: 'buildings' });
    setBuildings(list ?? []);
  }, [estateId]);

  useEffect(() => {
    setBuildings(null);
    void loadBuildings();
  }, [loadBuildings]);

  // the building in the route if it still exists, else the first one
  const selected = buildings?.find((b) => b.id === buildingId) ?? buildings?.[0] ?? null;
  const selectedId = selected?.id ?? null;
  useEffect(() => {
    if (selectedId !== null) lastBuildingId = selectedId;
  }, [selectedId]);

  const mapRequest = useRef(0);
  const loadMap = useCallback(async (id: number) => {
    const mine = ++mapRequest.current;
    setMapFailed(false);
    const m = await unwrap(api['archives.buildings.map']({ buildingId: id }), { key: 'building-map' });
    // a slow answer for a building the user already left must not replace the current one
    if (mine !== mapRequest.current) return;
    if (m) setMap(m);
    else setMapFailed(true);
  }, []);

  useEffect(() => {
    if (selectedId === null) {
      setMap(null);
      return;
    }
    void loadMap(selectedId);
  }, [selectedId, loadMap]);

  const shownMap = map && map.building.id === selectedId ? map : null;
  const totalHouses = buildings?.reduce((n, b) => n + b.houseCount, 0) ?? 0;
  const openHouse = useCallback((houseId: number) => go({ name: 'household', houseId }), [go]);

  return (
    <Box className={classes.page}>
      <PageHeader
        title="房屋档案"
        subtitle={buildings ? `${estate?.name ?? ''} · 共 ${buildings.length} 栋 · ${totalHouses} 户` : estate?.name}
        badges={
          estates.length > 1 ? (
            <Group gap={6} wrap="wrap" data-testid="buildings-estates" aria-label="项目">
              {estates.map((e) => (
                <Button
                  key={e.id}
                  size="compact-sm"
                  radius="xl"
                  variant={e.id === estateId ? 'filled' : 'default'}
                  onClick={() => {
                    if (e.id === estateId) return;
                    setEstate(e.id);
                    replace({ name: 'buildings' });
                  }}
                  data-testid="buildings-estate"
                  data-active={e.id === estateId || undefined}
                >
                  {e.name}
                  <Text span size="xs" ml={6} opacity={0.75} className="fd-tabular">
                    {e.houseCount} 户
                  </Text>
                </Button>
              ))}
            </Group>
          ) : undefined
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setBuildingFormOpen(true)} data-testid="building-add">
              新增楼栋
            </Button>
            <Button leftSection={<IconHomePlus size={16} />} onClick={() => setHouseFormOpen(true)} disabled={!buildings?.length} data-testid="house-add">
              新增房屋
            </Button>
          </>
        }
      />

      {buildings === null ? (
        <Loading />
      ) : buildings.length === 0 ? (
        <Box className={classes.emptyPanel}>
          <EmptyState
            icon={<IconBuildingCommunity size={36} stroke={1.4} />}
            withIndicatorBackground
            title="还没有楼栋"
            description="先新增楼栋和房屋，或者从开发商、前物业提供的 Excel 业主名册一次导入。"
          >
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setBuildingFormOpen(true)}>
                新增楼栋
              </Button>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => go({ name: 'rosterImport' })}>
                导入业主名册
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Box>
      ) : (
        <Box className={classes.body}>
          <Box className={classes.side}>
            <Text size="xs" c="dimmed" fw={500} px="sm" pt="sm" pb={6}>
              楼栋（{buildings.length}）
            </Text>
            <ScrollArea className={classes.sideScroll} type="auto">
              {buildings.map((b) => (
                <UnstyledButton
                  key={b.id}
                  className={classes.buildingItem}
                  data-active={b.id === selectedId || undefined}
                  onClick={() => {
                    setHighlight(null);
                    replace({ name: 'buildings', buildingId: b.id });
                  }}
                  data-testid="building-item"
                >
                  <IconBuilding size={16} stroke={1.6} className={classes.buildingIcon} />
                  <Text size="sm" fw={b.id === selectedId ? 600 : 400} truncate style={{ flex: 1 }}>
                    {buildingTitle(b.name)}
                  </Text>
                  <Text size="xs" c="dimmed" className="fd-tabular">
                    {b.houseCount} 户
                  </Text>
                </UnstyledButton>
              ))}
            </ScrollArea>
          </Box>

          <Box className={classes.mapPanel}>
            {selected ? (
              <Group justify="space-between" align="center" mb="xs" wrap="nowrap" gap="md">
                <Group gap="xs" wrap="nowrap">
                  <Text fw={600} size="lg">
                    {buildingTitle(selected.name)}
                  </Text>
                  {selected.floors ? (
                    <Badge variant="light" color="gray" radius="sm">
                      {selected.floors} 层
                    </Badge>
                  ) : null}
                  <Badge variant="light" color="gray" radius="sm">
                    {selected.houseCount} 户
                  </Badge>
                </Group>
              </Group>
            ) : null}
            {shownMap ? <StatusLegend counts={shownMap.statusCounts} highlight={highlight} onHighlight={setHighlight} /> : null}

            {!shownMap ? (
              mapFailed ? (
                <Text c="dimmed" ta="center" py="xl">
                  楼栋房屋未能加载，请重新选择楼栋
                </Text>
              ) : (
                <Loading />
              )
            ) : shownMap.cells.length === 0 ? (
              <Box className={classes.emptyPanel}>
                <EmptyState
                  icon={<IconHomePlus size={34} stroke={1.4} />}
                  withIndicatorBackground
                  title="这栋楼还没有房屋"
                  description="逐户新增，或导入业主名册时自动建立房屋。"
                >
                  <EmptyState.Actions>
                    <Button leftSection={<IconHomePlus size={16} />} onClick={() => setHouseFormOpen(true)}>
                      新增房屋
                    </Button>
                    <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => go({ name: 'rosterImport' })}>
                      导入业主名册
                    </Button>
                  </EmptyState.Actions>
                </EmptyState>
              </Box>
            ) : (
              <BuildingMapGrid map={shownMap} highlight={highlight} onOpen={openHouse} />
            )}
          </Box>
        </Box>
      )}

      {estateId ? (
        <BuildingFormModal
          opened={buildingFormOpen}
          estateId={estateId}
          onClose={() => setBuildingFormOpen(false)}
          onCreated={(b) => {
            setBuildingFormOpen(false);
            void loadBuildings();
            replace({ name: 'buildings', buildingId: b.id });
          }}
        />
      ) : null}
      <HouseFormModal
        opened={houseFormOpen}
        buildings={buildings ?? []}
        buildingId={selectedId}
        unitNames={(shownMap?.units ?? []).flatMap((u) => (u.name ? [u.name] : []))}
        onClose={() => setHouseFormOpen(false)}
        onSaved={(h) => {
          setHouseFormOpen(false);
          void loadBuildings();
          if (h.buildingId === selectedId) void loadMap(h.buildingId);
          else replace({ name: 'buildings', buildingId: h.buildingId });
        }}
      />
    </Box>
  );
}
