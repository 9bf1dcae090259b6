import { Button, CloseButton, FileButton, Group, Image, Text, Tooltip } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import type { Photo } from './draft';

export const MAX_PHOTOS = 9;
const MAX_BYTES = 10 * 1024 * 1024;

/** Keeps what can be sent (images up to 10 MB, at most 9) and says in Chinese what was left out. */
export function acceptPhotos(current: Photo[], files: File[]): { photos: Photo[]; refused: string[] } {
  const refused: string[] = [];
  const next = [...current];
  for (const file of files) {
    if (!file.type.startsWith('image/')) refused.push(`「${file.name}」不是图片`);
    else if (file.size > MAX_BYTES) refused.push(`「${file.name}」超过10MB`);
    else if (next.length >= MAX_PHOTOS) refused.push(`最多${MAX_PHOTOS}张照片，「${file.name}」未添加`);
    else next.push({ file, url: URL.createObjectURL(file) });
  }
  return { photos: next, refused };
}

/** 照片: thumbnails from object URLs (the renderer's CSP allows blob: images); sent as base64 on save. */
export function PhotoPicker({
  photos,
  onAdd,
  onRemove,
  errors,
}: {
  photos: Photo[];
  onAdd(files: File[]): void;
  onRemove(index: number): void;
  /** server messages by photo index */
  errors: Record<number, string>;
}) {
  return (
    <Group gap="xs" align="flex-start">
      <FileButton multiple accept="image/*" onChange={onAdd}>
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconPhoto size={16} />} disabled={photos.length >= MAX_PHOTOS} data-testid="intake-photos">
            添加照片（{photos.length}/{MAX_PHOTOS}）
          </Button>
        )}
      </FileButton>
      {photos.map((p, i) => (
        <Tooltip key={p.url} label={errors[i] ? `${p.file.name}：${errors[i]}` : p.file.name}>
          <div
            style={{ position: 'relative', outline: errors[i] ? '2px solid var(--mantine-color-red-6)' : undefined, borderRadius: 4 }}
            data-testid="intake-photo"
          >
            <Image src={p.url} w={64} h={64} radius="sm" fit="cover" alt={p.file.name} />
            <CloseButton
              size="xs"
              radius="xl"
              variant="filled"
              style={{ position: 'absolute', top: -6, right: -6 }}
              aria-label={`移除 ${p.file.name}`}
              onClick={() => onRemove(i)}
            />
          </div>
        </Tooltip>
      ))}
      {photos.length === 0 && (
        <Text size="xs" c="dimmed" mt={9}>
          JPG、PNG 等图片，每张不超过10MB
        </Text>
      )}
    </Group>
  );
}
