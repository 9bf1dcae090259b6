import { useState } from 'react';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconLock, IconSwitchHorizontal } from '@tabler/icons-react';
import { ROLE_LABELS, UnlockInput, type SessionUserT } from '../../../../shared/contract/accounts';
import { api } from '../../bridge';
import { useContractForm } from '../../components/form/contractForm';
import { FormError } from '../../components/FormError';
import { useAuth } from '../../stores/auth';
import { AuthCard, useAuthSubmit } from './SignInScreen';
import classes from './SignInScreen.module.css';

interface UnlockValues extends Record<string, unknown> {
  password: string;
}

/**
 * Locked (idle too long, or 锁定 in the header): covers the window, whose unsaved typing stays
 * underneath. The signed-in user's password unlocks; 切换用户 signs out (docs/ACCOUNTS.md).
 */
export function LockScreen({ user }: { user: SessionUserT }) {
  const form = useContractForm({ schema: UnlockInput, initialValues: { password: '' } as UnlockValues });
  const { busy, error, send } = useAuthSubmit(form);
  const setStatus = useAuth((s) => s.set);
  const [leaving, setLeaving] = useState(false);
  const submit = send((v) => api['auth.unlock'](v));

  const switchUser = async () => {
    setLeaving(true);
    const r = await api['auth.logout']({});
    setLeaving(false);
    if (r.ok) setStatus(r.value);
  };

  return (
    <div className={classes.cover}>
      <AuthCard title="已锁定" subtitle={`当前登录：${user.displayName}（${ROLE_LABELS[user.role]}）`} testId="lock-screen">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label="密码"
              data-autofocus
              autoFocus
              autoComplete="current-password"
              data-testid="lock-password"
              {...form.getInputProps('password')}
            />
            <FormError message={error} />
            <Group justify="space-between" mt="xs">
              <Button
                variant="subtle"
                leftSection={<IconSwitchHorizontal size={16} />}
                loading={leaving}
                onClick={() => void switchUser()}
                data-testid="lock-switch-user"
              >
                切换用户
              </Button>
              <Button type="submit" leftSection={<IconLock size={16} />} loading={busy} data-testid="lock-unlock">
                解锁
              </Button>
            </Group>
          </Stack>
        </form>
      </AuthCard>
    </div>
  );
}
