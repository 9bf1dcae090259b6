import { ActionIcon, Button, Card, Group, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { DeskConfigT } from '../../../../../shared/contract/desk';
import { SaveBar } from './SaveBar';
import { useConfigForm } from './useConfigDraft';

type Departments = DeskConfigT['departments'];
interface DepartmentValues extends Record<string, unknown> {
  departments: Departments;
}
const fromConfig = (cfg: DeskConfigT): DepartmentValues => ({ departments: cfg.departments });
const toPatch = (v: DepartmentValues) => ({ departments: v.departments });

interface Props {
  cfg: DeskConfigT;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
}

/** 部门与人员: who tickets are dispatched to. Names are checked by the contract (filled in, not repeated). */
export function DepartmentsEditor({ cfg, onSaved, onDirty }: Props) {
  const { form, busy, formError, errors, dirty, save, reset } = useConfigForm<DepartmentValues>({
    cfg,
    fromConfig,
    toPatch,
    onSaved,
    onDirty,
    message: '部门与人员已保存',
  });
  const draft = form.values.departments;
  // adding, removing or moving renumbers the inputs, so messages keyed by position are dropped
  const restructure = (fn: (d: Departments) => Departments) => {
    form.setFieldValue('departments', fn(draft));
    form.clearErrors();
  };
  const move = (i: number, by: number) =>
    restructure((d) => {
      const j = i + by;
      if (j < 0 || j >= d.length) return d;
      const next = [...d];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });

  return (
    <Card withBorder radius="md" data-testid="desk-settings-departments">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} w={200}>
            部门
          </Text>
          <Text size="sm" fw={600} style={{ flex: 1 }}>
            人员{' '}
            <Text span size="xs" c="dimmed" fw={400}>
              （输入姓名后按回车；点 × 移除）
            </Text>
          </Text>
        </Group>
        {draft.map((d, i) => (
          <Group key={i} gap="sm" wrap="nowrap" align="flex-start" data-testid="department-row">
            <TextInput
              w={200}
              {...form.getInputProps(`departments.${i}.name`)}
              placeholder="部门名称"
              maxLength={30}
              aria-label={`部门 ${i + 1}`}
              data-testid="department-name"
            />
            <TagsInput
              style={{ flex: 1 }}
              {...form.getInputProps(`departments.${i}.staff`)}
              error={errors[`departments.${i}.staff`] ?? Object.entries(errors).find(([k]) => k.startsWith(`departments.${i}.staff.`))?.[1]}
              placeholder={d.staff.length ? '' : '未设人员（派工时可不选处理人）'}
              splitChars={[',', '，', '、']}
              aria-label={`${d.name || '部门'}的人员`}
              data-testid="department-staff"
            />
            <Tooltip label="上移">
              <ActionIcon variant="subtle" color="gray" size={36} onClick={() => move(i, -1)} disabled={i === 0} aria-label="上移部门">
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="下移">
              <ActionIcon variant="subtle" color="gray" size={36} onClick={() => move(i, 1)} disabled={i === draft.length - 1} aria-label="下移部门">
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="移除部门">
              <ActionIcon
                variant="subtle"
                color="red"
                size={36}
                onClick={() => restructure((x) => x.filter((_, k) => k !== i))}
                aria-label="移除部门"
                data-testid="department-remove"
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => restructure((d) => [...d, { name: '', staff: [] }])}
            data-testid="department-add"
          >
            添加部门
          </Button>
        </Group>
      </Stack>
      <SaveBar
        dirty={dirty}
        busy={busy}
        label="保存部门与人员"
        onSave={() => void save()}
        onReset={reset}
        formError={formError}
        errors={errors}
        note="移除部门或人员只影响以后的派工和转派；已派出的工单保留原来的部门和处理人。"
        testId="departments"
      />
    </Card>
  );
}
