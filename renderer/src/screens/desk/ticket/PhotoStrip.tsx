import { useEffect, useState } from 'react';
import { Image, Modal, Skeleton, Text, UnstyledButton, Group } from '@mantine/core';
import type { TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';

type Attachment = TicketDetailT['attachments'][number];

/** The ticket's photos as thumbnails (data: URLs, which the CSP allows); a click shows one large. */
export function PhotoStrip({ attachments }: { attachments: Attachment[] }) {
  const [urls, setUrls] = useState<Record<number, string | null>>({});
  const [shown, setShown] = useState<Attachment | null>(null);

  useEffect(() => {
    let live = true;
    for (const a of attachments) {
      if (a.id in urls) continue;
      api['desk.attachments.get']({ id: a.id }).then(
        (r) => live && setUrls((p) => ({ ...p, [a.id]: r.ok ? `data:${a.mime};base64,${r.value.dataBase64}` : null })),
        () => live && setUrls((p) => ({ ...p, [a.id]: null })),
      );
    }
    return () => {
      live = false;
    };
  }, [attachments]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!attachments.length) return null;
  return (
    <>
      <Group gap="xs" data-testid="ticket-photos">
        {attachments.map((a) => {
          const url = urls[a.id];
          if (url === undefined) return <Skeleton key={a.id} w={88} h={88} radius="sm" />;
          if (url === null)
            return (
              <Text key={a.id} size="xs" c="red" w={88}>
                照片无法读取：{a.fileName}
              </Text>
            );
          return (
            <UnstyledButton key={a.id} onClick={() => setShown(a)} title={a.fileName} aria-label={`查看照片 ${a.fileName}`}>
              <Image src={url} w={88} h={88} radius="sm" fit="cover" alt={a.fileName} data-testid="ticket-photo" />
            </UnstyledButton>
          );
        })}
      </Group>
      <Modal opened={!!shown} onClose={() => setShown(null)} title={shown?.fileName} size="xl" centered>
        {shown && urls[shown.id] && <Image src={urls[shown.id]} fit="contain" mah="75vh" alt={shown.fileName} />}
      </Modal>
    </>
  );
}
