import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Grid, Group, Input, Kbd, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconEraser } from '@tabler/icons-react';
import { TICKET_CHANNELS, TICKET_TYPES, URGENCIES, type DeskConfigT, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { useApp } from '../../../stores/app';
import { useLookup } from '../../../stores/lookup';
import { PageHeader } from '../../../components/PageHeader';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { fileToBase64 } from '../../../components/base64';
import { hasContent, useIntakeDraft, type Channel, type IntakeDraft, type TicketType } from './draft';
import { LocationSection } from './LocationSection';
import { ReporterFields, currentPeople } from './ReporterFields';
import { PhotoPicker, acceptPhotos } from './PhotoPicker';
import { SavedPanel } from './SavedPanel';
import { suggestCategory } from './suggestCategory';
import { wallTimeNow, wallTimeToIso } from './wallTime';

/** the order errors are met when reading the form: the first one gets the cursor */
const FIELD_ORDER = ['location', 'houseId', 'description', 'category', 'subcategory', 'reporter', 'phone', 'receivedBy', 'expectedVisitAt'] as const;

/** Checks what the server would refuse anyway, all at once, so the user fixes everything in one go. */
function localErrors(d: IntakeDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (d.publicArea && !d.location.trim()) e.location = '请填写公共区域位置';
  if (!d.publicArea && !d.household) e.location = '请选择房屋，或切换到「公共区域」';
  if (!d.description.trim()) e.description = '请填写内容';
  if (!d.category) e.category = '请选择类别';
  if (d.type === '报修' && d.visitAt) {
    const at = wallTimeToIso(d.visitAt);
    if (!at) e.expectedVisitAt = '请填写完整的日期和时间';
    else if (Date.parse(at) <= Date.now()) e.expectedVisitAt = '预约上门时间应晚于现在';
  }
  return e;
}

/**
 * 受理登记: one keyboard-first form for every request type. A complaint for a known house:
 * type the room → Enter → say what happened → Ctrl+Enter. Alt+1…5 switch the type.
 */
export function IntakeScreen({ houseId: routeHouseId }: { houseId?: number }) {
  const staffName = useApp((s) => s.status?.settings.staffName) || '前台';
  const go = useNav((s) => s.go);
  const d = useIntakeDraft((s) => s.draft);
  const patch = useIntakeDraft((s) => s.patch);
  const clearDraft = useIntakeDraft((s) => s.clear);
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [saved, setSaved] = useState<TicketDetailT | null>(null);
  const form = useFormSubmit();
  const saving = useRef(false);
  // a draft kept from an earlier visit to this screen: say so, once
  const [restored] = useState(() => hasContent(useIntakeDraft.getState().draft));

  const refs = {
    location: useRef<HTMLInputElement>(null),
    house: useRef<HTMLInputElement>(null),
    description: useRef<HTMLTextAreaElement>(null),
    category: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    visit: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    void unwrap(api['desk.config.get']({})).then(setConfig);
  }, []);

  const pickHouse = async (houseId: number) => {
    const hh = await unwrap(api['archives.household.get']({ houseId }));
    if (!hh) return;
    const first = currentPeople(hh)[0];
    patch({ household: hh, publicArea: false, reporter: first?.person.name ?? '', phone: first?.person.phone ?? '' });
    form.clear('location', 'houseId');
    setTimeout(() => refs.description.current?.focus(), 0);
  };

  // entry from a household (登记工单): that house, whatever the draft held
  useEffect(() => {
    if (routeHouseId && useIntakeDraft.getState().draft.household?.house.id !== routeHouseId) void pickHouse(routeHouseId);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const children = useMemo(() => config?.categories.find((c) => c.name === d.category)?.children ?? [], [config, d.category]);

  const setDescription = (description: string) => {
    const p: Partial<IntakeDraft> = { description };
    // propose a category the text names outright, until the user picks one
    if (config && (!d.category || d.categorySuggested)) {
      const guess = suggestCategory(description, config.categories);
      if (guess) Object.assign(p, { category: guess.category, subcategory: guess.subcategory, categorySuggested: true });
      else if (d.categorySuggested) Object.assign(p, { category: null, subcategory: null, categorySuggested: false });
    }
    patch(p);
    form.clear('description', ...(p.category ? ['category'] : []));
  };

  const focusFirstError = (errors: Record<string, string>) => {
    const first = FIELD_ORDER.find((k) => errors[k]);
    const location = d.publicArea ? refs.location : refs.house;
    const target = { location, houseId: location, description: refs.description, category: refs.category, subcategory: refs.category, phone: refs.phone, expectedVisitAt: refs.visit };
    if (first && first in target) target[first as keyof typeof target].current?.focus();
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
    const local = localErrors(d);
    if (Object.keys(local).length) {
      form.setErrors(local);
      focusFirstError(local);
      return;
    }
    const attachments = await Promise.all(d.photos.map(async (p) => ({ fileName: p.file.name, dataBase64: await fileToBase64(p.file) })));
    let refused: Record<string, string> = {};
    const r = await form.submit(async () => {
      const res = await api['desk.tickets.create']({
        type: d.type,
        channel: d.channel,
        houseId: d.publicArea ? null : (d.household?.house.id ?? null),
        location: d.publicArea ? d.location : null,
        buildingId: d.publicArea ? d.buildingId : null,
        category: d.category ?? '',
        subcategory: d.subcategory,
        urgency: d.urgency,
        reporter: d.reporter,
        phone: d.phone,
        description: d.description,
        expectedVisitAt: d.type === '报修' && d.visitAt ? wallTimeToIso(d.visitAt) : null,
        receivedBy: d.receivedBy ?? staffName,
        attachments,
      });
      if (!res.ok) refused = res.error.fields ?? {};
      return res;
    });
    if (r) {
      clearDraft();
      setSaved(r);
    } else {
      setTimeout(() => focusFirstError(refused), 0);
    }
  };

  const lookupOpen = () => useLookup.getState().opened;
  useHotkeys(
    saved
      ? []
      : [
          ['mod+Enter', () => !lookupOpen() && void save()],
          ...TICKET_TYPES.map((t, i) => [`alt+digit${i + 1}`, () => !lookupOpen() && patch({ type: t }), { usePhysicalKeys: true }] as [string, () => void, { usePhysicalKeys: boolean }]),
        ],
    [],
  );

  if (saved)
    return (
      <SavedPanel
        detail={saved}
        onNew={() => {
          setSaved(null);
          form.reset();
        }}
        onOpen={() => go({ name: 'ticket', ticketId: saved.ticket.id })}
      />
    );

  const photoErrors: Record<number, string> = {};
  for (const [k, v] of Object.entries(form.errors)) {
    const m = /^attachments\.(\d+)/.exec(k);
    if (m) photoErrors[Number(m[1])] = v;
  }

  return (
    <div>
      <PageHeader
        title="受理登记"
        subtitle={
          <Group gap={6}>
            <span>投诉、报修、咨询、建议、表扬都在这里登记。</span>
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1…5</Kbd>
            <span>切换类型，</span>
            <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd>
            <span>保存</span>
          </Group>
        }
      />
      <Card withBorder radius="md" p="lg" maw={1040}>
        <Stack gap="md">
          {restored && hasContent(d) && (
            <Alert variant="light" color="blue" py={6} data-testid="intake-restored">
              已恢复上次未保存的登记内容。
            </Alert>
          )}
          <Group justify="space-between" align="flex-end">
            <Input.Wrapper label="类型">
              <SegmentedControl
                size="md"
                value={d.type}
                onChange={(v) => patch({ type: v as TicketType })}
                data={TICKET_TYPES.map((t, i) => ({
                  value: t,
                  label: (
                    <span data-testid={`intake-type-${t}`} title={`Alt+${i + 1}`}>
                      {t}
                    </span>
                  ),
                }))}
                aria-label="类型"
                color="blue"
              />
            </Input.Wrapper>
            <Input.Wrapper label="渠道">
              <SegmentedControl value={d.channel} onChange={(v) => patch({ channel: v as Channel })} data={[...TICKET_CHANNELS]} aria-label="渠道" data-testid="intake-channel" />
            </Input.Wrapper>
          </Group>

          <LocationSection
            publicArea={d.publicArea}
            household={d.household}
            location={d.location}
            buildingId={d.buildingId}
            error={form.err('location') ?? form.err('houseId')}
            autoFocus={!routeHouseId}
            houseInputRef={refs.house}
            locationRef={refs.location}
            onPublicArea={(v) => {
              patch({ publicArea: v });
              form.clear('location', 'houseId');
              setTimeout(() => (v ? refs.location : refs.house).current?.focus(), 0);
            }}
            onPickHouse={(id) => void pickHouse(id)}
            onClearHouse={() => {
              patch({ household: null, reporter: '', phone: '' });
              setTimeout(() => refs.house.current?.focus(), 0);
            }}
            onLocation={(location) => {
              patch({ location });
              form.clear('location');
            }}
            onBuilding={(buildingId) => patch({ buildingId })}
          />

          <Textarea
            ref={refs.description}
            label="内容"
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            placeholder="业主反映的问题或诉求：什么事、在哪里、从什么时候开始"
            value={d.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={form.err('description')}
            data-testid="intake-description"
          />

          <Grid gap="md">
            <Grid.Col span={4}>
              <Select
                ref={refs.category}
                label={
                  <>
                    类别
                    <Text span c="red" ml={4} aria-hidden>
                      *
                    </Text>
                    {d.categorySuggested && (
                      <Text span size="xs" c="orange.7" fw={400} ml={6}>
                        按内容推荐，可修改
                      </Text>
                    )}
                  </>
                }
                aria-required
                searchable
                selectFirstOptionOnChange
                placeholder="输入或选择，回车确定"
                data={config?.categories.map((c) => c.name) ?? []}
                value={d.category}
                onChange={(v) => {
                  patch({ category: v, subcategory: null, categorySuggested: false });
                  form.clear('category', 'subcategory');
                }}
                onBlur={(e) => {
                  // a category typed out in full counts even without Enter
                  const typed = e.currentTarget.value.trim();
                  if (typed !== d.category && config?.categories.some((c) => c.name === typed)) patch({ category: typed, subcategory: null, categorySuggested: false });
                }}
                error={form.err('category')}
                nothingFoundMessage="没有这个类别（可在工单设置中添加）"
                data-testid="intake-category"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Select
                label="子类别"
                searchable
                selectFirstOptionOnChange
                clearable
                placeholder={d.category ? (children.length ? '可不填' : '此类别无子类别') : '先选类别'}
                disabled={!children.length}
                data={children}
                value={d.subcategory}
                onChange={(v) => {
                  patch({ subcategory: v, categorySuggested: false });
                  form.clear('subcategory');
                }}
                error={form.err('subcategory')}
                nothingFoundMessage="没有这个子类别"
                data-testid="intake-subcategory"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Input.Wrapper label="紧急程度">
                <SegmentedControl
                  fullWidth
                  value={d.urgency}
                  onChange={(v) => patch({ urgency: v as IntakeDraft['urgency'] })}
                  data={[...URGENCIES]}
                  color={d.urgency === '紧急' ? 'red' : undefined}
                  aria-label="紧急程度"
                  data-testid="intake-urgency"
                />
              </Input.Wrapper>
            </Grid.Col>

            <ReporterFields
              household={d.publicArea ? null : d.household}
              reporter={d.reporter}
              phone={d.phone}
              onChange={(p) => {
                patch(p);
                form.clear(...Object.keys(p));
              }}
              errors={{ reporter: form.err('reporter'), phone: form.err('phone') }}
              phoneRef={refs.phone}
            />
            <Grid.Col span={4}>
              <TextInput
                label="受理人"
                value={d.receivedBy ?? staffName}
                onChange={(e) => patch({ receivedBy: e.currentTarget.value })}
                error={form.err('receivedBy')}
                data-testid="intake-received-by"
              />
            </Grid.Col>
          </Grid>

          {d.type === '报修' && (
            <Input.Wrapper label="预约上门时间" description="与业主约定的上门时间（北京时间），报修按此时间考核完成" error={form.err('expectedVisitAt')}>
              <Input
                ref={refs.visit}
                type="datetime-local"
                value={d.visitAt}
                min={wallTimeNow()}
                onChange={(e) => {
                  patch({ visitAt: e.currentTarget.value });
                  form.clear('expectedVisitAt');
                }}
                error={!!form.err('expectedVisitAt')}
                w={260}
                data-testid="intake-visit-at"
              />
            </Input.Wrapper>
          )}

          <Input.Wrapper label="照片">
            <PhotoPicker
              photos={d.photos}
              errors={photoErrors}
              onAdd={(files) => {
                const { photos, refused } = acceptPhotos(d.photos, files);
                patch({ photos });
                if (refused.length) notifications.show({ color: 'orange', title: '部分照片未添加', message: refused.join('；'), autoClose: 6000 });
              }}
              onRemove={(i) => {
                URL.revokeObjectURL(d.photos[i].url);
                patch({ photos: d.photos.filter((_, j) => j !== i) });
                form.clear(`attachments.${i}`);
              }}
            />
          </Input.Wrapper>

          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Group justify="space-between" mt="xs">
            {hasContent(d) ? (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconEraser size={16} />}
                onClick={() => {
                  clearDraft();
                  form.reset();
                  setTimeout(() => refs.house.current?.focus(), 0);
                }}
                data-testid="intake-clear"
              >
                清空
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                受理后可打印受理单
              </Text>
              <Button size="md" onClick={() => void save()} loading={form.busy} leftSection={<IconDeviceFloppy size={18} />} rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>} data-testid="intake-save">
                保存
              </Button>
            </Group>
          </Group>
        </Stack>
      </Card>
    </div>
  );
}
