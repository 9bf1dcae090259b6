import { Card, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { SLA_MAX_WORKING_MINUTES, TICKET_TYPES, URGENCIES, type DeskConfigT, type SlaTargetT } from '../../../../../shared/contract/desk';
import { SaveBar } from './SaveBar';
import { useConfigForm } from './useConfigDraft';
import { durationText, hoursToMinutes, minutesToHours } from './validate';

/**
 * One row as typed: the hours as text under the contract's own keys (respondMinutes…), so the
 * schema's message for `sla.3.respondMinutes` lands on that box. "0." or "1.5" can be typed freely.
 */
interface SlaRow {
  type: SlaTargetT['type'];
  urgency: SlaTargetT['urgency'];
  respondMinutes: string;
  resolveMinutes: string;
  clock: SlaTargetT['clock'];
}
interface SlaValues extends Record<string, unknown> {
  sla: SlaRow[];
}

/** every type × urgency, in a fixed order (the server needs them all) */
function fromConfig(cfg: DeskConfigT): SlaValues {
  return {
    sla: TICKET_TYPES.flatMap((type) =>
      URGENCIES.map((urgency) => {
        const t = cfg.sla.find((s) => s.type === type && s.urgency === urgency);
        return {
          type,
          urgency,
          respondMinutes: minutesToHours(t?.respondMinutes ?? null),
          resolveMinutes: minutesToHours(t?.resolveMinutes ?? null),
          clock: t?.clock ?? 'calendar',
        };
      }),
    ),
  };
}

const toPatch = (v: SlaValues) => ({
  sla: v.sla.map((r) => ({ ...r, respondMinutes: hoursToMinutes(r.respondMinutes), resolveMinutes: hoursToMinutes(r.resolveMinutes) })),
});

/** "= 1天12小时" beside a valid entry, so 36 reads as what it means */
function hint(text: string): string | null {
  const m = hoursToMinutes(text);
  return m === null || !Number.isInteger(m) || m < 1 ? null : durationText(m);
}

interface Props {
  cfg: DeskConfigT;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
}

/** 时限: respond and resolve targets per type and urgency, in hours (stored as minutes). */
export function SlaEditor({ cfg, onSaved, onDirty }: Props) {
  const { form, busy, formError, errors, dirty, save, reset } = useConfigForm<SlaValues>({
    cfg,
    fromConfig,
    toPatch,
    onSaved,
    onDirty,
    message: '时限已保存，此后受理的工单按新时限计时',
  });

  return (
    <Card withBorder radius="md" data-testid="desk-settings-sla">
      <Table verticalSpacing={6} layout="fixed" maw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>类型</Table.Th>
            <Table.Th w={80}>紧急程度</Table.Th>
            <Table.Th w={250}>响应时限（小时）</Table.Th>
            <Table.Th w={250}>完成时限（小时）</Table.Th>
            <Table.Th>计时方式</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.values.sla.map((r, i) => (
            <Table.Tr key={`${r.type}-${r.urgency}`} data-testid="sla-row" style={{ verticalAlign: 'top' }}>
              <Table.Td fw={r.urgency === '一般' ? 600 : undefined} pt={12}>
                {r.urgency === '一般' ? r.type : ''}
              </Table.Td>
              <Table.Td c={r.urgency === '紧急' ? 'red.7' : undefined} pt={12}>
                {r.urgency}
              </Table.Td>
              {(['respondMinutes', 'resolveMinutes'] as const).map((field) => {
                const path = `sla.${i}.${field}`;
                const shown = hint(r[field]);
                return (
                  <Table.Td key={field}>
                    <TextInput
                      size="xs"
                      w={230}
                      inputMode="decimal"
                      placeholder="无时限"
                      {...form.getInputProps(path)}
                      rightSection={
                        shown ? (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            = {shown}
                          </Text>
                        ) : null
                      }
                      rightSectionWidth={96}
                      rightSectionPointerEvents="none"
                      aria-label={`${r.type}${r.urgency}${field === 'respondMinutes' ? '响应' : '完成'}时限`}
                      data-testid={`sla-${field === 'respondMinutes' ? 'respond' : 'resolve'}`}
                      data-path={path}
                    />
                  </Table.Td>
                );
              })}
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  data={[
                    { value: 'calendar', label: '日历时间' },
                    { value: 'working', label: '工作时间' },
                  ]}
                  {...form.getInputProps(`sla.${i}.clock`)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SaveBar
        dirty={dirty}
        busy={busy}
        label="保存时限"
        onSave={() => void save()}
        onReset={reset}
        formError={formError}
        errors={errors}
        note={
          <>
            以小时填写，可带小数：0.5 = 30 分钟；留空表示无时限；必须大于 0，最长 365 天（8760 小时），按工作时间计时的最长 {SLA_MAX_WORKING_MINUTES / 60}{' '}
            小时。日历时间连续计时；工作时间只计柜台时间内的工作日（节假日不计，调休上班日照常计）。挂起期间不计时。约定了上门时间的报修以上门时间为完成期限。修改只影响此后受理的工单，已受理的工单保留受理时的时限。
          </>
        }
        testId="sla"
      />
    </Card>
  );
}
