import { Badge, Button, Collapse, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_LABELS, type OccupancyT, type PersonT } from '../../../../shared/contract/archives';
import { useNav } from '../../app/navigation';
import { MaskedNumber } from '../../components/MaskedNumber';
import { SectionCard } from '../../components/SectionCard';
import { useCan } from '../../stores/auth';
import { byMoveOut, byRole, leaseNote, ROLE_COLORS } from './roles';
import classes from './OccupantsSection.module.css';

interface OccupantsSectionProps {
  occupants: OccupancyT[];
  readOnly: boolean;
  onAdd(): void;
  onEdit(person: PersonT): void;
  onMoveOut(occ: OccupancyT): void;
}

/**
 * 住户: who lives here now, and (folded) who has moved out. Main sends every phone and ID number
 * masked; 显示 asks for one number and is audited (docs/PRIVACY.md). Phones may be revealed by every
 * role (calling back is the counter's work), ID numbers only with ids.full.
 */
export function OccupantsSection({ occupants, readOnly, onAdd, onEdit, onMoveOut }: OccupantsSectionProps) {
  const [showPast, setShowPast] = useState(false);
  const current = occupants.filter((o) => o.active).sort(byRole);
  const past = occupants.filter((o) => !o.active).sort(byMoveOut);

  return (
    <SectionCard
      title="住户"
      icon={<IconUsers size={20} />}
      count={current.length}
      testId="occupants"
      actions={
        <>
          {!readOnly && (
            <Button size="xs" leftSection={<IconUserPlus size={16} />} onClick={onAdd} data-testid="occupant-add">
              添加住户
            </Button>
          )}
        </>
      }
    >
      {current.length === 0 ? (
        <Text c="dimmed" size="sm" py="md" ta="center">
          暂无在住人员{readOnly ? '' : '，点击“添加住户”登记业主或住户'}
        </Text>
      ) : (
        // At 1366 px this card is about 730 px wide: role and actions take their own width and never
        // shrink, phone and ID share one column, and only the name column wraps (issue 7, item 10).
        <Table verticalSpacing={6} horizontalSpacing="sm" striped highlightOnHover data-testid="occupants-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.fit}>身份 / 入住</Table.Th>
              <Table.Th>姓名</Table.Th>
              <Table.Th className={classes.fit}>联系电话 / 证件</Table.Th>
              {!readOnly && <Table.Th className={classes.fit} aria-label="操作" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.map((o) => (
              <OccupantRow key={o.id} occ={o} readOnly={readOnly} onEdit={onEdit} onMoveOut={onMoveOut} />
            ))}
          </Table.Tbody>
        </Table>
      )}

      {past.length > 0 && (
        <Stack gap={4} mt="sm">
          <UnstyledButton onClick={() => setShowPast((v) => !v)} data-testid="moved-out-toggle">
            <Group gap={4}>
              {showPast ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
              <Text size="sm" c="dimmed">
                已迁出（{past.length}）
              </Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={showPast}>
            <Table verticalSpacing={4} horizontalSpacing="sm" c="dimmed" fz="sm">
              <Table.Tbody>
                {past.map((o) => (
                  <Table.Tr key={o.id} data-testid="moved-out-row">
                    <Table.Td w={90}>
                      <Badge variant="outline" color="gray" size="sm">
                        {ROLE_LABELS[o.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{o.person.name}</Table.Td>
                    <Table.Td className={classes.numbers}>
                      <MaskedNumber masked={o.person.phone} reveal={{ subject: 'person', id: o.person.id, field: 'phone' }} label="联系电话" />
                    </Table.Td>
                    <Table.Td>
                      {o.moveInDate ?? '入住日期不详'} 至 {o.moveOutDate ?? '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </Stack>
      )}
    </SectionCard>
  );
}

function OccupantRow({ occ, readOnly, onEdit, onMoveOut }: { occ: OccupancyT; readOnly: boolean; onEdit(p: PersonT): void; onMoveOut(o: OccupancyT): void }) {
  const p = occ.person;
  const go = useNav((s) => s.go);
  const mayRevealIds = useCan('ids.full');
  const lease = leaseNote(occ);
  const reveal = (field: 'phone' | 'phone2' | 'emergencyPhone') => ({ subject: 'person' as const, id: p.id, field });
  const extra = [p.birthday && `生日 ${p.birthday}`, p.workUnit && `工作单位 ${p.workUnit}`, p.notes && `备注 ${p.notes}`].filter((x): x is string =>
    Boolean(x),
  );
  return (
    <Table.Tr data-testid="occupant-row">
      <Table.Td className={classes.fit}>
        <Badge color={ROLE_COLORS[occ.role]} variant="light" size="sm" className={classes.role} data-testid="occupant-role">
          {ROLE_LABELS[occ.role]}
        </Badge>
        <Text size="xs" c="dimmed" mt={2} className="fd-tabular">
          {occ.moveInDate ? `${occ.moveInDate} 入住` : '入住日期未登记'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} span>
          {p.name}
        </Text>
        {p.gender && (
          <Text size="xs" c="dimmed" span ml={6}>
            {p.gender}
          </Text>
        )}
        {occ.role === 'tenant' && (
          <Text size="xs" c={lease?.color ?? 'dimmed'}>
            {occ.leaseStart || occ.leaseEnd ? `租期 ${occ.leaseStart ?? '未填'} 至 ${occ.leaseEnd ?? '未填'}` : '租期未登记'}
            {lease && ` · ${lease.text}`}
          </Text>
        )}
        {(p.emergencyContact || p.emergencyPhone) && (
          <Text size="xs" c="dimmed" className={classes.numbers} data-testid="occupant-emergency">
            紧急联系人 {p.emergencyContact}{' '}
            {p.emergencyPhone && <MaskedNumber masked={p.emergencyPhone} reveal={reveal('emergencyPhone')} label="紧急联系电话" />}
          </Text>
        )}
        {extra.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={2} title={extra.join(' · ')}>
            {extra.join(' · ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td className={classes.fit}>
        <Text size="sm" className={classes.numbers} data-testid="occupant-phone">
          {p.phone ? (
            <MaskedNumber masked={p.phone} reveal={reveal('phone')} label="联系电话" />
          ) : (
            <Text span c="dimmed" size="sm">
              电话未登记
            </Text>
          )}
        </Text>
        {p.phone2 && (
          <Text size="xs" c="dimmed" className={classes.numbers} data-testid="occupant-phone2">
            备用 <MaskedNumber masked={p.phone2} reveal={reveal('phone2')} label="备用电话" />
          </Text>
        )}
        {p.idNumber ? (
          <Text size="sm" className={classes.numbers} data-testid="person-id">
            {p.idType && p.idType !== '身份证' && (
              <Text span size="xs" c="dimmed" mr={4}>
                {p.idType}
              </Text>
            )}
            {/* without ids.full the masked number stays as it is: no 显示 (docs/ACCOUNTS.md) */}
            <MaskedNumber masked={p.idNumber} reveal={mayRevealIds ? { subject: 'person', id: p.id, field: 'idNumber' } : null} label="证件号码" />
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            证件未登记
          </Text>
        )}
        {p.idWarning && (
          <Text size="xs" c="orange.8" className={classes.wrap} data-testid="person-id-warning">
            ⚠ {p.idWarning}
          </Text>
        )}
      </Table.Td>
      {!readOnly && (
        <Table.Td className={classes.fit}>
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Button size="compact-xs" variant="light" onClick={() => onEdit(p)} data-testid="person-edit">
              编辑
            </Button>
            <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onMoveOut(occ)} data-testid="person-moveout">
              迁出
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => go({ name: 'audit', personId: p.id, label: `住户 ${p.name}` })}
              aria-label={`查看${p.name}的操作记录`}
              data-testid="person-audit"
            >
              操作记录
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
