import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, NumberInput, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconEdit, IconKey, IconPlus, IconUserOff, IconUserCheck } from '@tabler/icons-react';
import {
  IDLE_MINUTES,
  PASSWORD_MIN,
  ResetPasswordInput,
  ROLE_LABELS,
  ROLES,
  UserCreateInput,
  UserUpdateInput,
  type Role,
  type UserRowT,
} from '../../../../shared/contract/accounts';
import { SettingsPatch, type SettingsT } from '../../../../shared/contract/system';
import { cstDateTime } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { showSaved, submitForm, unwrap } from '../../app/call';
import { FormModal } from '../../components/form/FormModal';
import { useContractForm } from '../../components/form/contractForm';
import { useApp } from '../../stores/app';
import { useAuth, useCurrentUser } from '../../stores/auth';
import { Section } from './Section';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** 账号管理 (administrators): everyone who signs in here, their role, and the idle lock (docs/ACCOUNTS.md). */
export function AccountsSection({ settings }: { settings: SettingsT }) {
  const me = useCurrentUser();
  const refreshAuth = useAuth((s) => s.refresh);
  const [users, setUsers] = useState<UserRowT[] | null>(null);
  const [editing, setEditing] = useState<UserRowT | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRowT | null>(null);

  const load = useCallback(async () => {
    const list = await unwrap(api['users.list']({}), { key: 'users' });
    if (list) setUsers(list);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const setDisabled = async (u: UserRowT, disabled: boolean) => {
    const r = await unwrap(api['users.update']({ id: u.id, disabled }));
    if (!r) return;
    showSaved(disabled ? `已停用「${u.displayName}」` : `已启用「${u.displayName}」`);
    void load();
  };

  return (
    <Section title="账号管理" description="每位同事用自己的账号登录；操作日志和受理单上记的是登录人的姓名。离职的同事停用账号，记录保留。">
      <Table verticalSpacing={8} fz="sm" data-testid="accounts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>用户名</Table.Th>
            <Table.Th>角色</Table.Th>
            <Table.Th>最近登录</Table.Th>
            <Table.Th w={250} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users ?? []).map((u) => (
            <Table.Tr key={u.id} data-testid="accounts-row" c={u.disabled ? 'dimmed' : undefined}>
              <Table.Td fw={500}>
                {u.displayName}
                {u.id === me?.id ? (
                  <Badge ml={6} size="xs" variant="light">
                    当前登录
                  </Badge>
                ) : null}
                {u.disabled ? (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    已停用
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{ROLE_LABELS[u.role]}</Table.Td>
              <Table.Td className="fd-tabular">{u.lastLoginAt ? cstDateTime(u.lastLoginAt) : '—'}</Table.Td>
              <Table.Td>
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditing(u)} data-testid="accounts-edit">
                    编辑
                  </Button>
                  <Button size="compact-sm" variant="light" leftSection={<IconKey size={14} />} onClick={() => setResetting(u)} data-testid="accounts-reset">
                    重置密码
                  </Button>
                  {u.id === me?.id ? null : u.disabled ? (
                    <Button size="compact-sm" variant="light" color="teal" leftSection={<IconUserCheck size={14} />} onClick={() => void setDisabled(u, false)}>
                      启用
                    </Button>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      leftSection={<IconUserOff size={14} />}
                      onClick={() => void setDisabled(u, true)}
                      data-testid="accounts-disable"
                    >
                      停用
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm" align="flex-end">
        <IdleMinutes settings={settings} />
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="accounts-add">
          添加账号
        </Button>
      </Group>
      {editing === 'new' ? (
        <CreateUserModal
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : editing ? (
        <EditUserModal
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
            // one's own name or role may have changed: the header follows
            void refreshAuth();
          }}
        />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} /> : null}
    </Section>
  );
}

interface IdleValues extends Record<string, unknown> {
  idleMinutes: number | string;
}

function IdleMinutes({ settings }: { settings: SettingsT }) {
  const setSettings = useApp((s) => s.setSettings);
  const refreshAuth = useAuth((s) => s.refresh);
  const [saving, setSaving] = useState(false);
  const toInput = (v: IdleValues) => ({ idleMinutes: v.idleMinutes === '' ? undefined : Number(v.idleMinutes) });
  const form = useContractForm({ schema: SettingsPatch, initialValues: { idleMinutes: settings.idleMinutes ?? IDLE_MINUTES.default } as IdleValues, toInput });
  const save = form.onSubmit(async (values) => {
    setSaving(true);
    const r = await submitForm(api['system.settings.update'](toInput(values)));
    setSaving(false);
    if (!r.ok) return form.setErrors(r.fields);
    form.resetDirty();
    setSettings(r.value);
    void refreshAuth();
    showSaved('自动锁定时间已保存');
  });
  return (
    <form onSubmit={save} noValidate>
      <Group gap="xs" align="flex-end">
        <NumberInput
          label="无操作自动锁定（分钟）"
          description={`${IDLE_MINUTES.min}–${IDLE_MINUTES.max} 分钟`}
          w={220}
          min={IDLE_MINUTES.min}
          max={IDLE_MINUTES.max}
          allowDecimal={false}
          data-testid="accounts-idle-minutes"
          {...form.getInputProps('idleMinutes')}
        />
        <Button type="submit" variant="light" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!form.isDirty()}>
          保存
        </Button>
      </Group>
    </form>
  );
}

interface CreateValues extends Record<string, unknown> {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confirm: string;
}

function CreateUserModal({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const toInput = ({ username, displayName, role, password }: CreateValues) => ({ username, displayName, role, password });
  const form = useContractForm({
    schema: UserCreateInput,
    initialValues: { username: '', displayName: '', role: 'clerk', password: '', confirm: '' } as CreateValues,
    toInput,
    also: (v: CreateValues): Record<string, string> => (v.confirm !== v.password ? { confirm: '两次输入的密码不一致' } : {}),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title="添加账号"
      form={form}
      testId="user"
      submitLabel="添加"
      submit={(v) => api['users.create'](toInput(v))}
      onSaved={(u) => {
        showSaved(`已添加账号「${u.displayName}」`);
        onSaved();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="用户名"
          description="登录时输入，英文字母或数字"
          withAsterisk
          data-autofocus
          autoComplete="off"
          data-testid="user-username"
          {...form.getInputProps('username')}
        />
        <TextInput
          label="姓名"
          description="记在操作日志里，并作为受理人印在受理单上"
          withAsterisk
          data-testid="user-display-name"
          {...form.getInputProps('displayName')}
        />
        <Select label="角色" data={ROLE_OPTIONS} allowDeselect={false} withAsterisk data-testid="user-role" {...form.getInputProps('role')} />
        <PasswordInput
          label="初始密码"
          description={`至少 ${PASSWORD_MIN} 位，告诉本人后请其登录后修改`}
          withAsterisk
          autoComplete="new-password"
          data-testid="user-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput label="再次输入密码" withAsterisk autoComplete="new-password" data-testid="user-password2" {...form.getInputProps('confirm')} />
      </Stack>
    </FormModal>
  );
}

interface EditValues extends Record<string, unknown> {
  displayName: string;
  role: Role;
}

function EditUserModal({ user, onClose, onSaved }: { user: UserRowT; onClose(): void; onSaved(): void }) {
  const form = useContractForm({
    schema: UserUpdateInput,
    initialValues: { displayName: user.displayName, role: user.role } as EditValues,
    toInput: (v: EditValues) => ({ id: user.id, ...v }),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`编辑账号 · ${user.username}`}
      form={form}
      testId="user"
      submit={(v) => api['users.update']({ id: user.id, ...v })}
      onSaved={(u) => {
        showSaved(`账号「${u.displayName}」已保存`);
        onSaved();
      }}
    >
      <Stack gap="sm">
        <TextInput label="姓名" withAsterisk data-autofocus data-testid="user-display-name" {...form.getInputProps('displayName')} />
        <Select label="角色" data={ROLE_OPTIONS} allowDeselect={false} withAsterisk data-testid="user-role" {...form.getInputProps('role')} />
      </Stack>
    </FormModal>
  );
}

interface ResetValues extends Record<string, unknown> {
  password: string;
  confirm: string;
}

function ResetPasswordModal({ user, onClose }: { user: UserRowT; onClose(): void }) {
  const form = useContractForm({
    schema: ResetPasswordInput,
    initialValues: { password: '', confirm: '' } as ResetValues,
    toInput: (v: ResetValues) => ({ id: user.id, password: v.password }),
    also: (v: ResetValues): Record<string, string> => (v.confirm !== v.password ? { confirm: '两次输入的密码不一致' } : {}),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`重置密码 · ${user.displayName}`}
      form={form}
      testId="reset-password"
      submit={(v) => api['users.resetPassword']({ id: user.id, password: v.password })}
      onSaved={() => {
        showSaved(`已重置「${user.displayName}」的密码`);
        onClose();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          新密码告诉本人后，请其登录后在右上角 修改密码。
        </Text>
        <PasswordInput
          label="新密码"
          description={`至少 ${PASSWORD_MIN} 位`}
          withAsterisk
          data-autofocus
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput label="再次输入新密码" withAsterisk autoComplete="new-password" {...form.getInputProps('confirm')} />
      </Stack>
    </FormModal>
  );
}
