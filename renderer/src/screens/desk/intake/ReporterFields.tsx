import type { Ref } from 'react';
import { ActionIcon, Grid, Menu, Text, TextInput, Tooltip } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { HouseholdT, OccupancyT, PersonRoleT } from '../../../../../shared/contract/archives';
import { ROLE_LABELS } from '../../../../../shared/contract/archives';
import { isMasked } from '../../../../../shared/domain/mask';

// who usually speaks for a household at the counter: an owner, else the tenant who lives there
const PREFERENCE: Record<PersonRoleT, number> = { owner: 0, co_owner: 1, tenant: 2, family: 3, temporary: 4 };

/** The people living in the house now, the one to prefill first. */
export function currentPeople(household: HouseholdT | null): OccupancyT[] {
  if (!household) return [];
  return household.occupants.filter((o) => o.active).sort((a, b) => PREFERENCE[a.role] - PREFERENCE[b.role] || a.id - b.id);
}

/**
 * 报事人 and 联系电话: prefilled from the household and always editable (the caller may be a
 * neighbour or a relative). With several people in the house a menu swaps both in one pick.
 */
export function ReporterFields({
  household,
  reporter,
  phone,
  onChange,
  errors,
  reporterRef,
  phoneRef,
}: {
  household: HouseholdT | null;
  reporter: string;
  phone: string;
  onChange(p: { reporter?: string; phone?: string }): void;
  errors: { reporter?: string; phone?: string };
  reporterRef?: Ref<HTMLInputElement>;
  phoneRef?: Ref<HTMLInputElement>;
}) {
  const people = currentPeople(household);
  const picker =
    people.length > 1 ? (
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Tooltip label="选择本户人员">
            <ActionIcon variant="subtle" color="gray" aria-label="选择本户人员" data-testid="intake-reporter-pick">
              <IconUsers size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>本户人员</Menu.Label>
          {people.map((o) => (
            <Menu.Item
              key={o.id}
              onClick={() => onChange({ reporter: o.person.name, phone: o.person.phone ?? '' })}
              rightSection={
                <Text size="xs" c="dimmed" className="fd-tabular">
                  {o.person.phone ?? '无电话'}
                </Text>
              }
            >
              {o.person.name}
              <Text span size="xs" c="dimmed" ml={6}>
                {ROLE_LABELS[o.role]}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    ) : null;

  return (
    <>
      <Grid.Col span={4}>
        <TextInput
          ref={reporterRef}
          label="报事人"
          placeholder={household ? '本户无登记人员' : '姓名'}
          value={reporter}
          onChange={(e) => onChange({ reporter: e.currentTarget.value })}
          rightSection={picker}
          rightSectionPointerEvents="all"
          error={errors.reporter}
        />
      </Grid.Col>
      <Grid.Col span={4}>
        <TextInput
          ref={phoneRef}
          label="联系电话"
          placeholder="手机或座机"
          value={phone}
          onChange={(e) => onChange({ phone: e.currentTarget.value })}
          // a resident's number comes masked (docs/PRIVACY.md); main records the stored number it stands for
          description={isMasked(phone) ? '本户登记的号码，按原号码记录' : undefined}
          // the hint under the box, so the box stays level with 报事人 beside it
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={errors.phone}
          className="fd-tabular"
        />
      </Grid.Col>
    </>
  );
}
