import { PersonUpdate, type PersonT } from '../../../../shared/contract/archives';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { PersonFormFields } from './PersonFields';
import { personFormFrom, toPersonInput, type PersonForm } from './personForm';

interface EditPersonModalProps {
  person: PersonT | null;
  onClose(): void;
  onSaved(): void;
}

/** 编辑人员: the person's own fields (the role and dates belong to the occupancy). */
export function EditPersonModal({ person, ...rest }: EditPersonModalProps) {
  // mounted per opening: the form starts from the person as stored, with no reset effect
  return person ? <EditPersonForm key={person.id} person={person} {...rest} /> : null;
}

function EditPersonForm({ person, onClose, onSaved }: { person: PersonT } & Omit<EditPersonModalProps, 'person'>) {
  const toInput = (v: PersonForm) => ({ id: person.id, ...toPersonInput(v) });
  // phones and the ID number arrive masked (docs/PRIVACY.md); sent back unchanged, main keeps the stored ones
  const shown = personFormFrom(person);
  const form = useContractForm({ schema: PersonUpdate, initialValues: shown, toInput });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`编辑人员：${person.name}`}
      size="lg"
      form={form}
      testId="person"
      submit={(v) => api['archives.people.update'](parseInput(PersonUpdate, toInput, v))}
      onSaved={(saved) => {
        showSaved(`已保存 ${saved.name} 的资料`);
        onSaved();
      }}
    >
      <PersonFormFields form={form} shown={shown} />
    </FormModal>
  );
}
