import { useState, type ReactNode } from 'react';
import { Button, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title, Group } from '@mantine/core';
import { IconHeadset } from '@tabler/icons-react';
import { LoginInput, PASSWORD_MIN, SetupAdminInput, type AuthStatusT } from '../../../../shared/contract/accounts';
import type { Result } from '../../../../shared/contract/result';
import { api } from '../../bridge';
import { useContractForm, type ContractForm } from '../../components/form/contractForm';
import { FormError } from '../../components/FormError';
import { useAuth } from '../../stores/auth';
import classes from './SignInScreen.module.css';

/** A full-window card: the sign-in, the first administrator and the lock screen share it. */
export function AuthCard({ title, subtitle, children, testId }: { title: string; subtitle: ReactNode; children: ReactNode; testId: string }) {
  return (
    <div className={classes.page} data-testid={testId}>
      <Paper withBorder shadow="md" radius="md" p="xl" className={classes.card}>
        <Group gap="sm" mb="lg" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="filled">
            <IconHeadset size={24} stroke={1.7} />
          </ThemeIcon>
          <div>
            <Title order={3}>{title}</Title>
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          </div>
        </Group>
        {children}
      </Paper>
    </div>
  );
}

/** Sends a form's call; a refusal with field messages goes by the fields, any other above the button. */
export function useAuthSubmit<V extends Record<string, unknown>>(form: ContractForm<V>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useAuth((s) => s.set);
  const send = (call: (values: V) => Promise<Result<AuthStatusT>>) =>
    form.onSubmit(async (values) => {
      setBusy(true);
      setError(null);
      let r: Result<AuthStatusT>;
      try {
        r = await call(values);
      } catch {
        r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
      }
      setBusy(false);
      if (r.ok) return setStatus(r.value);
      const fields = r.error.fields ?? {};
      form.setErrors(fields);
      if (!Object.keys(fields).length) setError(r.error.message);
    });
  return { busy, error, send };
}

interface SetupValues extends Record<string, unknown> {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First start: the administrator's account, before anything else. */
export function SetupAdminScreen() {
  const form = useContractForm({
    schema: SetupAdminInput,
    initialValues: { username: '', displayName: '', password: '', confirm: '' } as SetupValues,
    toInput: ({ username, displayName, password }: SetupValues) => ({ username, displayName, password }),
    also: (v: SetupValues): Record<string, string> => (v.confirm !== v.password ? { confirm: '两次输入的密码不一致' } : {}),
  });
  const { busy, error, send } = useAuthSubmit(form);
  const submit = send((v) => api['auth.setup']({ username: v.username, displayName: v.displayName, password: v.password }));
  return (
    <AuthCard title="创建管理员账号" subtitle="第一次使用：先建立管理员账号。其他同事的账号，之后在 设置 → 账号管理 中添加。" testId="setup-admin">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="用户名"
            description="登录时输入，英文字母或数字，如 admin"
            withAsterisk
            data-autofocus
            autoComplete="username"
            data-testid="setup-username"
            {...form.getInputProps('username')}
          />
          <TextInput
            label="姓名"
            description="记在操作日志里，并作为受理人印在受理单上"
            withAsterisk
            data-testid="setup-display-name"
            {...form.getInputProps('displayName')}
          />
          <PasswordInput
            label="密码"
            description={`至少 ${PASSWORD_MIN} 位`}
            withAsterisk
            autoComplete="new-password"
            data-testid="setup-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput label="再次输入密码" withAsterisk autoComplete="new-password" data-testid="setup-password2" {...form.getInputProps('confirm')} />
          <FormError message={error} />
          <Button type="submit" loading={busy} mt="xs" data-testid="setup-submit">
            创建并登录
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

interface LoginValues extends Record<string, unknown> {
  username: string;
  password: string;
}

/** Sign-in: user name and password. */
export function SignInScreen() {
  const form = useContractForm({ schema: LoginInput, initialValues: { username: '', password: '' } as LoginValues });
  const { busy, error, send } = useAuthSubmit(form);
  const submit = send((v) => api['auth.login'](v));
  return (
    <AuthCard title="登录" subtitle="FrontDesk 物业服务中心前台" testId="sign-in">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="用户名" data-autofocus autoFocus autoComplete="username" data-testid="signin-username" {...form.getInputProps('username')} />
          <PasswordInput label="密码" autoComplete="current-password" data-testid="signin-password" {...form.getInputProps('password')} />
          <FormError message={error} />
          <Button type="submit" loading={busy} mt="xs" data-testid="signin-submit">
            登录
          </Button>
          <Text size="xs" c="dimmed">
            忘记密码请联系管理员重置。
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
