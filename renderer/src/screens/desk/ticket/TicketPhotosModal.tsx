import { useEffect, useRef } from 'react';
import { Button, CloseButton, FileButton, Group, Image, Input, Text } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { TicketPhotosInput, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { fileToBase64 } from '../../../components/base64';
import { FormModal } from '../../../components/form/FormModal';
import { useContractForm } from '../../../components/form/contractForm';

const PER_CALL = 9;
const MAX_BYTES = 10 * 1024 * 1024;

interface Picked {
  file: File;
  url: string;
}

/** 添加照片: photos brought in after intake, on the timeline as one 添加照片 step. Mounted only while open. */
export function TicketPhotosModal({ detail, onClose, onSaved }: { detail: TicketDetailT; onClose(): void; onSaved(d: TicketDetailT): void }) {
  const t = detail.ticket;
  const form = useContractForm<{ attachments: Picked[] }, typeof TicketPhotosInput>({
    schema: TicketPhotosInput,
    initialValues: { attachments: [] },
    // the schema checks how many; the bytes are read only when saving
    toInput: (v) => ({ id: t.id, attachments: v.attachments.map((p) => ({ fileName: p.file.name, dataBase64: 'x' })) }),
    also: (v) => {
      const errors: Record<string, string> = {};
      v.attachments.forEach((p, i) => {
        if (!p.file.type.startsWith('image/')) errors[`attachments.${i}`] = `「${p.file.name}」不是图片`;
        else if (p.file.size > MAX_BYTES) errors[`attachments.${i}`] = `「${p.file.name}」超过10MB`;
      });
      return errors;
    },
  });
  const photos = form.values.attachments;
  // every object URL made here, released when the dialog goes
  const urls = useRef<string[]>([]);
  useEffect(() => {
    const made = urls.current;
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, []);
  const message = Object.entries(form.errors)
    .filter(([k]) => k === 'attachments' || k.startsWith('attachments.'))
    .map(([, m]) => m)
    .join('；');

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`添加照片 · ${t.no}`}
      form={form}
      submit={async (v) =>
        api['desk.tickets.addPhotos']({
          id: t.id,
          attachments: await Promise.all(v.attachments.map(async (p) => ({ fileName: p.file.name, dataBase64: await fileToBase64(p.file) }))),
        })
      }
      onSaved={onSaved}
      submitLabel="保存照片"
      testId="ticket-photos"
    >
      <Input.Wrapper
        label="照片"
        description={`JPG、PNG 等图片，每张不超过10MB，一次最多${PER_CALL}张；已有 ${detail.attachments.length} 张`}
        error={message || undefined}
      >
        <Group gap="xs" align="flex-start" mt={6}>
          <FileButton
            multiple
            accept="image/*"
            onChange={(files) => {
              const room = PER_CALL - photos.length;
              form.setFieldValue('attachments', [
                ...photos,
                ...files.slice(0, Math.max(0, room)).map((file) => {
                  const url = URL.createObjectURL(file);
                  urls.current.push(url);
                  return { file, url };
                }),
              ]);
              if (files.length > room) form.setFieldError('attachments', `一次最多${PER_CALL}张，${files.length - Math.max(0, room)}张未添加`);
            }}
          >
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconPhoto size={16} />} disabled={photos.length >= PER_CALL} data-testid="ticket-photos-pick">
                选择照片（{photos.length}/{PER_CALL}）
              </Button>
            )}
          </FileButton>
          {photos.map((p, i) => (
            <div key={p.url} style={{ position: 'relative' }} title={p.file.name} data-testid="ticket-photos-item">
              <Image src={p.url} w={64} h={64} radius="sm" fit="cover" alt={p.file.name} />
              <CloseButton
                size="xs"
                radius="xl"
                variant="filled"
                style={{ position: 'absolute', top: -6, right: -6 }}
                aria-label={`移除 ${p.file.name}`}
                onClick={() => {
                  form.setFieldValue(
                    'attachments',
                    photos.filter((_, k) => k !== i),
                  );
                }}
              />
            </div>
          ))}
        </Group>
      </Input.Wrapper>
      {photos.length === 0 && (
        <Text size="xs" c="dimmed">
          如维修完成后的照片、后来发现的损坏。照片写入处理过程，保存后不能删除。
        </Text>
      )}
    </FormModal>
  );
}
