import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { COMM_CHANNELS, type CommunicationT, type OccupancyT } from '../../../../shared/contract/archives';
import { cstDateTime } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { useSettings } from '../../stores/app';
import { api } from '../../bridge';
import { SectionCard } from '../../components/SectionCard';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';

type Channel = (typeof COMM_CHANNELS)[number];

interface CommunicationsSectionProps {
  houseId: number;
  communications: CommunicationT[];
  occupants: OccupancyT[];
  readOnly: boolean;
  onSaved(): void;
}

/** 沟通记录: every contact with the household, newest first, with an inline form to add one. */
export function CommunicationsSection({ houseId, communications, occupants, readOnly, onSaved }: CommunicationsSectionProps) {
  const sorted = [...communications].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <SectionCard title="沟通记录" icon={<IconMessages size={20} />} count={communications.length} testId="communications">
      <Stack gap="sm">
        {!readOnly && <CommunicationForm houseId={houseId} occupants={occupants} onSaved={onSaved} />}
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
      </Stack>
    </SectionCard>
  );
}

function CommunicationForm({ houseId, occupants, onSaved }: { houseId: number; occupants: OccupancyT[]; onSaved(): void }) {
  const [channel, setChannel] = useState<Channel>('电话');
  const [personId, setPersonId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [staff, setStaff] = useState('');
  const { busy, formError, submit, err, clear } = useFormSubmit();

  // the counter's staff name from the settings, so 经办人 is rarely typed
  const staffName = useSettings()?.staffName ?? '';
  useEffect(() => {
    if (staffName) setStaff((cur) => cur || staffName);
  }, [staffName]);

  async function save() {
    const c = await submit(() =>
      api['archives.communications.add']({ houseId, channel, personId: personId ? Number(personId) : null, summary, staff }),
    );
    if (c) {
      showSaved('已添加沟通记录');
      setSummary('');
      onSaved();
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Paper bg="var(--mantine-color-gray-0)" p="xs" radius="sm" withBorder>
        <Stack gap={6}>
          <Group gap={6} grow wrap="nowrap" align="flex-start">
            <Select
              size="xs"
              label="方式"
              withAsterisk
              data={[...COMM_CHANNELS]}
              value={channel}
              onChange={(v) => v && setChannel(v as Channel)}
              allowDeselect={false}
              error={err('channel')}
            />
            <Select
              size="xs"
              label="对象"
              placeholder="本户"
              data={occupants.map((o) => ({ value: String(o.person.id), label: o.person.name }))}
              value={personId}
              onChange={setPersonId}
              clearable
            />
            <TextInput
              size="xs"
              label="经办人"
              withAsterisk
              maxLength={20}
              value={staff}
              onChange={(e) => {
                setStaff(e.currentTarget.value);
                clear('staff');
              }}
              error={err('staff')}
              data-testid="communication-staff"
            />
          </Group>
          <Textarea
            size="xs"
            label="沟通内容"
            withAsterisk
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            placeholder="如：电话告知停水时间，业主表示知悉"
            value={summary}
            onChange={(e) => {
              setSummary(e.currentTarget.value);
              clear('summary');
            }}
            error={err('summary')}
            data-testid="communication-summary"
          />
          <FormError message={formError} />
          <Group justify="flex-end">
            <Button size="xs" type="submit" loading={busy} data-testid="communication-save">
              添加沟通记录
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
