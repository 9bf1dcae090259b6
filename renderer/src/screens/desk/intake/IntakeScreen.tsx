import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, CloseButton, Grid, Group, Input, Kbd, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconEraser, IconHistory } from '@tabler/icons-react';
import { TICKET_CHANNELS, TICKET_TYPES, URGENCIES, VISIT_MAX_DAYS_AHEAD, type DeskConfigT, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useNav, type LeaveGuard } from '../../../app/navigation';
import { useApp } from '../../../stores/app';
import { useCurrentUser } from '../../../stores/auth';
import { useLookup } from '../../../stores/lookup';
import { PageHeader } from '../../../components/PageHeader';
import { FormError } from '../../../components/FormError';
import { fileToBase64 } from '../../../components/base64';
import { useDraftFiles, useFormDraft, writeDraftFiles } from '../../../components/form/formDraft';
import { when } from '../shared/format';
import {
  EMPTY_INTAKE,
  FIELD_ORDER,
  INTAKE_DRAFT_VERSION,
  blankIntake,
  hasContent,
  intakeErrors,
  nextEmptyRequired,
  toInput,
  type Channel,
  type FocusField,
  type IntakeValues,
  type Photo,
  type TicketType,
} from './draft';
import { LocationSection } from './LocationSection';
import { ReporterFields, currentPeople } from './ReporterFields';
import { PhotoPicker, acceptPhotos } from './PhotoPicker';
import { SavedPanel } from './SavedPanel';
import { suggestCategory } from './suggestCategory';
import { visitDays } from './wallTime';

const DRAFT_KEY = 'intake';
const PHOTOS_KEY = 'intake-photos';

const toPhoto = (file: File): Photo => ({ file, url: URL.createObjectURL(file) });

/**
 * 受理登记: one keyboard-first form for every request type. A complaint for a known house:
 * type the room → Enter → category → Enter → say what happened → Ctrl+Enter. Alt+1…5 switch the type.
 * What is typed is kept as a draft until saved (docs/ARCHITECTURE.md, "Drafts and the leave guard").
 */
export function IntakeScreen({ houseId: routeHouseId }: { houseId?: number }) {
  // 受理人 is the signed-in user (docs/ACCOUNTS.md); the field stays editable for one taken for a colleague
  const staffName = useCurrentUser()?.displayName ?? '前台';
  const staff = useRef(staffName);
  staff.current = staffName;
  const go = useNav((s) => s.go);
  const held = useNav((s) => s.held);
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [saved, setSaved] = useState<TicketDetailT | null>(null);
  const [busy, setBusy] = useState(false);
  /** a refusal from main that names no field: kept above the buttons */
  const [formError, setFormError] = useState<string | null>(null);
  /** photos left out (not an image, too big, too many): said under 照片 */
  const [photoNotice, setPhotoNotice] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const saving = useRef(false);
  /** the text typed into 类别 that is not (yet) a pick */
  const categoryTyped = useRef('');

  const form = useForm<IntakeValues>({
    mode: 'controlled',
    initialValues: EMPTY_INTAKE,
    // the contract's IntakeInput as resolver, plus what only the form can know (draft.ts)
    validate: (v) => intakeErrors(v, staff.current),
    clearInputErrorOnChange: true,
  });
  const v = form.values;
  const draft = useFormDraft(DRAFT_KEY, form, { version: INTAKE_DRAFT_VERSION, hasContent });
  const files = useMemo(() => photos.map((p) => p.file), [photos]);
  const photosRestored = useDraftFiles(PHOTOS_KEY, files, (kept) => setPhotos((now) => [...kept.map(toPhoto), ...now]));
  const [noticeClosed, setNoticeClosed] = useState(false);

  const refs = {
    location: useRef<HTMLInputElement>(null),
    house: useRef<HTMLInputElement>(null),
    description: useRef<HTMLTextAreaElement>(null),
    category: useRef<HTMLInputElement>(null),
    reporter: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    receivedBy: useRef<HTMLInputElement>(null),
    visit: useRef<HTMLButtonElement>(null),
  };

  const focusField = (key: FocusField) => {
    const target: Record<FocusField, { current: HTMLElement | null }> = {
      location: form.getValues().publicArea ? refs.location : refs.house,
      category: refs.category,
      subcategory: refs.category,
      description: refs.description,
      reporter: refs.reporter,
      phone: refs.phone,
      receivedBy: refs.receivedBy,
      expectedVisitAt: refs.visit,
    };
    // after React has drawn the field (a picked house replaces the search box)
    setTimeout(() => target[key].current?.focus(), 0);
  };
  /** the cursor goes on to the next required field still empty, so the keyboard never has to hunt */
  const focusNextEmpty = (after: FocusField) => {
    const next = nextEmptyRequired(form.getValues(), after);
    if (next) focusField(next);
  };
  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = FIELD_ORDER.find((k) => errors[k]);
    if (first) focusField(first);
  };

  useEffect(() => {
    void unwrap(api['desk.config.get']({})).then(setConfig);
  }, []);

  // ---- leave guard: ask before a menu click leaves typed text (a look-up with Ctrl+K does not ask)
  const hasInput = hasContent(v) || photos.length > 0;
  const keepable = useRef(hasInput);
  keepable.current = hasInput;
  useEffect(() => {
    const guard: LeaveGuard = (to) => to.name === 'intake' || !keepable.current || useLookup.getState().opened;
    useNav.getState().setGuard(guard);
    return () => {
      useNav.getState().clearGuard(guard);
      // leaving with a draft: say where it is (one notice, replaced rather than piled up)
      if (keepable.current)
        notifications.show({ id: 'intake-draft-kept', color: 'blue', message: '未保存的受理草稿已保留，按 F2 回到受理登记继续填写', autoClose: 5000 });
    };
  }, []);

  const pickHouse = async (houseId: number) => {
    const hh = await unwrap(api['archives.household.get']({ houseId }));
    if (!hh) return;
    const cur = form.getValues();
    // the same house again (e.g. its 登记工单 over a kept draft): keep who was typed as reporter
    const same = !cur.publicArea && cur.household?.house.id === houseId;
    const first = currentPeople(hh)[0];
    form.setValues({ household: hh, publicArea: false, ...(same ? {} : { reporter: first?.person.name ?? '', phone: first?.person.phone ?? '' }) });
    form.clearFieldError('location');
    focusNextEmpty('location');
  };

  // entry from a household (登记工单): that house, whatever the draft held
  useEffect(() => {
    if (routeHouseId) void pickHouse(routeHouseId);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const children = useMemo(() => config?.categories.find((c) => c.name === v.category)?.children ?? [], [config, v.category]);

  const setDescription = (description: string) => {
    const p: Partial<IntakeValues> = { description };
    // propose a category the text names outright, until the user picks one
    if (config && (!v.category || v.categorySuggested)) {
      const guess = suggestCategory(description, config.categories);
      if (guess) Object.assign(p, { category: guess.category, subcategory: guess.subcategory, categorySuggested: true });
      else if (v.categorySuggested) Object.assign(p, { category: null, subcategory: null, categorySuggested: false });
    }
    form.setValues(p);
    form.clearFieldError('description');
    if (p.category) form.clearFieldError('category');
  };

  const pickCategory = (category: string | null) => {
    form.setValues({ category, subcategory: null, categorySuggested: false });
    form.clearFieldError('category');
    form.clearFieldError('subcategory');
  };

  /** a category typed out in full counts even without Enter (on leaving the box, and on Ctrl+Enter) */
  const takeTypedCategory = () => {
    const typed = categoryTyped.current.trim();
    if (typed && typed !== form.getValues().category && config?.categories.some((c) => c.name === typed)) pickCategory(typed);
  };

  const clearAll = () => {
    photos.forEach((p) => URL.revokeObjectURL(p.url));
    setPhotos([]);
    setPhotoNotice(null);
    setFormError(null);
    form.setValues(blankIntake(form.getValues()));
    form.clearErrors();
    form.resetDirty();
    // dropped at once: leaving through 放弃草稿 unmounts the form before the emptied values are written
    draft.discard();
    void writeDraftFiles(PHOTOS_KEY, []);
    setNoticeClosed(true);
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
    takeTypedCategory();
    setFormError(null);
    const checked = form.validate();
    if (checked.hasErrors) {
      focusFirstError(checked.errors);
      return;
    }
    const values = form.getValues();
    setBusy(true);
    try {
      const attachments = await Promise.all(photos.map(async (p) => ({ fileName: p.file.name, dataBase64: await fileToBase64(p.file) })));
      // a public area is filed under the estate the desk is working on (docs/ARCHITECTURE.md, "Several estates")
      const res = await api['desk.tickets.create']({ ...toInput(values, staff.current), estateId: useApp.getState().estateId ?? undefined, attachments });
      if (res.ok) {
        // saved: the draft (values and photos) goes
        clearAll();
        setSaved(res.value);
        return;
      }
      const fields = { ...(res.error.fields ?? {}) };
      delete fields._;
      form.setErrors(fields);
      // a refusal no field of this form shows must still be seen: above the buttons, not as a toast
      const shown = Object.keys(fields).some((k) => (FIELD_ORDER as readonly string[]).includes(k) || k.startsWith('attachments.'));
      if (!shown) setFormError(res.error.message);
      focusFirstError(fields);
    } catch {
      setFormError('与后台的连接中断，请重试');
    } finally {
      setBusy(false);
    }
  };

  const lookupOpen = () => useLookup.getState().opened;
  useHotkeys(
    saved
      ? []
      : [
          ['mod+Enter', () => !lookupOpen() && !held && void save()],
          ...TICKET_TYPES.map(
            (t, i) =>
              [`alt+digit${i + 1}`, () => !lookupOpen() && form.setFieldValue('type', t), { usePhysicalKeys: true }] as [
                string,
                () => void,
                { usePhysicalKeys: boolean },
              ],
          ),
        ],
    [],
  );

  const leaveDialog = (
    <Modal opened={!!held} onClose={() => useNav.getState().stay()} title="受理登记尚未保存" centered size="md">
      <Stack gap="md">
        <Text size="sm">已填写的内容会作为草稿保留，回到受理登记（F2）时自动恢复。</Text>
        <Group justify="space-between">
          <Button
            variant="subtle"
            color="red"
            onClick={() => {
              clearAll();
              keepable.current = false;
              useNav.getState().proceed();
            }}
            data-testid="intake-leave-discard"
          >
            放弃草稿
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={() => useNav.getState().stay()} data-testid="intake-leave-stay">
              继续填写
            </Button>
            <Button onClick={() => useNav.getState().proceed()} data-autofocus data-testid="intake-leave-keep">
              保留草稿并离开
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );

  if (saved)
    return (
      <SavedPanel
        detail={saved}
        onNew={() => {
          setSaved(null);
          focusField('location');
        }}
        onOpen={() => go({ name: 'ticket', ticketId: saved.ticket.id })}
      />
    );

  const photoErrors: Record<number, string> = {};
  for (const [k, msg] of Object.entries(form.errors)) {
    const m = /^attachments\.(\d+)/.exec(k);
    if (m && typeof msg === 'string') photoErrors[Number(m[1])] = msg;
  }
  const err = (k: string) => (form.errors[k] as string | undefined) ?? undefined;
  const days = visitDays();
  const showRestored = !noticeClosed && (draft.restored || photosRestored > 0) && hasInput;

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
          {showRestored && (
            <Alert variant="light" color="blue" py={8} icon={<IconHistory size={18} />} data-testid="intake-restored">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  已恢复未保存的受理草稿
                  {draft.restored?.savedAt ? `（${when(draft.restored.savedAt)} 填写）` : ''}
                  {photosRestored > 0 ? `，含 ${photosRestored} 张照片` : ''}。
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconEraser size={14} />}
                    onClick={() => (clearAll(), focusField('location'))}
                    data-testid="intake-restored-clear"
                  >
                    清空
                  </Button>
                  <CloseButton size="sm" aria-label="关闭提示" onClick={() => setNoticeClosed(true)} />
                </Group>
              </Group>
            </Alert>
          )}
          <Group justify="space-between" align="flex-end">
            <Input.Wrapper label="类型">
              <SegmentedControl
                size="md"
                value={v.type}
                onChange={(t) => form.setFieldValue('type', t as TicketType)}
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
              <SegmentedControl
                value={v.channel}
                onChange={(c) => form.setFieldValue('channel', c as Channel)}
                data={[...TICKET_CHANNELS]}
                aria-label="渠道"
                data-testid="intake-channel"
              />
            </Input.Wrapper>
          </Group>

          <LocationSection
            publicArea={v.publicArea}
            household={v.household}
            location={v.location}
            buildingId={v.buildingId}
            error={err('location') ?? err('houseId')}
            autoFocus={!routeHouseId}
            houseInputRef={refs.house}
            locationRef={refs.location}
            onPublicArea={(pub) => {
              form.setFieldValue('publicArea', pub);
              form.clearFieldError('location');
              focusField('location');
            }}
            onPickHouse={(id) => void pickHouse(id)}
            onClearHouse={() => {
              form.setValues({ household: null, reporter: '', phone: '' });
              focusField('location');
            }}
            onLocation={(location) => form.setFieldValue('location', location)}
            onBuilding={(buildingId) => form.setFieldValue('buildingId', buildingId)}
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
                    {v.categorySuggested && (
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
                value={v.category}
                onSearchChange={(s) => (categoryTyped.current = s)}
                onChange={(c) => {
                  pickCategory(c);
                  if (c) focusNextEmpty('category');
                }}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
                  // Enter pressed before the list highlighted its first match (a busy machine): take
                  // that first match all the same, as the highlighted option would have been
                  const typed = e.currentTarget.value.trim();
                  setTimeout(() => {
                    const cur = form.getValues().category;
                    if (!typed || (cur && cur.includes(typed))) return;
                    const first = config?.categories.find((c) => c.name.includes(typed));
                    if (first) {
                      pickCategory(first.name);
                      focusNextEmpty('category');
                    }
                  }, 0);
                }}
                onBlur={(e) => {
                  // Select has already emptied its search state here; the box still shows what was typed
                  categoryTyped.current = e.currentTarget.value;
                  takeTypedCategory();
                }}
                error={err('category')}
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
                placeholder={v.category ? (children.length ? '可不填' : '此类别无子类别') : '先选类别'}
                disabled={!children.length}
                data={children}
                value={v.subcategory}
                onChange={(s) => form.setValues({ subcategory: s, categorySuggested: false })}
                error={err('subcategory')}
                nothingFoundMessage="没有这个子类别"
                data-testid="intake-subcategory"
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Input.Wrapper label="紧急程度">
                <SegmentedControl
                  fullWidth
                  value={v.urgency}
                  onChange={(u) => form.setFieldValue('urgency', u as IntakeValues['urgency'])}
                  data={[...URGENCIES]}
                  color={v.urgency === '紧急' ? 'red' : undefined}
                  aria-label="紧急程度"
                  data-testid="intake-urgency"
                />
              </Input.Wrapper>
            </Grid.Col>
          </Grid>

          <Textarea
            ref={refs.description}
            label="内容"
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            placeholder="业主反映的问题或诉求：什么事、在哪里、从什么时候开始"
            value={v.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={err('description')}
            data-testid="intake-description"
          />

          <Grid gap="md">
            <ReporterFields
              household={v.publicArea ? null : v.household}
              reporter={v.reporter}
              phone={v.phone}
              onChange={(p) => form.setValues(p)}
              errors={{ reporter: err('reporter'), phone: err('phone') }}
              reporterRef={refs.reporter}
              phoneRef={refs.phone}
            />
            <Grid.Col span={4}>
              <TextInput
                ref={refs.receivedBy}
                label="受理人"
                value={v.receivedBy ?? staffName}
                onChange={(e) => form.setFieldValue('receivedBy', e.currentTarget.value)}
                error={err('receivedBy')}
                data-testid="intake-received-by"
              />
            </Grid.Col>
          </Grid>

          {v.type === '报修' && (
            <DateTimePicker
              ref={refs.visit}
              label="预约上门时间"
              description={`与业主约定的上门时间（北京时间，${VISIT_MAX_DAYS_AHEAD}天内），报修按此时间考核完成`}
              placeholder="不约定可不填"
              valueFormat="YYYY-MM-DD HH:mm"
              clearable
              clearButtonProps={{ 'aria-label': '清除预约时间' }}
              value={v.expectedVisitAt}
              onChange={(at) => form.setFieldValue('expectedVisitAt', at)}
              // checked as the picker closes: a refusal shows at once, next to the field
              onDropdownClose={() => form.getValues().expectedVisitAt && form.validateField('expectedVisitAt')}
              excludeDate={(d) => d.slice(0, 10) < days.first || d.slice(0, 10) > days.last}
              defaultTimeValue="09:00"
              timePickerProps={{ format: '24h' }}
              error={err('expectedVisitAt')}
              w={420}
              data-testid="intake-visit-at"
            />
          )}

          <Input.Wrapper label="照片" error={photoNotice}>
            <PhotoPicker
              photos={photos}
              errors={photoErrors}
              onAdd={(added) => {
                const r = acceptPhotos(photos, added);
                setPhotos(r.photos);
                setPhotoNotice(r.refused.length ? `未添加：${r.refused.join('；')}` : null);
              }}
              onRemove={(i) => {
                URL.revokeObjectURL(photos[i].url);
                setPhotos(photos.filter((_, j) => j !== i));
                setPhotoNotice(null);
                form.clearFieldError(`attachments.${i}`);
              }}
            />
          </Input.Wrapper>

          <FormError message={formError} />
          <Group justify="space-between" mt="xs">
            {hasInput ? (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconEraser size={16} />}
                onClick={() => (clearAll(), focusField('location'))}
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
              <Button
                size="md"
                onClick={() => void save()}
                loading={busy}
                leftSection={<IconDeviceFloppy size={18} />}
                rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>}
                data-testid="intake-save"
              >
                保存
              </Button>
            </Group>
          </Group>
        </Stack>
      </Card>
      {leaveDialog}
    </div>
  );
}
