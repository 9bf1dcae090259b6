import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, type OccupancyT } from '../../../../shared/contract/archives';
import { cstDate } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';

interface MoveOutModalProps {
  occupancy: OccupancyT | null;
  onClose(): void;
  onSaved(): void;
}

/** 迁出: the person leaves this house; the record stays, with its dates. */
export function MoveOutModal({ occupancy, onClose, onSaved }: MoveOutModalProps) {
  const [date, setDate] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (occupancy) {
      setDate(cstDate());
      setNote('');
      setTouched(false);
      reset();
    }
  }, [occupancy, reset]);

  const hint =
    touched && !date
      ? '请填写迁出日期'
      : date && occupancy?.moveInDate && date < occupancy.moveInDate
        ? `迁出日期不能早于入住日期 ${occupancy.moveInDate}`
        : undefined;

  async function save() {
    setTouched(true);
    if (!occupancy || !date) return;
    const r = await submit(() => api['archives.people.moveOut']({ occupancyId: occupancy.id, moveOutDate: date, note }));
    if (r) {
      showSaved(`${occupancy.person.name} 已迁出`);
      onSaved();
    }
  }

  return (
    <Modal opened={occupancy !== null} onClose={onClose} title={occupancy ? `迁出：${occupancy.person.name}（${ROLE_LABELS[occupancy.role]}）` : '迁出'} centered>
      <Stack gap="sm">
        <Alert color="blue" variant="light">
          迁出后此人移到“已迁出”列表，资料和日期都会保留。
        </Alert>
        <DateField
          label="迁出日期"
          withAsterisk
          value={date}
          onChange={(v) => {
            setDate(v);
            clear('moveOutDate');
          }}
          error={err('moveOutDate') ?? hint}
          data-testid="moveout-date"
        />
        <TextInput label="说明" maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} placeholder="如：房屋出售、租期结束" />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="orange" loading={busy} onClick={save} data-testid="moveout-confirm">
            确认迁出
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
