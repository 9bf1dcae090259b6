import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  NavLink,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue, useElementSize } from '@mantine/hooks';
import { IconPlus, IconPrinter, IconSend } from '@tabler/icons-react';
import {
  AUDIENCE_LABELS,
  NOTICE_KINDS,
  PER_HOUSE_PLACEHOLDERS,
  STANDARD_PLACEHOLDERS,
  TYPED_PLACEHOLDERS,
  TemplateInput,
  type NoticeDraftInput,
  type NoticeSummaryT,
  type NoticeTemplateT,
} from '../../../../shared/contract/notices';
import type { BuildingMapT, BuildingT } from '../../../../shared/contract/archives';
import type { Output } from '../../../../shared/contract';
import type { PrintLogEntryT } from '../../../../shared/contract/documents';
import { cstDate, cstDateTime } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { showSaved, submitForm, unwrap } from '../../app/call';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../../components/DateField';
import { ReasonModal } from '../../components/ReasonModal';
import { useContractForm } from '../../components/form/contractForm';
import { DocumentPreviewModal } from '../documents/DocumentPreviewModal';
import { BatchPrintModal } from '../documents/BatchPrintModal';
import { useCan } from '../../stores/auth';

// 通知公告 (PRODUCT.md §5): pick or write a template, fill its values, choose who it is for, see
// the page as it will print (a live preview main renders), 发布 (numbered 〔2026〕第012号 per estate
// per year, pages stored) and print; 已发布 lists the notices with 重新打印 and the print log.
// Audience: 张贴 prints one copy for a notice board: per-house placeholders ({{房号}} {{业主}}
// {{金额}} {{金额大写}}) are refused there, main says so; 楼栋 / 单元 / 选定房屋 print one page per
// house addressed to its owner (a 楼栋 or 单元 may also be 张贴 as one copy with 「张贴一份」).

/** above this many pages the print goes to the background batch with progress */
const BATCH_FROM = 20;
/** an A4 sheet in CSS px, and its printed margins (12 mm × 14 mm, documents/html.ts) */
const A4_W = 794;
const A4_H = 1123;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const usedIn = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];

type AudienceKind = 'estate' | 'building' | 'unit' | 'list';
type TemplateValues = { id: number | undefined; name: string; kind: NoticeTemplateT['kind']; title: string; body: string; fields: string[] };
type Preview = Output<'notices.preview'>;

export function NoticesScreen({ estateId }: { estateId: number }) {
  const [tab, setTab] = useState<string | null>('write');
  const [printing, setPrinting] = useState<{ noticeId: number; units: number } | null>(null);
  const [issuedVersion, setIssuedVersion] = useState(0);
  return (
    <Stack gap={0}>
      <PageHeader title="通知公告" subtitle="停水、停电、催缴等通知：选模板、填内容、选范围，发布后打印；每份通知有文号，可重新打印" />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="write" data-testid="notices-tab-write">
            编写与发布
          </Tabs.Tab>
          <Tabs.Tab value="issued" data-testid="notices-tab-issued">
            已发布
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write">
          <Composer
            estateId={estateId}
            onIssued={(n) => {
              setIssuedVersion((v) => v + 1);
              setPrinting({ noticeId: n.id, units: n.units });
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="issued">
          <IssuedList estateId={estateId} version={issuedVersion} onPrint={(n) => setPrinting({ noticeId: n.id, units: n.units })} />
        </Tabs.Panel>
      </Tabs>
      {printing &&
        (printing.units > BATCH_FROM ? (
          <BatchPrintModal request={{ document: 'notice', noticeId: printing.noticeId }} open onClose={() => setPrinting(null)} />
        ) : (
          <DocumentPreviewModal request={{ document: 'notice', noticeId: printing.noticeId }} open onClose={() => setPrinting(null)} />
        ))}
    </Stack>
  );
}

// ---------------------------------------------------------------- writing and issuing

function Composer({ estateId, onIssued }: { estateId: number; onIssued(n: { id: number; units: number }): void }) {
  const [templates, setTemplates] = useState<NoticeTemplateT[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [voiding, setVoiding] = useState<NoticeTemplateT | null>(null);
  // templates are kept by the roles that may edit them (docs/ACCOUNTS.md); everyone issues notices
  const mayEditTemplates = useCan('templates.edit');
  const form = useContractForm<TemplateValues, typeof TemplateInput>({
    schema: TemplateInput,
    initialValues: { id: undefined, name: '', kind: '公告', title: '', body: '', fields: [] },
  });
  const [date, setDate] = useState<string | null>(cstDate());
  const [values, setValues] = useState<Record<string, string>>({});
  const [audience, setAudience] = useState<AudienceKind>('building');
  const [posted, setPosted] = useState(false);
  const [buildings, setBuildings] = useState<BuildingT[]>([]);
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const [map, setMap] = useState<BuildingMapT | null>(null);
  const [unitName, setUnitName] = useState<string | null>(null);
  const [houseIds, setHouseIds] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<number, number | string>>({});
  const [issueErrors, setIssueErrors] = useState<Record<string, string>>({});
  const [issuing, setIssuing] = useState(false);

  const loadTemplates = useCallback(async () => {
    const list = await unwrap(api['notices.templates.list']({}), { key: 'notice-templates' });
    if (list) setTemplates(list);
    return list;
  }, []);
  const choose = useCallback(
    (t: NoticeTemplateT) => {
      setSelected(t.id);
      form.setValues({ id: t.id, name: t.name, kind: t.kind, title: t.title, body: t.body, fields: t.fields });
      form.resetDirty();
      form.clearErrors();
      setIssueErrors({});
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => {
    void loadTemplates().then((list) => {
      if (list?.length) choose(list[0]);
    });
  }, [loadTemplates, choose]);
  useEffect(() => {
    void unwrap(api['archives.buildings.list']({ estateId }), { key: 'notice-buildings' }).then((b) => {
      if (!b) return;
      setBuildings(b);
      setBuildingId((cur) => cur ?? b[0]?.id ?? null);
    });
  }, [estateId]);
  useEffect(() => {
    if (!buildingId) return;
    void unwrap(api['archives.buildings.map']({ buildingId }), { key: 'notice-map' }).then((m) => m && setMap(m));
  }, [buildingId]);

  const v = form.values;
  const used = usedIn(`${v.title}\n${v.body}`);
  const typed = used.filter((n) => (TYPED_PLACEHOLDERS as readonly string[]).includes(n) || v.fields.includes(n));
  const needsAmount = used.includes('金额') || used.includes('金额大写');
  const cells = useMemo(() => map?.cells ?? [], [map]);
  const label = (c: BuildingMapT['cells'][number]) => `${map?.building.name ?? ''}${c.unitName ?? ''}${c.roomNo}`;
  const audienceHouses =
    audience === 'building' && !posted
      ? cells
      : audience === 'unit' && !posted
        ? cells.filter((c) => c.unitName === unitName)
        : audience === 'list'
          ? cells.filter((c) => houseIds.includes(String(c.id)))
          : [];

  const draft: NoticeDraftInput | null = useMemo(() => {
    if (!date) return null;
    const aud: NoticeDraftInput['audience'] | null =
      audience === 'estate'
        ? { kind: 'estate' }
        : audience === 'building'
          ? buildingId
            ? { kind: 'building', buildingId, posted }
            : null
          : audience === 'unit'
            ? buildingId && unitName
              ? { kind: 'unit', buildingId, unitName, posted }
              : null
            : houseIds.length
              ? { kind: 'list', houseIds: houseIds.map(Number) }
              : null;
    if (!aud) return null;
    return {
      estateId,
      templateId: selected,
      kind: v.kind,
      title: v.title,
      body: v.body,
      fields: v.fields,
      date,
      values: Object.fromEntries(Object.entries(values).filter(([k]) => typed.includes(k))),
      audience: aud,
      amounts: needsAmount
        ? Object.entries(amounts)
            .filter(([, a]) => typeof a === 'number' && a > 0)
            .map(([houseId, amount]) => ({ houseId: Number(houseId), amount: Number(amount) }))
        : [],
    };
  }, [estateId, selected, v.kind, v.title, v.body, v.fields, date, values, audience, buildingId, posted, unitName, houseIds, amounts, needsAmount, typed]);

  const [debounced] = useDebouncedValue(JSON.stringify(draft), 400);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  useEffect(() => {
    if (debounced === 'null' || !v.title.trim() || !v.body.trim()) return;
    let live = true;
    void api['notices.preview'](JSON.parse(debounced) as NoticeDraftInput).then(
      (r) => {
        if (!live) return;
        if (r.ok) {
          setPreview(r.value);
          setPreviewError(null);
        } else setPreviewError(r.error.message);
      },
      () => live && setPreviewError('与后台的连接中断，请重试'),
    );
    return () => {
      live = false;
    };
    // the text fields are part of the debounced draft
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const insert = (name: string) => {
    const el = document.getElementById('notice-body') as HTMLTextAreaElement | null;
    const token = `{{${name}}}`;
    const at = el?.selectionStart ?? v.body.length;
    const end = el?.selectionEnd ?? at;
    form.setFieldValue('body', v.body.slice(0, at) + token + v.body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const saveTemplate = async (asNew: boolean) => {
    if (form.validate().hasErrors) return;
    const input = { ...form.values, id: asNew ? undefined : form.values.id };
    const r = await submitForm(api['notices.templates.save'](input));
    if (!r.ok) {
      form.setErrors(r.fields);
      return;
    }
    showSaved(`模板「${r.value.name}」已保存`);
    await loadTemplates();
    choose(r.value);
  };

  const issue = async () => {
    if (!draft) {
      setIssueErrors({ audience: '请选择发布范围' });
      return;
    }
    setIssuing(true);
    const r = await submitForm(api['notices.issue'](draft));
    setIssuing(false);
    if (!r.ok) {
      setIssueErrors(r.fields);
      return;
    }
    setIssueErrors({});
    showSaved(`已发布 ${r.value.no}`);
    onIssued(r.value);
  };

  const unitOptions = (map?.units ?? []).flatMap((u) => (u.name ? [u.name] : []));
  const problems = preview?.problems ?? [];

  return (
    <>
      <Grid gap="md">
        <Grid.Col span={2}>
          <Stack gap={4}>
            <Text size="sm" fw={600} c="dimmed">
              模板
            </Text>
            <ScrollArea.Autosize mah="calc(100vh - 250px)">
              {templates.map((t) => (
                <NavLink
                  key={t.id}
                  label={t.name}
                  description={t.builtin ? '内置' : `${t.updatedBy} 修改`}
                  active={t.id === selected}
                  onClick={() => choose(t)}
                  data-testid="notice-template"
                />
              ))}
            </ScrollArea.Autosize>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => {
                setSelected(null);
                form.setValues({ id: undefined, name: '', kind: '公告', title: '', body: '', fields: [] });
                form.resetDirty();
              }}
              data-testid="notice-template-new"
            >
              新建模板
            </Button>
          </Stack>
        </Grid.Col>

        <Grid.Col span={5}>
          <ScrollArea h="calc(100vh - 210px)" offsetScrollbars>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <TextInput label="模板名称" size="xs" {...form.getInputProps('name')} data-testid="notice-template-name" />
                <Select label="类别" size="xs" data={[...NOTICE_KINDS]} allowDeselect={false} {...form.getInputProps('kind')} />
              </Group>
              <TextInput label="标题" size="xs" {...form.getInputProps('title')} data-testid="notice-title" />
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  插入：
                </Text>
                {[...STANDARD_PLACEHOLDERS, ...v.fields].map((n) => (
                  <Badge
                    key={n}
                    size="sm"
                    variant={(PER_HOUSE_PLACEHOLDERS as readonly string[]).includes(n) ? 'outline' : 'light'}
                    style={{ cursor: 'pointer', textTransform: 'none' }}
                    onClick={() => insert(n)}
                    data-testid={`notice-insert-${n}`}
                  >
                    {n}
                  </Badge>
                ))}
              </Group>
              <Textarea id="notice-body" label="正文" size="xs" autosize minRows={6} maxRows={12} {...form.getInputProps('body')} data-testid="notice-body" />
              <TagsInput
                label="自定义字段"
                description="正文里可用 {{字段名}} 引用，发布时填写"
                size="xs"
                {...form.getInputProps('fields')}
                error={form.errors.fields ?? Object.entries(form.errors).find(([k]) => k.startsWith('fields.'))?.[1]}
                data-testid="notice-fields"
              />
              <Group gap="xs" display={mayEditTemplates ? undefined : 'none'}>
                <Button size="xs" variant="default" onClick={() => void saveTemplate(false)} disabled={!form.values.id} data-testid="notice-template-save">
                  保存模板
                </Button>
                <Button size="xs" variant="default" onClick={() => void saveTemplate(true)} data-testid="notice-template-save-new">
                  另存为新模板
                </Button>
                {selected && !templates.find((t) => t.id === selected)?.builtin && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setVoiding(templates.find((t) => t.id === selected) ?? null)}>
                    作废模板
                  </Button>
                )}
              </Group>

              <Text size="sm" fw={600} mt="sm">
                发布
              </Text>
              <Group grow align="flex-start">
                <DateField label="落款日期" size="xs" value={date} onChange={setDate} error={issueErrors.date} data-testid="notice-date" />
                {typed.length > 0 &&
                  typed.slice(0, 1).map((n) => (
                    <TextInput
                      key={n}
                      label={n}
                      size="xs"
                      value={values[n] ?? ''}
                      onChange={(e) => {
                        const text = e.currentTarget.value;
                        setValues((s) => ({ ...s, [n]: text }));
                      }}
                      error={issueErrors[`values.${n}`]}
                      data-testid={`notice-value-${n}`}
                    />
                  ))}
              </Group>
              {typed.slice(1).map((n) => (
                <TextInput
                  key={n}
                  label={n}
                  size="xs"
                  placeholder={n.includes('时间') ? '如 12月8日 8:00' : undefined}
                  value={values[n] ?? ''}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setValues((s) => ({ ...s, [n]: text }));
                  }}
                  error={issueErrors[`values.${n}`]}
                  data-testid={`notice-value-${n}`}
                />
              ))}
              <SegmentedControl
                size="xs"
                value={audience}
                onChange={(a) => setAudience(a as AudienceKind)}
                data={(Object.keys(AUDIENCE_LABELS) as AudienceKind[]).map((k) => ({ value: k, label: AUDIENCE_LABELS[k] }))}
                data-testid="notice-audience"
              />
              {audience !== 'estate' && (
                <Group grow align="flex-end">
                  <Select
                    label="楼栋"
                    size="xs"
                    data={buildings.map((b) => ({ value: String(b.id), label: `${b.name}（${b.houseCount} 户）` }))}
                    value={buildingId ? String(buildingId) : null}
                    onChange={(b) => {
                      setBuildingId(b ? Number(b) : null);
                      setUnitName(null);
                    }}
                    allowDeselect={false}
                    data-testid="notice-building"
                  />
                  {audience === 'unit' && (
                    <Select label="单元" size="xs" data={unitOptions} value={unitName} onChange={setUnitName} data-testid="notice-unit" />
                  )}
                  {(audience === 'building' || audience === 'unit') && (
                    <Checkbox
                      size="xs"
                      label="张贴一份（不按户）"
                      checked={posted}
                      onChange={(e) => setPosted(e.currentTarget.checked)}
                      data-testid="notice-posted"
                    />
                  )}
                </Group>
              )}
              {audience === 'list' && (
                <MultiSelect
                  label="房屋"
                  size="xs"
                  searchable
                  data={cells.map((c) => ({ value: String(c.id), label: `${label(c)}${c.ownerNames ? ` ${c.ownerNames}` : ''}` }))}
                  value={houseIds}
                  onChange={setHouseIds}
                  data-testid="notice-houses"
                />
              )}
              {issueErrors.audience && (
                <Text size="xs" c="red">
                  {issueErrors.audience}
                </Text>
              )}
              {needsAmount && audienceHouses.length > 0 && (
                <Box>
                  <Text size="xs" fw={500}>
                    每户金额（元）
                  </Text>
                  <Table withTableBorder verticalSpacing={2} fz="xs" data-testid="notice-amounts">
                    <Table.Tbody>
                      {audienceHouses.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>{label(c)}</Table.Td>
                          <Table.Td>{c.ownerNames}</Table.Td>
                          <Table.Td w={130}>
                            <NumberInput
                              size="xs"
                              min={0}
                              decimalScale={2}
                              hideControls
                              value={amounts[c.id] ?? ''}
                              onChange={(a) => setAmounts((s) => ({ ...s, [c.id]: a }))}
                              aria-label={`${label(c)} 金额`}
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  {issueErrors.amounts && (
                    <Text size="xs" c="red">
                      {issueErrors.amounts}
                    </Text>
                  )}
                </Box>
              )}
              {issueErrors._ && (
                <Alert color="red" p="xs">
                  {issueErrors._}
                </Alert>
              )}
              <Group>
                <Button leftSection={<IconSend size={16} />} onClick={() => void issue()} loading={issuing} disabled={!draft} data-testid="notice-issue">
                  发布并打印{preview && preview.units > 1 ? `（${preview.units} 页）` : ''}
                </Button>
                {preview && (
                  <Text size="xs" c="dimmed">
                    发布后文号：{preview.no}
                  </Text>
                )}
              </Group>
            </Stack>
          </ScrollArea>
        </Grid.Col>

        <Grid.Col span={5}>
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={600} c="dimmed">
                预览{preview && preview.units > 1 ? `（共 ${preview.units} 户，显示第一户）` : ''}
              </Text>
            </Group>
            {problems.length > 0 && (
              <Alert color="orange" p={6} data-testid="notice-problems">
                {problems.map((p) => (
                  <Text key={p} size="xs">
                    {p}
                  </Text>
                ))}
              </Alert>
            )}
            {previewError && (
              <Text size="xs" c="red">
                {previewError}
              </Text>
            )}
            <SheetPreview html={preview?.html ?? null} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ReasonModal
        opened={!!voiding}
        onClose={() => setVoiding(null)}
        title="作废模板"
        description={`作废模板「${voiding?.name ?? ''}」：已发布的通知不受影响。`}
        confirmLabel="作废"
        onSubmit={(reason) => api['notices.templates.void']({ id: voiding?.id ?? 0, reason })}
        onDone={() => {
          setVoiding(null);
          void loadTemplates().then((list) => list?.[0] && choose(list[0]));
        }}
      />
    </>
  );
}

/** the page main rendered, as a sheet scaled to the column, in a sandboxed frame (no scripts) */
function SheetPreview({ html }: { html: string | null }) {
  const box = useElementSize();
  const scale = box.width ? Math.min(1, (box.width - 16) / A4_W) : 0.5;
  return (
    <Box ref={box.ref} bg="gray.3" p={8} style={{ height: 'calc(100vh - 250px)', overflow: 'auto', borderRadius: 4 }}>
      {html ? (
        <Box style={{ width: A4_W * scale, height: A4_H * scale, overflow: 'hidden' }}>
          <Box
            bg="white"
            style={{ width: A4_W, padding: '45px 53px', transform: `scale(${scale})`, transformOrigin: 'top left', boxShadow: '0 2px 8px rgb(0 0 0 / 0.2)' }}
          >
            <iframe
              title="通知预览"
              sandbox=""
              srcDoc={html}
              style={{ width: '100%', height: A4_H - 90, border: 0, display: 'block' }}
              data-testid="notice-preview-frame"
            />
          </Box>
        </Box>
      ) : (
        <Text size="sm" c="dimmed">
          选择模板后在此显示打印效果
        </Text>
      )}
    </Box>
  );
}

// ---------------------------------------------------------------- issued notices and the print log

function IssuedList({ estateId, version, onPrint }: { estateId: number; version: number; onPrint(n: NoticeSummaryT): void }) {
  const [notices, setNotices] = useState<NoticeSummaryT[]>([]);
  const [log, setLog] = useState<PrintLogEntryT[]>([]);
  const [showVoided, setShowVoided] = useState(false);
  const [voiding, setVoiding] = useState<NoticeSummaryT | null>(null);
  const load = useCallback(async () => {
    const [n, l] = await Promise.all([
      unwrap(api['notices.list']({ estateId, includeVoided: showVoided }), { key: 'notices-list' }),
      unwrap(api['documents.log.list']({ kind: 'notice', limit: 100 }), { key: 'notices-log' }),
    ]);
    if (n) setNotices(n);
    if (l) setLog(l);
  }, [estateId, showVoided]);
  useEffect(() => {
    void load();
  }, [load, version]);
  const ids = new Set(notices.map((n) => n.id));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          已发布的通知
        </Text>
        <Checkbox size="xs" label="显示已作废" checked={showVoided} onChange={(e) => setShowVoided(e.currentTarget.checked)} />
      </Group>
      <Table striped withTableBorder fz="sm" data-testid="notices-issued">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>文号</Table.Th>
            <Table.Th>标题</Table.Th>
            <Table.Th>范围</Table.Th>
            <Table.Th>落款日期</Table.Th>
            <Table.Th>发布</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notices.map((n) => (
            <Table.Tr key={n.id} data-testid="notice-row">
              <Table.Td>{n.no}</Table.Td>
              <Table.Td>
                {n.title}
                {n.voidedAt && (
                  <Badge color="gray" size="xs" ml={6}>
                    已作废：{n.voidReason}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{n.audienceLabel}</Table.Td>
              <Table.Td>{n.date}</Table.Td>
              <Table.Td>
                {n.issuedBy} {cstDateTime(n.issuedAt)}
              </Table.Td>
              <Table.Td>
                {!n.voidedAt && (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" leftSection={<IconPrinter size={12} />} onClick={() => onPrint(n)} data-testid="notice-reprint">
                      重新打印
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(n)}>
                      作废
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {notices.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed">
                  还没有发布通知
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600}>
        打印记录
      </Text>
      <Table withTableBorder fz="sm" data-testid="notices-print-log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>时间</Table.Th>
            <Table.Th>通知</Table.Th>
            <Table.Th>范围</Table.Th>
            <Table.Th>方式</Table.Th>
            <Table.Th>页数</Table.Th>
            <Table.Th>经办</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {log
            .filter((e) => e.refId === null || ids.has(e.refId) || showVoided)
            .map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{cstDateTime(e.at)}</Table.Td>
                <Table.Td>{e.title}</Table.Td>
                <Table.Td>{e.audience}</Table.Td>
                <Table.Td>{{ print: '打印', pdf: 'PDF', docx: 'Word' }[e.action]}</Table.Td>
                <Table.Td>{e.pages ?? ''}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <ReasonModal
        opened={!!voiding}
        onClose={() => setVoiding(null)}
        title="作废通知"
        description={`作废通知 ${voiding?.no ?? ''}：文号保留不再使用，作废后不能再打印。`}
        confirmLabel="作废"
        onSubmit={(reason) => api['notices.void']({ id: voiding?.id ?? 0, reason })}
        onDone={() => {
          setVoiding(null);
          void load();
        }}
      />
    </Stack>
  );
}
