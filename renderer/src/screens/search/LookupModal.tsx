import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Badge, Box, Group, Kbd, Loader, Modal, ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconCar, IconHome, IconSearch, IconUser } from '@tabler/icons-react';
import type { SearchHitT } from '../../../../shared/contract/search';
import { api } from '../../bridge';
import { useNav } from '../../app/navigation';
import { useLookup } from '../../stores/lookup';
import { useApp, useEstates } from '../../stores/app';
import classes from './LookupModal.module.css';

const KIND_ICON: Record<SearchHitT['kind'], typeof IconHome> = { house: IconHome, person: IconUser, vehicle: IconCar };
const KIND_LABEL: Record<SearchHitT['kind'], string> = { house: '房屋', person: '人员', vehicle: '车辆' };

/** Ctrl+K (Cmd+K on a Mac) opens the lookup from anywhere, even while typing in a field. */
export function useLookupHotkey() {
  const open = useLookup((s) => s.open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);
}

export function LookupModal() {
  const opened = useLookup((s) => s.opened);
  const close = useLookup((s) => s.close);
  return (
    <Modal
      opened={opened}
      onClose={close}
      withCloseButton={false}
      centered={false}
      yOffset="9vh"
      size={680}
      padding={0}
      radius="md"
      // no fade: the input must take keystrokes the instant the window appears
      transitionProps={{ duration: 0 }}
      classNames={{ content: classes.content }}
    >
      {opened ? <LookupPanel onDone={close} /> : null}
    </Modal>
  );
}

function LookupPanel({ onDone }: { onDone: () => void }) {
  const go = useNav((s) => s.go);
  const estateId = useApp((s) => s.estateId);
  // several estates in one database: each hit says which; the current one's come first (main ranks them)
  const severalEstates = useEstates().length > 1;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHitT[]>([]);
  /** the query the shown hits answer; differs from `query` while a request is in flight */
  const [answered, setAnswered] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const seq = useRef(0);
  /** Enter pressed before the newest answer arrived: open its first hit when it comes */
  const openOnAnswer = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  // keep the highlighted hit visible while moving with the arrow keys
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const lookup = async (text: string) => {
    const mine = ++seq.current;
    const q = text.trim();
    if (!q) {
      openOnAnswer.current = false;
      setHits([]);
      setAnswered('');
      setFailure(null);
      return;
    }
    let next: SearchHitT[] = [];
    let error: string | null = null;
    try {
      const r = await api['search.lookup']({ query: q, limit: 30, estateId: estateId ?? undefined });
      if (r.ok) next = r.value;
      else error = r.error.message;
    } catch {
      error = '与后台的连接中断，请重试';
    }
    // a slower answer to an older keystroke must not overwrite a newer one
    if (mine !== seq.current) return;
    setHits(next);
    setFailure(error);
    setAnswered(q);
    setSelected(0);
    if (openOnAnswer.current) {
      openOnAnswer.current = false;
      openHit(next[0]);
    }
  };

  const openHit = (hit: SearchHitT | undefined) => {
    if (!hit) return;
    go({ name: 'household', houseId: hit.houseId });
    onDone();
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      // Enter before the newest answer arrived would open a stale hit: wait for it instead
      if (answered === query.trim()) openHit(hits[selected]);
      else if (query.trim()) openOnAnswer.current = true;
    }
  };

  const q = query.trim();
  const pending = q !== '' && answered !== q;

  return (
    <Box>
      <TextInput
        ref={inputRef}
        data-autofocus
        data-testid="search-input"
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          void lookup(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        placeholder="房号、业主姓名、拼音首字母、电话尾号、车牌号"
        size="lg"
        variant="unstyled"
        leftSection={<IconSearch size={20} stroke={1.7} />}
        rightSection={pending ? <Loader size="xs" /> : null}
        classNames={{ input: classes.input }}
        aria-label="搜索"
        autoComplete="off"
        spellCheck={false}
      />
      <ScrollArea.Autosize mah="58vh" type="auto" className={classes.results}>
        <div ref={listRef} role="listbox" aria-label="搜索结果">
          {q === '' ? (
            <EmptyHint />
          ) : failure ? (
            <Text c="red" size="sm" p="lg" ta="center">
              {failure}
            </Text>
          ) : hits.length === 0 && !pending ? (
            <Text c="dimmed" p="xl" ta="center" data-testid="search-empty">
              没有找到匹配的房屋、人员或车辆
            </Text>
          ) : (
            hits.map((hit, i) => (
              <HitRow
                key={`${hit.kind}-${hit.houseId}-${hit.title}-${i}`}
                hit={hit}
                index={i}
                active={i === selected}
                estate={severalEstates ? { name: hit.estateName, current: hit.estateId === estateId } : null}
                onHover={setSelected}
                onOpen={openHit}
              />
            ))
          )}
        </div>
      </ScrollArea.Autosize>
      <Group gap="lg" px="md" py={8} className={classes.footer}>
        <KeyHint keys={['↑', '↓']} text="选择" />
        <KeyHint keys={['Enter']} text="打开房屋档案" />
        <KeyHint keys={['Esc']} text="关闭" />
      </Group>
    </Box>
  );
}

interface HitRowProps {
  hit: SearchHitT;
  index: number;
  active: boolean;
  /** shown when the database holds several estates; another estate's hit stands out */
  estate: { name: string; current: boolean } | null;
  onHover: (i: number) => void;
  onOpen: (h: SearchHitT) => void;
}

function HitRow({ hit, index, active, estate, onHover, onOpen }: HitRowProps) {
  const Icon = KIND_ICON[hit.kind];
  return (
    <UnstyledButton
      className={classes.hit}
      data-testid="search-result"
      data-index={index}
      data-active={active || undefined}
      role="option"
      aria-selected={active}
      onMouseMove={() => onHover(index)}
      onClick={() => onOpen(hit)}
      tabIndex={-1}
    >
      <Icon size={20} stroke={1.6} className={classes.hitIcon} aria-label={KIND_LABEL[hit.kind]} />
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Text fw={500} truncate>
          {hit.title}
        </Text>
        <Text size="sm" c="dimmed" truncate>
          {hit.subtitle}
        </Text>
      </Box>
      {estate ? (
        <Badge
          variant={estate.current ? 'light' : 'outline'}
          color={estate.current ? 'desk' : 'orange'}
          radius="sm"
          size="md"
          className={classes.estateTag}
          data-testid="search-result-estate"
          title={estate.current ? '当前项目' : '其他项目'}
        >
          {estate.name}
        </Badge>
      ) : null}
      {hit.matched ? (
        <Badge variant="light" color="gray" radius="sm" size="md" className={classes.tag}>
          {hit.matched}
        </Badge>
      ) : null}
    </UnstyledButton>
  );
}

function EmptyHint() {
  return (
    <Box p="lg">
      <Text size="sm" c="dimmed" mb={6}>
        可以这样输入：
      </Text>
      <Text size="sm" c="dimmed" className={classes.examples}>
        3-2-1502 · 3栋2单元1502 · 3#1502 · 1502 · 张伟 · zw（拼音首字母） · 8866（电话尾号） · 粤B12345
      </Text>
    </Box>
  );
}

function KeyHint({ keys, text }: { keys: string[]; text: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((k) => (
        <Kbd key={k} size="xs">
          {k}
        </Kbd>
      ))}
      <Text size="xs" c="dimmed">
        {text}
      </Text>
    </Group>
  );
}
