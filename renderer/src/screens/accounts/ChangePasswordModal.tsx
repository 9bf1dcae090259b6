import { PasswordInput, Stack } from '@mantine/core';
import { ChangePasswordInput, PASSWORD_MIN } from '../../../../shared/contract/accounts';
import { api } from '../../bridge';
import { showSaved } from '../../app/call';
import { FormModal } from '../../components/form/FormModal';
import { useContractForm } from '../../components/form/contractForm';

interface Values extends Record<string, unknown> {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the signed-in user's own, with the old one. */
export function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const form = useContractForm({
    schema: ChangePasswordInput,
    initialValues: { oldPassword: '', newPassword: '', confirm: '' } as Values,
    toInput: ({ oldPassword, newPassword }: Values) => ({ oldPassword, newPassword }),
    also: (v: Values): Record<string, string> => (v.confirm !== v.newPassword ? { confirm: '两次输入的密码不一致' } : {}),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title="修改密码"
      form={form}
      testId="change-password"
      submit={({ oldPassword, newPassword }) => api['auth.changePassword']({ oldPassword, newPassword })}
      onSaved={() => {
        showSaved('密码已修改');
        onClose();
      }}
    >
      <Stack gap="sm">
        <PasswordInput label="原密码" withAsterisk data-autofocus autoComplete="current-password" {...form.getInputProps('oldPassword')} />
        <PasswordInput label="新密码" description={`至少 ${PASSWORD_MIN} 位`} withAsterisk autoComplete="new-password" {...form.getInputProps('newPassword')} />
        <PasswordInput label="再次输入新密码" withAsterisk autoComplete="new-password" {...form.getInputProps('confirm')} />
      </Stack>
    </FormModal>
  );
}
