import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert, Badge, Button, Card, CloseButton, FileButton, Grid, Group, Image, Input, Kbd, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCheck, IconHome, IconPhoto, IconPrinter } from '@tabler/icons-react';
import { TICKET_CHANNELS, TICKET_TYPES, URGENCIES, type DeskConfigT, type TicketDetailT, type TicketT } from '../../../../../shared/contract/desk';
import type { HouseholdT } from '../../../../../shared/contract/archives';
import { fromCst } from '../../../../../shared/domain/time';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { useApp } from '../../../stores/app';
import { PageHeader } from '../../../components/PageHeader';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { fileToBase64 } from '../../../components/base64';
import { HousePicker } from './HousePicker';
import { PrintPreviewModal } from '../print/PrintPreviewModal';
import { when } from '../shared/format';

type TicketType = TicketT['type'];
type Channel = TicketT['channel'];

interface Photo {
  file: File;
  url: string;
}

/** 受理登记: one keyboard-first form for every request type; Ctrl+Enter saves. */
export function IntakeScreen({ houseId: initialHouseId }: { houseId?: number }) {
  const staffName = useApp((s) => s.status?.settings.staffName) || '前台';
  const go = useNav((s) => s.go);
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [type, setType] = useState<TicketType>('投诉');
  const [channel, setChannel] = useState<Channel>('来访');
  const [publicArea, setPublicArea] = useState(false);
  const [household, setHousehold] = useState<HouseholdT | null>(null);
  const [location, setLocation] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [subcategory, setSubcategory] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<TicketT['urgency']>('一般');
  const [reporter, setReporter] = useState('');
  const [phone, setPhone] = useState('');
  const [description, setDescription] = useState('');
  const [visitAt, setVisitAt] = useState('');
  const [receivedBy, setReceivedBy] = useState(staffName);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [saved, setSaved] = useState<TicketDetailT | null>(null);
  const [printing, setPrinting] = useState(false);
  const form = useFormSubmit();
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const saving = useRef(false);

  useEffect(() => {
    void unwrap(api['desk.config.get']({})).then(setConfig);
  }, []);

  const pickHouse = async (houseId: number) => {
    const hh = await unwrap(api['archives.household.get']({ houseId }));
    if (!hh) return;
    setHousehold(hh);
    form.clear('location', 'houseId');
    const current = hh.occupants.filter((o) => o.active);
    const first = current.find((o) => o.role === 'owner') ?? current.find((o) => o.role === 'tenant') ?? current[0];
    setReporter(first?.person.name ?? '');
    setPhone(first?.person.phone ?? '');
    setTimeout(() => descriptionRef.current?.focus(), 0);
  };

  useEffect(() => {
    if (initialHouseId) void pickHouse(initialHouseId);
  }, [initialHouseId]); // eslint-disable-line react-hooks/exhaustive-deps

  const children = useMemo(() => config?.categories.find((c) => c.name === category)?.children ?? [], [config, category]);
  const people = household?.occupants.filter((o) => o.active) ?? [];

  const reset = () => {
    setSaved(null);
    setHousehold(null);
    setLocation('');
    setCategory(null);
    setSubcategory(null);
    setUrgency('一般');
    setReporter('');
    setPhone('');
    setDescription('');
    setVisitAt('');
    photos.forEach((p) => URL.revokeObjectURL(p.url));
    setPhotos([]);
    form.reset();
  };

  const save = async () => {
    // a double Ctrl+Enter or double click must not record the request twice
    if (saving.current) return;
    saving.current = true;
    try {
      await doSave();
    } finally {
      saving.current = false;
    }
  };
  const doSave = async () => {
    const attachments = await Promise.all(photos.map(async (p) => ({ fileName: p.file.name, dataBase64: await fileToBase64(p.file) })));
    let expectedVisitAt: string | null = null;
    if (visitAt) {
      // the picker shows China wall-clock time whatever the computer's zone is
      const [d, t] = visitAt.split('T');
      const [y, mo, da] = d.split('-').map(Number);
      const [h, mi] = t.split(':').map(Number);
      expectedVisitAt = fromCst(y, mo, da, h, mi).toISOString();
    }
    const r = await form.submit(() =>
      api['desk.tickets.create']({
        type,
        channel,
        houseId: publicArea ? null : (household?.house.id ?? null),
        location: publicArea ? location : null,
        category: category ?? '',
        subcategory,
        urgency,
        reporter,
        phone,
        description,
        expectedVisitAt,
        receivedBy,
        attachments,
      }),
    );
    if (r) setSaved(r);
  };

  const hotkeys = getHotkeyHandler([
    ['mod+Enter', () => void save()],
    ...TICKET_TYPES.map((t, i) => [`alt+${i + 1}`, () => setType(t)] as [string, () => void]),
  ]);

  if (saved) return <Saved detail={saved} onNew={reset} onOpen={() => go({ name: 'ticket', ticketId: saved.ticket.id })} printing={printing} setPrinting={setPrinting} />;

  return (
    <div onKeyDown={hotkeys}>
      <PageHeader
        title="受理登记"
        subtitle={
          <Group gap={6}>
            <span>投诉、报修、咨询、建议、表扬都在这里登记。</span>
            <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd>
            <span>保存，</span>
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1…5</Kbd>
            <span>切换类型</span>
          </Group>
        }
      />
      <Card withBorder radius="md" p="lg" maw={1000}>
        <Stack gap="md">
          <Group gap="xs">
            {TICKET_TYPES.map((t, i) => (
              <Button key={t} variant={type === t ? 'filled' : 'default'} onClick={() => setType(t)} data-testid={`intake-type-${t}`} title={`Alt+${i + 1}`}>
                {t}
              </Button>
            ))}
            <SegmentedControl ml="auto" value={channel} onChange={(v) => setChannel(v as Channel)} data={[...TICKET_CHANNELS]} aria-label="渠道" />
          </Group>

          <Group gap="xs">
            <SegmentedControl size="xs" value={publicArea ? 'public' : 'house'} onChange={(v) => setPublicArea(v === 'public')} data={[{ value: 'house', label: '房屋' }, { value: 'public', label: '公共区域' }]} />
          </Group>
          {publicArea ? (
            <TextInput
              label="位置"
              withAsterisk
              placeholder="如 3栋电梯、地下车库B2、中心广场"
              value={location}
              onChange={(e) => {
                setLocation(e.currentTarget.value);
                form.clear('location');
              }}
              error={form.err('location')}
              data-testid="intake-location"
            />
          ) : household ? (
            <Alert variant="light" color="blue" icon={<IconHome size={18} />} p="sm" data-testid="intake-house-picked">
              <Group justify="space-between">
                <Text fw={600}>{household.house.label}</Text>
                <Group gap="xs">
                  <Badge variant="light">{household.house.status}</Badge>
                  <CloseButton aria-label="更换房屋" onClick={() => setHousehold(null)} />
                </Group>
              </Group>
            </Alert>
          ) : (
            <HousePicker onPick={(h) => void pickHouse(h.houseId)} error={form.err('location')} autoFocus={!initialHouseId} />
          )}

          <Grid gap="md">
            <Grid.Col span={4}>
              <Select
                label="类别"
                withAsterisk
                searchable
                selectFirstOptionOnChange
                placeholder="选择或输入"
                data={config?.categories.map((c) => c.name) ?? []}
                value={category}
                onChange={(v) => {
                  setCategory(v);
                  setSubcategory(null);
                  form.clear('category');
                }}
                error={form.err('category')}
                nothingFoundMessage="没有这个类别"
                onBlur={(e) => {
                  const typed = e.currentTarget.value.trim();
                  if (!category && config?.categories.some((c) => c.name === typed)) setCategory(typed);
                }}
                data-testid="intake-category"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Select
                label="子类别"
                searchable
                selectFirstOptionOnChange
                clearable
                placeholder={children.length ? '选择或输入' : '无'}
                disabled={!children.length}
                data={children}
                value={subcategory}
                onChange={setSubcategory}
                error={form.err('subcategory')}
                data-testid="intake-subcategory"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Input.Wrapper label="紧急程度">
                <SegmentedControl fullWidth value={urgency} onChange={(v) => setUrgency(v as TicketT['urgency'])} data={[...URGENCIES]} color={urgency === '紧急' ? 'red' : undefined} />
              </Input.Wrapper>
            </Grid.Col>
            <Grid.Col span={4}>
              {people.length > 1 ? (
                <Select
                  label="报事人"
                  searchable
                  data={people.map((o) => o.person.name)}
                  value={reporter || null}
                  onChange={(v) => {
                    const p = people.find((o) => o.person.name === v);
                    setReporter(v ?? '');
                    if (p) setPhone(p.person.phone ?? '');
                  }}
                />
              ) : (
                <TextInput label="报事人" value={reporter} onChange={(e) => setReporter(e.currentTarget.value)} error={form.err('reporter')} />
              )}
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label="联系电话" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={form.err('phone')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label="受理人" value={receivedBy} onChange={(e) => setReceivedBy(e.currentTarget.value)} error={form.err('receivedBy')} />
            </Grid.Col>
          </Grid>

          <Textarea
            ref={descriptionRef}
            label="内容"
            withAsterisk
            autosize
            minRows={4}
            maxRows={10}
            placeholder="业主反映的问题、诉求，尽量记下时间、地点和经过"
            value={description}
            onChange={(e) => {
              setDescription(e.currentTarget.value);
              form.clear('description');
            }}
            error={form.err('description')}
            data-testid="intake-description"
          />

          <Group align="flex-end" gap="lg">
            <Input.Wrapper label="预约上门时间" description="报修时填写，按北京时间" error={form.err('expectedVisitAt')}>
              <Input type="datetime-local" value={visitAt} onChange={(e) => setVisitAt(e.currentTarget.value)} w={240} />
            </Input.Wrapper>
            <FileButton multiple accept="image/*" onChange={(files) => setPhotos((prev) => [...prev, ...files.map((file) => ({ file, url: URL.createObjectURL(file) }))].slice(0, 9))}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconPhoto size={16} />}>
                  添加照片（{photos.length}/9）
                </Button>
              )}
            </FileButton>
          </Group>
          {photos.length > 0 && (
            <SimpleGrid cols={9} spacing="xs">
              {photos.map((p, i) => (
                <div key={p.url} style={{ position: 'relative' }}>
                  <Image src={p.url} h={72} radius="sm" fit="cover" alt={p.file.name} />
                  <CloseButton size="xs" style={{ position: 'absolute', top: 2, right: 2, background: 'white' }} aria-label="移除" onClick={() => setPhotos((prev) => prev.filter((_, j) => j !== i))} />
                </div>
              ))}
            </SimpleGrid>
          )}
          {form.err('attachments.0') && <Text c="red" size="sm">{form.formError}</Text>}
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Group justify="flex-end">
            <Button size="md" onClick={() => void save()} loading={form.busy} data-testid="intake-save" rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>}>
              保存
            </Button>
          </Group>
        </Stack>
      </Card>
    </div>
  );
}

function Saved({ detail, onNew, onOpen, printing, setPrinting }: { detail: TicketDetailT; onNew(): void; onOpen(): void; printing: boolean; setPrinting(v: boolean): void }) {
  const t = detail.ticket;
  const newRef = useRef<HTMLButtonElement>(null);
  useEffect(() => newRef.current?.focus(), []);
  return (
    <>
      <PageHeader title="受理登记" />
      <Card withBorder radius="md" p="xl" maw={720} data-testid="intake-success">
        <Stack gap="sm">
          <Group gap="sm">
            <IconCheck size={28} color="var(--mantine-color-teal-6)" />
            <Title order={3}>已受理</Title>
          </Group>
          <Group gap="xs">
            <Text>工单号</Text>
            <Text fw={700} size="xl" ff="monospace" data-testid="intake-ticket-no">
              {t.no}
            </Text>
          </Group>
          <Text c="dimmed">
            {t.type} · {t.location} · {t.category}
            {t.subcategory ? ` / ${t.subcategory}` : ''}
          </Text>
          {(t.sla.respondDueAt || t.sla.resolveDueAt) && (
            <Text size="sm">
              承诺：{t.sla.respondDueAt ? `${when(t.sla.respondDueAt)} 前响应` : ''}
              {t.sla.resolveDueAt ? `，${when(t.sla.resolveDueAt)} 前处理完毕` : ''}
            </Text>
          )}
          <Group mt="sm">
            <Button leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="print-slip">
              打印受理单
            </Button>
            <Button ref={newRef} variant="default" onClick={onNew}>
              继续登记
            </Button>
            <Button variant="subtle" onClick={onOpen}>
              查看工单
            </Button>
          </Group>
        </Stack>
      </Card>
      <PrintPreviewModal document="acceptanceSlip" ticketId={t.id} opened={printing} onClose={() => setPrinting(false)} />
    </>
  );
}
