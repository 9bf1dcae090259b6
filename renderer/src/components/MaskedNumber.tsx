import { useState } from 'react';
import { Anchor, Group, Text } from '@mantine/core';
import type { RevealInputT } from '../../../shared/contract/privacy';
import { api } from '../bridge';
import { unwrap } from '../app/call';

/**
 * A phone or ID number as the screen shows it: masked, with 显示 for a user allowed to see the full
 * number (docs/PRIVACY.md). Main answers the one number and writes an audit line; the full number
 * stays only while this component is on screen.
 */
export function MaskedNumber({ masked, reveal, label }: { masked: string | null; reveal: RevealInputT | null; label: string }) {
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!masked) return <Text span>—</Text>;
  const show = async () => {
    if (!reveal || busy) return;
    setBusy(true);
    const r = await unwrap(api['privacy.reveal'](reveal));
    setBusy(false);
    if (r) setFull(r.value);
  };
  return (
    <Group gap={6} wrap="nowrap" component="span" style={{ display: 'inline-flex' }}>
      <Text span ff="monospace" data-masked={full ? undefined : ''}>
        {full ?? masked}
      </Text>
      {reveal && !full && masked.includes('*') && (
        <Anchor component="button" type="button" size="xs" onClick={show} aria-label={`显示完整${label}`} title="显示完整号码（记入操作日志）">
          显示
        </Anchor>
      )}
    </Group>
  );
}
