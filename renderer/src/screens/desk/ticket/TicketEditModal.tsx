import { useEffect, useState } from 'react';
import { Button, Grid, Group, Paper, SegmentedControl, Select, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconHome } from '@tabler/icons-react';
import type { BuildingT } from '../../../../../shared/contract/archives';
import {
  TicketEditInput,
  VISIT_MAX_DAYS_AHEAD as VISIT_MAX_DAYS,
  type DeskConfigT,
  type TicketDetailT,
  type TicketEditInputT,
} from '../../../../../shared/contract/desk';
import { cstParts, fromCst } from '../../../../../shared/domain/time';
import { isMasked } from '../../../../../shared/domain/mask';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { FormModal } from '../../../components/form/FormModal';
import { useContractForm } from '../../../components/form/contractForm';
import { HousePicker } from '../intake/HousePicker';

type Ticket = TicketDetailT['ticket'];

/** What the form holds; keys match the contract's, so main's field messages land on the inputs. */
interface EditValues extends Record<string, unknown> {
  place: 'house' | 'public';
  houseId: number | null;
  /** the picked house's label, for showing it */
  houseLabel: string;
  location: string;
  buildingId: string | null;
  category: string;
  subcategory: string | null;
  reporter: string;
  phone: string;
  description: string;
  /** China wall-clock time "YYYY-MM-DD HH:mm:ss" as the picker hands it, or null */
  expectedVisitAt: string | null;
  note: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** an instant as the China wall-clock text the picker works in */
function toWall(iso: string | null): string | null {
  if (!iso) return null;
  const p = cstParts(iso);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:00`;
}

/** the picker's China wall-clock text as an instant, whatever zone this computer is set to */
function fromWall(wall: string | null): string | null {
  const m = wall ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(wall) : null;
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return fromCst(y, mo, d, h, mi).toISOString();
}

function initialValues(t: Ticket): EditValues {
  const publicArea = !t.houseId;
  return {
    place: publicArea ? 'public' : 'house',
    houseId: t.houseId,
    houseLabel: t.houseId ? t.location : '',
    location: publicArea ? t.location : '',
    buildingId: publicArea && t.buildingId ? String(t.buildingId) : null,
    category: t.category,
    subcategory: t.subcategory,
    reporter: t.reporter ?? '',
    phone: t.phone ?? '',
    description: t.description,
    expectedVisitAt: toWall(t.expectedVisitAt),
    note: '',
  };
}

/**
 * The call's input: only what differs from the ticket, so a value that was fine at intake (or came
 * from a ledger) never blocks correcting another field. Main writes one 修改 event listing them.
 */
function toInput(t: Ticket, v: EditValues): TicketEditInputT {
  const start = initialValues(t);
  const input: TicketEditInputT = { id: t.id };
  const placeChanged =
    v.place !== start.place || (v.place === 'house' ? v.houseId !== start.houseId : v.location !== start.location || v.buildingId !== start.buildingId);
  if (placeChanged) {
    input.houseId = v.place === 'house' ? v.houseId : null;
    input.location = v.place === 'public' ? v.location : null;
    input.buildingId = v.place === 'public' && v.buildingId ? Number(v.buildingId) : null;
  }
  if (v.category !== start.category || v.subcategory !== start.subcategory) {
    input.category = v.category;
    input.subcategory = v.subcategory;
  }
  if (v.reporter !== start.reporter) input.reporter = v.reporter;
  if (v.phone !== start.phone) input.phone = v.phone;
  if (v.description !== start.description) input.description = v.description;
  if (v.expectedVisitAt !== start.expectedVisitAt) input.expectedVisitAt = fromWall(v.expectedVisitAt);
  if (v.note.trim()) input.note = v.note;
  return input;
}

/**
 * 修改: corrects what was recorded at intake; every change goes on the timeline as before → after.
 * Mounted only while open, so each opening starts from the ticket as it is now.
 */
export function TicketEditModal({
  detail,
  config,
  onClose,
  onSaved,
}: {
  detail: TicketDetailT;
  config: DeskConfigT | null;
  onClose(): void;
  onSaved(d: TicketDetailT): void;
}) {
  const opened = true;
  const t = detail.ticket;
  const form = useContractForm<EditValues, typeof TicketEditInput>({
    schema: TicketEditInput,
    initialValues: initialValues(t),
    toInput: (v) => toInput(t, v),
    also: (v) => {
      const errors: Record<string, string> = {};
      if (v.place === 'house' && !v.houseId) errors.houseId = '请选择房屋';
      if (v.expectedVisitAt !== initialValues(t).expectedVisitAt && v.expectedVisitAt) {
        const at = Date.parse(fromWall(v.expectedVisitAt) ?? '');
        if (Number.isNaN(at)) errors.expectedVisitAt = '请填写完整的日期和时间';
        else if (at <= Date.now()) errors.expectedVisitAt = '预约上门时间应晚于现在';
        else if (at - Date.now() > VISIT_MAX_DAYS * 86_400_000) errors.expectedVisitAt = `预约上门时间不能超过${VISIT_MAX_DAYS}天后`;
      }
      return errors;
    },
  });
  const [buildings, setBuildings] = useState<BuildingT[]>([]);
  useEffect(() => {
    let live = true;
    void unwrap(api['archives.buildings.list']({ estateId: t.estateId })).then((b) => live && b && setBuildings(b));
    return () => {
      live = false;
    };
  }, [t.estateId]);

  const v = form.values;
  const categories = config?.categories ?? [];
  // a category renamed in 设置 since intake still shows as it is on the ticket
  const categoryNames = categories.some((c) => c.name === t.category) ? categories.map((c) => c.name) : [t.category, ...categories.map((c) => c.name)];
  const children = categories.find((c) => c.name === v.category)?.children ?? [];
  const showVisit = t.type === '报修' || !!t.expectedVisitAt;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={`修改工单 · ${t.no}`}
      size="lg"
      form={form}
      submit={(values) => api['desk.tickets.edit'](toInput(t, values))}
      onSaved={onSaved}
      submitLabel="保存修改"
      testId="ticket-edit"
    >
      <Text size="sm" c="dimmed">
        修改会记入处理过程（原内容 → 新内容），原始记录不会丢失。类型和紧急程度决定编号与时限，不能在此修改。
      </Text>
      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={500}>
            位置
          </Text>
          <SegmentedControl
            size="xs"
            data={[
              { value: 'house', label: '房屋' },
              { value: 'public', label: '公共区域' },
            ]}
            {...form.getInputProps('place')}
            aria-label="位置类型"
            data-testid="ticket-edit-place"
          />
        </Group>
        {v.place === 'house' ? (
          v.houseId ? (
            <Paper withBorder radius="sm" px="md" py={8} bg="var(--mantine-color-blue-light)" data-testid="ticket-edit-house">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <IconHome size={18} color="var(--mantine-color-blue-filled)" />
                  <Text fw={600}>{v.houseLabel}</Text>
                </Group>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => form.setValues({ houseId: null, houseLabel: '' })}
                  data-testid="ticket-edit-house-change"
                >
                  更换房屋
                </Button>
              </Group>
            </Paper>
          ) : (
            <HousePicker
              autoFocus
              error={form.errors.houseId as string | undefined}
              onPick={(houseId) => {
                form.setValues({ houseId, houseLabel: '' });
                // the label comes from the house itself, as main will store it
                void unwrap(api['archives.household.get']({ houseId })).then((h) => h && form.setFieldValue('houseLabel', h.house.label));
              }}
            />
          )
        ) : (
          <Grid gap="sm">
            <Grid.Col span={8}>
              <TextInput
                placeholder="如 3栋电梯、地下车库B2、中心广场"
                aria-label="公共区域位置"
                {...form.getInputProps('location')}
                data-testid="ticket-edit-location"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Select
                placeholder="所在楼栋（可不填）"
                searchable
                clearable
                data={buildings.map((b) => ({ value: String(b.id), label: b.name }))}
                nothingFoundMessage="没有这个楼栋"
                aria-label="所在楼栋"
                {...form.getInputProps('buildingId')}
              />
            </Grid.Col>
          </Grid>
        )}
      </div>
      <Grid gap="sm">
        <Grid.Col span={6}>
          <Select
            label="类别"
            withAsterisk
            searchable
            data={categoryNames}
            allowDeselect={false}
            nothingFoundMessage="没有这个类别"
            {...form.getInputProps('category')}
            onChange={(c) => form.setValues({ category: c ?? '', subcategory: null })}
            data-testid="ticket-edit-category"
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select
            label="子类别"
            searchable
            clearable
            data={children.includes(v.subcategory ?? '') || !v.subcategory ? children : [v.subcategory, ...children]}
            placeholder={children.length ? '可不选' : '此类别没有子类别'}
            disabled={!children.length && !v.subcategory}
            nothingFoundMessage="没有这个子类别"
            {...form.getInputProps('subcategory')}
            data-testid="ticket-edit-subcategory"
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="报事人" placeholder="可不填" {...form.getInputProps('reporter')} data-testid="ticket-edit-reporter" />
        </Grid.Col>
        <Grid.Col span={6}>
          {/* shown masked (docs/PRIVACY.md): left as it is, main keeps the stored number */}
          <TextInput
            label="电话"
            placeholder="可不填"
            inputMode="tel"
            description={isMasked(v.phone) ? '不改则保留原号码；更改请输入完整号码' : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('phone')}
            data-testid="ticket-edit-phone"
          />
        </Grid.Col>
      </Grid>
      <Textarea label="内容" withAsterisk autosize minRows={3} maxRows={8} {...form.getInputProps('description')} data-testid="ticket-edit-description" />
      {showVisit && (
        <DateTimePicker
          label="预约上门时间"
          description="北京时间；报修按此时间考核完成，修改后时限随之调整"
          placeholder="未约定"
          valueFormat="YYYY-MM-DD HH:mm"
          clearable
          minDate={new Date()}
          maxDate={new Date(Date.now() + VISIT_MAX_DAYS * 86_400_000)}
          defaultTimeValue="09:00"
          {...form.getInputProps('expectedVisitAt')}
          data-testid="ticket-edit-visit"
        />
      )}
      <TextInput label="修改说明" placeholder="可不填，如：业主来电更正电话" {...form.getInputProps('note')} data-testid="ticket-edit-note" />
    </FormModal>
  );
}
