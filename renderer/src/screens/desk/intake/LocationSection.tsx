import { useEffect, useState, type Ref } from 'react';
import { Badge, Button, Grid, Group, Paper, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import type { BuildingT, HouseholdT } from '../../../../../shared/contract/archives';
import { ROLE_LABELS } from '../../../../../shared/contract/archives';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useApp } from '../../../stores/app';
import { HousePicker } from './HousePicker';
import { currentPeople } from './ReporterFields';

interface Props {
  publicArea: boolean;
  household: HouseholdT | null;
  location: string;
  buildingId: number | null;
  error?: string;
  autoFocus: boolean;
  houseInputRef: Ref<HTMLInputElement>;
  locationRef: Ref<HTMLInputElement>;
  onPublicArea(v: boolean): void;
  onPickHouse(houseId: number): void;
  onClearHouse(): void;
  onLocation(text: string): void;
  onBuilding(id: number | null): void;
}

/** 位置: a house found as at Ctrl+K, or a public area typed freely with an optional building. */
export function LocationSection(p: Props) {
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          位置{' '}
          <Text span c="red">
            *
          </Text>
        </Text>
        <SegmentedControl
          size="xs"
          value={p.publicArea ? 'public' : 'house'}
          onChange={(v) => p.onPublicArea(v === 'public')}
          data={[
            { value: 'house', label: '房屋' },
            { value: 'public', label: '公共区域' },
          ]}
          aria-label="位置类型"
          data-testid="intake-location-kind"
        />
      </Group>
      {p.publicArea ? (
        <PublicArea {...p} />
      ) : p.household ? (
        <PickedHouse household={p.household} onClear={p.onClearHouse} />
      ) : (
        <HousePicker onPick={p.onPickHouse} error={p.error} autoFocus={p.autoFocus} inputRef={p.houseInputRef} />
      )}
    </div>
  );
}

function PickedHouse({ household, onClear }: { household: HouseholdT; onClear(): void }) {
  const h = household.house;
  const people = currentPeople(household);
  return (
    <Paper withBorder radius="sm" px="md" py={10} bg="var(--mantine-color-blue-light)" data-testid="intake-house-picked">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconHome size={18} color="var(--mantine-color-blue-filled)" style={{ flexShrink: 0 }} />
          <Text fw={600} style={{ flexShrink: 0 }}>
            {h.label}
          </Text>
          <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {h.status}
          </Badge>
          <Text size="sm" c="dimmed" truncate>
            {people.length ? people.map((o) => `${o.person.name}（${ROLE_LABELS[o.role]}）`).join('、') : '未登记住户'}
          </Text>
        </Group>
        <Button size="compact-sm" variant="subtle" onClick={onClear} data-testid="intake-house-change">
          更换房屋
        </Button>
      </Group>
    </Paper>
  );
}

function PublicArea(p: Props) {
  const estateId = useApp((s) => s.estateId);
  const [buildings, setBuildings] = useState<BuildingT[]>([]);
  useEffect(() => {
    if (!estateId) return;
    void unwrap(api['archives.buildings.list']({ estateId })).then((b) => b && setBuildings(b));
  }, [estateId]);
  return (
    <Grid gap="md">
      <Grid.Col span={8}>
        <TextInput
          ref={p.locationRef}
          placeholder="如 3栋电梯、地下车库B2、中心广场、南门岗亭"
          value={p.location}
          onChange={(e) => p.onLocation(e.currentTarget.value)}
          error={p.error}
          aria-label="公共区域位置"
          data-autofocus
          data-testid="intake-location"
        />
      </Grid.Col>
      <Grid.Col span={4}>
        <Select
          placeholder="所在楼栋（可不填）"
          searchable
          selectFirstOptionOnChange
          clearable
          data={buildings.map((b) => ({ value: String(b.id), label: b.name }))}
          value={p.buildingId ? String(p.buildingId) : null}
          onChange={(v) => p.onBuilding(v ? Number(v) : null)}
          nothingFoundMessage="没有这个楼栋"
          aria-label="所在楼栋"
          data-testid="intake-building"
        />
      </Grid.Col>
    </Grid>
  );
}
