import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Grid, Group, NavLink, ScrollArea, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { DeskConfigT } from '../../../../../shared/contract/desk';
import { SaveBar } from './SaveBar';
import { useConfigForm } from './useConfigDraft';

type Categories = DeskConfigT['categories'];
interface CategoryValues extends Record<string, unknown> {
  categories: Categories;
}
const fromConfig = (cfg: DeskConfigT): CategoryValues => ({ categories: cfg.categories });
const toPatch = (v: CategoryValues) => ({ categories: v.categories });

const move = <T,>(list: T[], i: number, by: number): T[] => {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
};

interface Props {
  cfg: DeskConfigT;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
}

/** 类别: the two-level tree offered at intake. Order here is the order in the intake form. Names are checked by the contract. */
export function CategoriesEditor({ cfg, onSaved, onDirty }: Props) {
  const { form, busy, formError, errors, dirty, save, reset } = useConfigForm<CategoryValues>({
    cfg,
    fromConfig,
    toPatch,
    onSaved,
    onDirty,
    message: '类别已保存，受理登记立即使用新的类别',
  });
  const draft = form.values.categories;
  const [selected, setSelected] = useState(0);
  const [newCategory, setNewCategory] = useState('');
  const [newChild, setNewChild] = useState('');
  const current = draft[Math.min(selected, draft.length - 1)];
  const ci = Math.min(selected, draft.length - 1);

  // adding, removing or moving renumbers the inputs, so messages keyed by position are dropped
  const update = (fn: (c: Categories) => Categories) => {
    form.setFieldValue('categories', fn(draft));
    form.clearErrors();
  };
  const hasErrorUnder = (i: number) => Object.keys(errors).some((k) => k.startsWith(`categories.${i}.`));

  const addCategory = () => {
    const name = newCategory.trim();
    if (!name) return;
    update((d) => [...d, { name, children: [] }]);
    setSelected(draft.length);
    setNewCategory('');
  };
  const addChild = () => {
    const name = newChild.trim();
    if (!name || !current) return;
    update((d) => d.map((c, k) => (k === ci ? { ...c, children: [...c.children, name] } : c)));
    setNewChild('');
  };

  return (
    <Card withBorder radius="md" data-testid="desk-settings-categories">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
          <Title order={5} mb={6}>
            一级类别
          </Title>
          <ScrollArea.Autosize mah={440} type="auto">
            {draft.map((c, i) => (
              <NavLink
                key={i}
                active={i === ci}
                label={
                  c.name.trim() || (
                    <Text c="red" size="sm">
                      （未命名）
                    </Text>
                  )
                }
                rightSection={
                  <Group gap={4} wrap="nowrap">
                    {hasErrorUnder(i) && (
                      <Badge color="red" size="xs" circle>
                        !
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {c.children.length || ''}
                    </Text>
                  </Group>
                }
                onClick={() => setSelected(i)}
                data-testid="category-item"
              />
            ))}
          </ScrollArea.Autosize>
          <Group gap={6} mt="sm" wrap="nowrap" align="flex-start">
            <TextInput
              placeholder="新类别名称"
              value={newCategory}
              onChange={(e) => setNewCategory(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && addCategory()}
              style={{ flex: 1 }}
              maxLength={30}
              data-testid="category-new"
            />
            <Button variant="default" leftSection={<IconPlus size={14} />} onClick={addCategory} disabled={!newCategory.trim()}>
              添加
            </Button>
          </Group>
        </Grid.Col>

        <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
          {current ? (
            <Stack gap="sm">
              <Group align="flex-end" wrap="nowrap">
                <TextInput label="类别名称" {...form.getInputProps(`categories.${ci}.name`)} maxLength={30} style={{ flex: 1 }} data-testid="category-name" />
                <Tooltip label="上移">
                  <ActionIcon
                    variant="default"
                    size={36}
                    onClick={() => (update((d) => move(d, ci, -1)), setSelected(Math.max(0, ci - 1)))}
                    disabled={ci === 0}
                    aria-label="上移类别"
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="下移">
                  <ActionIcon
                    variant="default"
                    size={36}
                    onClick={() => (update((d) => move(d, ci, 1)), setSelected(Math.min(draft.length - 1, ci + 1)))}
                    disabled={ci === draft.length - 1}
                    aria-label="下移类别"
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                </Tooltip>
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => {
                    update((d) => d.filter((_, k) => k !== ci));
                    setSelected(Math.max(0, ci - 1));
                  }}
                  data-testid="category-remove"
                >
                  移除类别
                </Button>
              </Group>

              <Text size="sm" fw={500}>
                子类别{' '}
                <Text span size="xs" c="dimmed">
                  （可不设；受理时在此类别下选择）
                </Text>
              </Text>
              {current.children.length === 0 && (
                <Text size="sm" c="dimmed">
                  没有子类别
                </Text>
              )}
              {current.children.map((_child, j) => (
                <Group key={j} gap={6} wrap="nowrap" align="flex-start">
                  <TextInput
                    key={`${ci}-${j}`}
                    {...form.getInputProps(`categories.${ci}.children.${j}`)}
                    maxLength={30}
                    style={{ flex: 1 }}
                    aria-label={`子类别 ${j + 1}`}
                    data-testid="subcategory-name"
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size={36}
                    onClick={() => update((d) => d.map((c, k) => (k === ci ? { ...c, children: move(c.children, j, -1) } : c)))}
                    disabled={j === 0}
                    aria-label="上移子类别"
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size={36}
                    onClick={() => update((d) => d.map((c, k) => (k === ci ? { ...c, children: move(c.children, j, 1) } : c)))}
                    disabled={j === current.children.length - 1}
                    aria-label="下移子类别"
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={36}
                    onClick={() => update((d) => d.map((c, k) => (k === ci ? { ...c, children: c.children.filter((_, x) => x !== j) } : c)))}
                    aria-label="移除子类别"
                    data-testid="subcategory-remove"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group gap={6} wrap="nowrap">
                <TextInput
                  placeholder={`在「${current.name || '此类别'}」下添加子类别`}
                  value={newChild}
                  onChange={(e) => setNewChild(e.currentTarget.value)}
                  onKeyDown={(e) => e.key === 'Enter' && addChild()}
                  maxLength={30}
                  style={{ flex: 1 }}
                  data-testid="subcategory-new"
                />
                <Button variant="default" leftSection={<IconPlus size={14} />} onClick={addChild} disabled={!newChild.trim()}>
                  添加子类别
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text c="dimmed">还没有类别，请在左侧添加。</Text>
          )}
        </Grid.Col>
      </Grid>
      <SaveBar
        dirty={dirty}
        busy={busy}
        label="保存类别"
        onSave={() => void save()}
        onReset={reset}
        // "至少保留一个类别" belongs to the list as a whole, not to an input
        formError={formError ?? errors.categories ?? null}
        errors={errors}
        note="移除类别或子类别只是不再出现在新工单的选项里；已受理的工单和统计保留原来的类别。改名同理：旧工单仍显示旧名称。"
        testId="categories"
      />
    </Card>
  );
}
