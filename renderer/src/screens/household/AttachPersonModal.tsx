import { Button, Divider, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PERSON_ROLES, ROLE_LABELS, type PersonRoleT } from '../../../../shared/contract/archives';
import { cstDate } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';
import { PersonFields } from './PersonFields';
import { emptyPersonForm, toPersonInput, type PersonForm } from './personForm';

interface AttachPersonModalProps {
  houseId: number;
  houseLabel: string;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}

/** 添加住户: a new person registered to this house with a role and dates. */
export function AttachPersonModal({ houseId, houseLabel, opened, onClose, onSaved }: AttachPersonModalProps) {
  const [role, setRole] = useState<PersonRoleT>('owner');
  const [form, setForm] = useState<PersonForm>(emptyPersonForm);
  const [moveInDate, setMoveInDate] = useState<string | null>(null);
  const [leaseStart, setLeaseStart] = useState<string | null>(null);
  const [leaseEnd, setLeaseEnd] = useState<string | null>(null);
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (opened) {
      setRole('owner');
      setForm(emptyPersonForm());
      setMoveInDate(cstDate());
      setLeaseStart(null);
      setLeaseEnd(null);
      reset();
    }
  }, [opened, reset]);

  const isTenant = role === 'tenant';
  const leaseOrder = isTenant && leaseStart && leaseEnd && leaseEnd < leaseStart ? '租期结束不能早于开始' : undefined;

  async function save() {
    const occ = await submit(() =>
      api['archives.people.attach']({
        houseId,
        role,
        person: toPersonInput(form),
        moveInDate,
        leaseStart: isTenant ? leaseStart : null,
        leaseEnd: isTenant ? leaseEnd : null,
      }),
    );
    if (occ) {
      showSaved(`已添加${ROLE_LABELS[occ.role]} ${occ.person.name}`);
      onSaved();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`添加住户 · ${houseLabel}`} size="lg" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4}>
              身份{' '}
              <Text span c="red">
                *
              </Text>
            </Text>
            <SegmentedControl
              fullWidth
              value={role}
              onChange={(v) => {
                setRole(v as PersonRoleT);
                clear('role');
              }}
              data={PERSON_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              data-testid="attach-role"
            />
            {err('role') && (
              <Text size="xs" c="red" mt={4}>
                {err('role')}
              </Text>
            )}
          </div>
          <SimpleGrid cols={isTenant ? 3 : 2} spacing="sm">
            <DateField
              label="入住日期"
              value={moveInDate}
              onChange={(v) => {
                setMoveInDate(v);
                clear('moveInDate');
              }}
              error={err('moveInDate')}
            />
            {isTenant && (
              <>
                <DateField
                  label="租期开始"
                  value={leaseStart}
                  onChange={(v) => {
                    setLeaseStart(v);
                    clear('leaseStart');
                  }}
                  error={err('leaseStart')}
                />
                <DateField
                  label="租期结束"
                  value={leaseEnd}
                  onChange={(v) => {
                    setLeaseEnd(v);
                    clear('leaseEnd');
                  }}
                  error={err('leaseEnd') ?? leaseOrder}
                />
              </>
            )}
          </SimpleGrid>
          <Divider label="人员资料" labelPosition="left" />
          <PersonFields value={form} onChange={setForm} err={(k) => err(k, 'person')} clear={(k) => clear(k)} />
          {err('person') && (
            <Text size="sm" c="red">
              {err('person')}
            </Text>
          )}
          <FormError message={formError} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy} data-testid="person-save">
              添加
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
