import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconSearch, IconUserCheck, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { AttachPersonInput, PERSON_ROLES, ROLE_LABELS, type PersonMatchT, type PersonRoleT } from '../../../../shared/contract/archives';
import { cstDate } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { PersonFormFields } from './PersonFields';
import { emptyPersonForm, toPersonInput, type PersonForm } from './personForm';
import classes from './AttachPersonModal.module.css';

interface AttachPersonModalProps {
  houseId: number;
  houseLabel: string;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}

type Mode = 'new' | 'existing';

type AttachValues = {
  /** a new person, or someone already on file (an owner of a second house, a tenant moving within the estate) */
  mode: Mode;
  personId: number | null;
  role: PersonRoleT;
  moveInDate: string | null;
  leaseStart: string | null;
  leaseEnd: string | null;
  /** staff confirmed that a new person sharing a phone or ID number on file is someone else */
  allowDuplicate: boolean;
  person: PersonForm;
};

/** 添加住户: a person registered to this house with a role and dates, picked from the archive or new. */
export function AttachPersonModal({ opened, ...rest }: AttachPersonModalProps) {
  // mounted per opening: every opening starts blank, with no reset effect
  return opened ? <AttachPersonForm {...rest} /> : null;
}

function AttachPersonForm({ houseId, houseLabel, onClose, onSaved }: Omit<AttachPersonModalProps, 'opened'>) {
  const toInput = (v: AttachValues) => {
    const tenant = v.role === 'tenant';
    const base = { houseId, role: v.role, moveInDate: v.moveInDate, leaseStart: tenant ? v.leaseStart : null, leaseEnd: tenant ? v.leaseEnd : null };
    return v.mode === 'existing'
      ? { ...base, personId: v.personId ?? undefined }
      : { ...base, person: toPersonInput(v.person), allowDuplicate: v.allowDuplicate || undefined };
  };
  const form = useContractForm({
    schema: AttachPersonInput,
    initialValues: {
      mode: 'new',
      personId: null,
      role: 'owner',
      moveInDate: cstDate(),
      leaseStart: null,
      leaseEnd: null,
      allowDuplicate: false,
      person: emptyPersonForm(),
    } as AttachValues,
    toInput,
  });
  const v = form.values;
  const [picked, setPicked] = useState<PersonMatchT | null>(null);

  const pickPerson = (m: PersonMatchT) => {
    setPicked(m);
    form.setValues({ mode: 'existing', personId: m.person.id });
    form.clearFieldError('person');
  };
  const setMode = (mode: Mode) => {
    form.setFieldValue('mode', mode);
    form.clearErrors();
  };

  const roleError = form.errors.role;
  const pickError = v.mode === 'existing' ? form.errors.person : undefined;

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`添加住户 · ${houseLabel}`}
      size="lg"
      form={form}
      testId="person"
      submitLabel="添加"
      submit={(values) => api['archives.people.attach'](parseInput(AttachPersonInput, toInput, values))}
      onSaved={(occ) => {
        showSaved(`已添加${ROLE_LABELS[occ.role]} ${occ.person.name}`);
        onSaved();
      }}
    >
      <SegmentedControl
        fullWidth
        value={v.mode}
        onChange={(m) => setMode(m as Mode)}
        data={[
          { value: 'new', label: '登记新人员' },
          { value: 'existing', label: '选择已有人员（已在其他房屋登记）' },
        ]}
        data-testid="attach-mode"
      />

      <div>
        <Text size="sm" fw={500} mb={4}>
          身份{' '}
          <Text span c="red">
            *
          </Text>
        </Text>
        <SegmentedControl
          fullWidth
          {...form.getInputProps('role')}
          data={PERSON_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          data-testid="attach-role"
          data-path="role"
        />
        {roleError ? (
          <Text size="xs" c="red" mt={4}>
            {roleError}
          </Text>
        ) : null}
      </div>
      <SimpleGrid cols={v.role === 'tenant' ? 3 : 2} spacing="sm">
        <DateField label="入住日期" {...form.getInputProps('moveInDate')} data-path="moveInDate" />
        {v.role === 'tenant' && (
          <>
            <DateField label="租期开始" {...form.getInputProps('leaseStart')} data-path="leaseStart" />
            <DateField label="租期结束" {...form.getInputProps('leaseEnd')} data-path="leaseEnd" />
          </>
        )}
      </SimpleGrid>

      {v.mode === 'existing' ? (
        <>
          <Divider label="已有人员" labelPosition="left" />
          {picked ? <PickedPerson match={picked} houseId={houseId} onChange={() => setPicked(null)} /> : <PersonFinder houseId={houseId} onPick={pickPerson} />}
          {pickError && !picked ? (
            <Text size="sm" c="red" data-testid="attach-pick-error">
              请先查找并选择一位已有人员
            </Text>
          ) : null}
        </>
      ) : (
        <>
          <Divider label="人员资料" labelPosition="left" />
          <PersonFormFields form={form} path="person" />
          <DuplicateWarning
            phone={v.person.phone}
            idNumber={v.person.idNumber}
            houseId={houseId}
            allowDuplicate={v.allowDuplicate}
            onAllow={(allow) => form.setFieldValue('allowDuplicate', allow)}
            onUse={pickPerson}
          />
        </>
      )}
    </FormModal>
  );
}

/**
 * The answer for `key` of a call made while typing, after a short pause; only the newest key's
 * answer is kept. `load` must not change between renders (a module-level function).
 */
function useDebounced<T>(key: string, load: (key: string) => Promise<T>, empty: T, delay: number): { value: T; busy: boolean } {
  const [state, setState] = useState<{ key: string; value: T }>({ key: '', value: empty });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!key) return;
    const t = setTimeout(() => {
      void load(key).then((value) => {
        if (mine === seq.current) setState({ key, value });
      });
    }, delay);
    return () => clearTimeout(t);
  }, [key, load, delay]);
  return { value: key && state.key === key ? state.value : empty, busy: !!key && state.key !== key };
}

const NO_MATCHES: PersonMatchT[] = [];

async function matchesOf(p: Promise<{ ok: true; value: PersonMatchT[] } | { ok: false }>): Promise<PersonMatchT[]> {
  try {
    const r = await p;
    return r.ok ? r.value : NO_MATCHES;
  } catch {
    return NO_MATCHES;
  }
}
const findPeople = (query: string) => matchesOf(api['archives.people.find']({ query, limit: 12 }));
/** key: "phone|idNumber" as typed */
const findDuplicates = (key: string) => {
  const [phone, idNumber] = key.split('|');
  return matchesOf(api['archives.people.duplicates']({ phone, idNumber }));
};

/** 查找已有人员: by name (or part, or pinyin initials), phone (or its last digits) or ID number. */
function PersonFinder({ houseId, onPick }: { houseId: number; onPick(m: PersonMatchT): void }) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const { value: matches, busy } = useDebounced(q, findPeople, NO_MATCHES, 150);
  return (
    <Stack gap="xs">
      <TextInput
        placeholder="输入姓名、拼音首字母、电话或证件号码（可只输后几位）"
        leftSection={<IconSearch size={16} />}
        rightSection={busy ? <Loader size="xs" /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-autofocus
        data-testid="attach-find"
        aria-label="查找已有人员"
      />
      {q && !busy && matches.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="xs" data-testid="attach-find-empty">
          档案中没有找到，请改用“登记新人员”
        </Text>
      ) : null}
      {matches.length > 0 ? (
        <ScrollArea.Autosize mah={260} type="auto">
          <Stack gap={4}>
            {matches.map((m) => {
              const here = m.places.some((p) => p.houseId === houseId && p.active);
              return (
                <UnstyledButton
                  key={m.person.id}
                  className={classes.match}
                  onClick={() => onPick(m)}
                  disabled={here}
                  data-testid="attach-match"
                  data-disabled={here || undefined}
                >
                  <PersonSummary match={m} houseId={houseId} />
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}

function PersonSummary({ match, houseId }: { match: PersonMatchT; houseId: number }) {
  const p = match.person;
  const here = match.places.some((x) => x.houseId === houseId && x.active);
  return (
    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
      <Group gap={8} wrap="nowrap">
        <Text fw={600}>{p.name}</Text>
        <Text size="sm" c="dimmed" className="fd-tabular">
          {[p.phone, p.idNumber && `${p.idType ?? '证件'} ${p.idNumber}`].filter(Boolean).join(' · ') || '未登记电话和证件'}
        </Text>
        <Badge size="xs" variant="light" color="gray" ml="auto" style={{ flexShrink: 0 }}>
          {match.matched}
        </Badge>
        {here ? (
          <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0 }}>
            已在本户
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {match.places.length
          ? match.places.map((x) => `${x.estateName} ${x.label} ${ROLE_LABELS[x.role]}${x.active ? '' : '（已迁出）'}`).join('；')
          : '未登记在任何房屋'}
      </Text>
    </Stack>
  );
}

function PickedPerson({ match, houseId, onChange }: { match: PersonMatchT; houseId: number; onChange(): void }) {
  return (
    <Paper withBorder p="sm" radius="sm" className={classes.picked} data-testid="attach-picked">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <IconUserCheck size={22} className={classes.pickedIcon} />
        <PersonSummary match={match} houseId={houseId} />
        <Button size="compact-sm" variant="subtle" onClick={onChange} data-testid="attach-change">
          重新选择
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        添加后，此人的资料在各户共用一份；修改电话等信息会同时体现在所有房屋。
      </Text>
    </Paper>
  );
}

/**
 * While a new person is typed: someone on file with the same phone or ID number is probably the same
 * person (an owner of a second house). Offer them; creating a second record needs a confirmation.
 */
function DuplicateWarning(props: {
  phone: string;
  idNumber: string;
  houseId: number;
  allowDuplicate: boolean;
  onAllow(allow: boolean): void;
  onUse(m: PersonMatchT): void;
}) {
  const { phone, idNumber, houseId, allowDuplicate, onAllow, onUse } = props;
  const digits = phone.replace(/\D/g, '');
  const id = idNumber.replace(/\s/g, '').replace(/\|/g, '');
  // main compares whole numbers only: ask once there is enough to be one
  const key = digits.length >= 7 || id.length >= 6 ? `${digits}|${id}` : '';
  const { value: matches } = useDebounced(key, findDuplicates, NO_MATCHES, 300);
  // it appears below the last field: bring it into view (a 768 px screen shows the form's top half)
  const box = useRef<HTMLDivElement>(null);
  const found = matches.length > 0;
  useEffect(() => {
    if (found) box.current?.scrollIntoView({ block: 'nearest' });
  }, [found]);
  if (!found) return null;
  return (
    <Alert ref={box} color="orange" variant="light" title="档案中可能已有此人" icon={<IconUserPlus size={18} />} data-testid="attach-duplicate">
      <Stack gap={6}>
        {matches.map((m) => {
          const here = m.places.some((x) => x.houseId === houseId && x.active);
          return (
            <Group key={m.person.id} wrap="nowrap" gap="sm" align="flex-start">
              <PersonSummary match={m} houseId={houseId} />
              <Button size="compact-sm" variant="filled" color="orange" disabled={here} onClick={() => onUse(m)} data-testid="attach-use-existing">
                使用此人
              </Button>
            </Group>
          );
        })}
        <Checkbox
          size="xs"
          mt={4}
          checked={allowDuplicate}
          onChange={(e) => onAllow(e.currentTarget.checked)}
          label="不是同一人（如家人共用一个电话），仍然新建"
          data-testid="attach-allow-duplicate"
        />
      </Stack>
    </Alert>
  );
}
