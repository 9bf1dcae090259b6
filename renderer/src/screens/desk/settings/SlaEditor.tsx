import { Card, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { TICKET_TYPES, URGENCIES, type DeskConfigT, type SlaTargetT } from '../../../../../shared/contract/desk';
import { SaveBar } from './SaveBar';
import { useConfigDraft, useConfigSave } from './useConfigDraft';
import { durationText, hoursToMinutes, minutesToHours, type FieldErrors } from './validate';

/** one row of the table as typed: hours as text, so "0." or "1.5" can be typed freely */
interface SlaRow {
  type: SlaTargetT['type'];
  urgency: SlaTargetT['urgency'];
  respond: string;
  resolve: string;
  clock: SlaTargetT['clock'];
}

/** every type × urgency, in a fixed order (the server needs them all) */
function toRows(sla: SlaTargetT[]): SlaRow[] {
  return TICKET_TYPES.flatMap((type) =>
    URGENCIES.map((urgency) => {
      const t = sla.find((s) => s.type === type && s.urgency === urgency);
      return { type, urgency, respond: minutesToHours(t?.respondMinutes ?? null), resolve: minutesToHours(t?.resolveMinutes ?? null), clock: t?.clock ?? 'calendar' };
    }),
  );
}

interface Props {
  cfg: DeskConfigT;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
}

/** 时限: respond and resolve targets per type and urgency, in hours (stored as minutes). */
export function SlaEditor({ cfg, onSaved, onDirty }: Props) {
  const { draft, setDraft, dirty, reset } = useConfigDraft<SlaRow[]>(toRows(cfg.sla), onDirty);
  const form = useConfigSave(onSaved);
  const set = (i: number, patch: Partial<SlaRow>, key: string) => {
    setDraft((rows) => rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
    form.clear(key);
  };

  const save = () => {
    const errors: FieldErrors = {};
    const sla: SlaTargetT[] = draft.map((r, i) => {
      const respond = hoursToMinutes(r.respond);
      const resolve = hoursToMinutes(r.resolve);
      if ('error' in respond) errors[`sla.${i}.respondMinutes`] = respond.error;
      if ('error' in resolve) errors[`sla.${i}.resolveMinutes`] = resolve.error;
      const respondMinutes = 'minutes' in respond ? respond.minutes : null;
      const resolveMinutes = 'minutes' in resolve ? resolve.minutes : null;
      if (respondMinutes !== null && resolveMinutes !== null && respondMinutes > resolveMinutes) errors[`sla.${i}.resolveMinutes`] = '完成时限不能短于响应时限';
      return { type: r.type, urgency: r.urgency, respondMinutes, resolveMinutes, clock: r.clock };
    });
    void form.save({ sla }, errors, '时限已保存，此后受理的工单按新时限计时');
  };

  const hint = (text: string) => {
    const r = hoursToMinutes(text);
    return 'minutes' in r ? (r.minutes === null ? '无时限' : durationText(r.minutes)) : undefined;
  };

  return (
    <Card withBorder radius="md" data-testid="desk-settings-sla">
      <Table verticalSpacing={6} layout="fixed" maw={860}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>类型</Table.Th>
            <Table.Th w={80}>紧急程度</Table.Th>
            <Table.Th w={230}>响应时限（小时）</Table.Th>
            <Table.Th w={230}>完成时限（小时）</Table.Th>
            <Table.Th>计时方式</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {draft.map((r, i) => (
            <Table.Tr key={`${r.type}-${r.urgency}`} data-testid="sla-row">
              <Table.Td fw={r.urgency === '一般' ? 600 : undefined}>{r.urgency === '一般' ? r.type : ''}</Table.Td>
              <Table.Td c={r.urgency === '紧急' ? 'red.7' : undefined}>{r.urgency}</Table.Td>
              {(['respond', 'resolve'] as const).map((field) => {
                const key = `sla.${i}.${field}Minutes`;
                return (
                  <Table.Td key={field}>
                    <TextInput
                      size="xs"
                      w={210}
                      inputMode="decimal"
                      placeholder="无时限"
                      value={r[field]}
                      onChange={(e) => set(i, { [field]: e.currentTarget.value }, key)}
                      error={form.err(key)}
                      rightSection={
                        r[field].trim() && hint(r[field]) ? (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            = {hint(r[field])}
                          </Text>
                        ) : null
                      }
                      rightSectionWidth={96}
                      rightSectionPointerEvents="none"
                      aria-label={`${r.type}${r.urgency}${field === 'respond' ? '响应' : '完成'}时限`}
                      data-testid={`sla-${field}`}
                    />
                  </Table.Td>
                );
              })}
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  value={r.clock}
                  onChange={(v) => set(i, { clock: v === 'working' ? 'working' : 'calendar' }, `sla.${i}.clock`)}
                  data={[
                    { value: 'calendar', label: '日历时间' },
                    { value: 'working', label: '工作时间' },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SaveBar
        dirty={dirty}
        busy={form.busy}
        label="保存时限"
        onSave={save}
        onReset={() => {
          reset();
          form.reset();
        }}
        formError={form.formError}
        errors={form.errors}
        note={
          <>
            以小时填写，可带小数：0.5 = 30 分钟；留空表示无时限。日历时间连续计时；工作时间只计柜台时间内的工作日（节假日不计，调休上班日照常计）。挂起期间不计时。约定了上门时间的报修以上门时间为完成期限。修改只影响此后受理的工单，已受理的工单保留受理时的时限。
          </>
        }
        testId="sla"
      />
    </Card>
  );
}
