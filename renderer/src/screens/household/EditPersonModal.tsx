import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { PersonT } from '../../../../shared/contract/archives';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';
import { PersonFields } from './PersonFields';
import { emptyPersonForm, personFormFrom, toPersonInput, type PersonForm } from './personForm';

interface EditPersonModalProps {
  person: PersonT | null;
  onClose(): void;
  onSaved(): void;
}

/** 编辑人员: the person's own fields (the role and dates belong to the occupancy). */
export function EditPersonModal({ person, onClose, onSaved }: EditPersonModalProps) {
  const [form, setForm] = useState<PersonForm>(emptyPersonForm);
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (person) {
      setForm(personFormFrom(person));
      reset();
    }
  }, [person, reset]);

  async function save() {
    if (!person) return;
    const saved = await submit(() => api['archives.people.update']({ id: person.id, ...toPersonInput(form) }));
    if (saved) {
      showSaved(`已保存 ${saved.name} 的资料`);
      onSaved();
    }
  }

  return (
    <Modal opened={person !== null} onClose={onClose} title={person ? `编辑人员：${person.name}` : '编辑人员'} size="lg" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <PersonFields value={form} onChange={setForm} err={(k) => err(k)} clear={(k) => clear(k)} idMasked={person?.idMasked} />
          <FormError message={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy} data-testid="person-save">
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
