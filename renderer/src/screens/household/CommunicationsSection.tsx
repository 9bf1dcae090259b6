import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconMessagePlus, IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { COMM_CHANNELS, CommunicationInput, type CommunicationT, type OccupancyT } from '../../../../shared/contract/archives';
import { cstDateTime } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { useCurrentUser } from '../../stores/auth';
import { api } from '../../bridge';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { SectionCard } from '../../components/SectionCard';

type Channel = (typeof COMM_CHANNELS)[number];

interface CommunicationsSectionProps {
  houseId: number;
  communications: CommunicationT[];
  occupants: OccupancyT[];
  readOnly: boolean;
  onSaved(): void;
}

/** 沟通记录: every contact with the household, newest first; 记录沟通 adds one. */
export function CommunicationsSection({ houseId, communications, occupants, readOnly, onSaved }: CommunicationsSectionProps) {
  const [adding, setAdding] = useState(false);
  const sorted = [...communications].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <SectionCard
      title="沟通记录"
      icon={<IconMessages size={20} />}
      count={communications.length}
      testId="communications"
      actions={
        readOnly ? null : (
          <Button size="xs" variant="light" leftSection={<IconMessagePlus size={16} />} onClick={() => setAdding(true)} data-testid="communication-add">
            记录沟通
          </Button>
        )
      }
    >
      {sorted.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="xs">
          暂无沟通记录
        </Text>
      ) : (
        <Stack gap={6}>
          {sorted.map((c) => (
            <Paper key={c.id} withBorder p="xs" radius="sm" data-testid="communication-row">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Group gap={6} wrap="nowrap">
                  <Badge size="xs" variant="light">
                    {c.channel}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {cstDateTime(c.at)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" truncate>
                  {c.personName ? `${c.personName} · ` : ''}经办 {c.staff}
                </Text>
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {c.summary}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {adding ? (
        <CommunicationModal
          houseId={houseId}
          occupants={occupants}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onSaved();
          }}
        />
      ) : null}
    </SectionCard>
  );
}

type CommunicationValues = { channel: Channel; personId: string | null; summary: string; staff: string };

function CommunicationModal({ houseId, occupants, onClose, onSaved }: { houseId: number; occupants: OccupancyT[]; onClose(): void; onSaved(): void }) {
  // the signed-in user (docs/ACCOUNTS.md), so 经办人 is rarely typed
  const staffName = useCurrentUser()?.displayName ?? '';
  const toInput = (v: CommunicationValues) => ({
    houseId,
    channel: v.channel,
    personId: v.personId ? Number(v.personId) : null,
    summary: v.summary,
    staff: v.staff,
  });
  const form = useContractForm({
    schema: CommunicationInput,
    initialValues: {
      channel: '电话',
      personId: occupants.length === 1 ? String(occupants[0].person.id) : null,
      summary: '',
      staff: staffName,
    } as CommunicationValues,
    toInput,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title="记录沟通"
      form={form}
      testId="communication"
      submit={(v) => api['archives.communications.add'](parseInput(CommunicationInput, toInput, v))}
      onSaved={() => {
        showSaved('已添加沟通记录');
        onSaved();
      }}
    >
      <SimpleGrid cols={3} spacing="sm">
        <Select
          label="方式"
          withAsterisk
          data={[...COMM_CHANNELS]}
          allowDeselect={false}
          data-testid="communication-channel"
          {...form.getInputProps('channel')}
        />
        <Select
          label="对象"
          placeholder="本户"
          data={occupants.map((o) => ({ value: String(o.person.id), label: o.person.name }))}
          clearable
          data-testid="communication-person"
          {...form.getInputProps('personId')}
        />
        <TextInput label="经办人" withAsterisk data-testid="communication-staff" {...form.getInputProps('staff')} />
      </SimpleGrid>
      <Textarea
        label="沟通内容"
        withAsterisk
        autosize
        minRows={3}
        maxRows={8}
        placeholder="如：电话告知停水时间，业主表示知悉"
        data-autofocus
        data-testid="communication-summary"
        {...form.getInputProps('summary')}
      />
    </FormModal>
  );
}
