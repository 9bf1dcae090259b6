import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { Badge, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { IconCar, IconHome, IconSearch, IconUser } from '@tabler/icons-react';
import type { SearchHitT } from '../../../../../shared/contract/search';
import { api } from '../../../bridge';
import { useApp } from '../../../stores/app';

const KIND_ICON: Record<SearchHitT['kind'], typeof IconHome> = { house: IconHome, person: IconUser, vehicle: IconCar };

/**
 * Inline house lookup with the same matching as Ctrl+K: "3-2-1502", a name, pinyin initials,
 * phone tail digits or a plate. ↑/↓ move, Enter takes the highlighted house (the first one
 * unless moved). Enter pressed before the newest answer has arrived waits for it, so a fast
 * typist never gets the house of a half-typed query.
 */
export function HousePicker({
  onPick,
  error,
  autoFocus,
  inputRef,
}: {
  onPick(houseId: number): void;
  error?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHitT[]>([]);
  /** the query the shown hits answer */
  const [answered, setAnswered] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const seq = useRef(0);
  const pickOnAnswer = useRef(false);
  const combobox = useCombobox();

  const lookup = async (text: string) => {
    const mine = ++seq.current;
    const q = text.trim();
    if (!q) {
      pickOnAnswer.current = false;
      setHits([]);
      setAnswered('');
      combobox.closeDropdown();
      return;
    }
    let next: SearchHitT[] = [];
    let fail: string | null = null;
    try {
      // the current estate's houses first: "1-1-101" picks this estate's, not another's
      const r = await api['search.lookup']({ query: q, limit: 20, estateId: useApp.getState().estateId ?? undefined });
      if (r.ok) next = r.value;
      else fail = r.error.message;
    } catch {
      fail = '与后台的连接中断，请重试';
    }
    // a slower answer to an older keystroke must not overwrite a newer one
    if (mine !== seq.current) return;
    // one line per household: a person and their house are the same pick here
    const seen = new Set<number>();
    next = next.filter((h) => (seen.has(h.houseId) ? false : (seen.add(h.houseId), true)));
    setHits(next);
    setFailure(fail);
    setAnswered(q);
    combobox.openDropdown();
    if (pickOnAnswer.current) {
      pickOnAnswer.current = false;
      if (next[0]) pick(next[0].houseId);
      return;
    }
    // highlight the first match once the options are in the DOM
    requestAnimationFrame(() => combobox.selectFirstOption());
  };

  const pick = (houseId: number) => {
    combobox.closeDropdown();
    setQuery('');
    setHits([]);
    setAnswered('');
    onPick(houseId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // the IME is still composing a name
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      combobox.openDropdown();
      if (e.key === 'ArrowDown') combobox.selectNextOption();
      else combobox.selectPreviousOption();
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const q = query.trim();
      if (!q) return;
      e.preventDefault();
      if (answered !== q) {
        pickOnAnswer.current = true;
        return;
      }
      const i = combobox.getSelectedOptionIndex();
      const hit = hits[i >= 0 ? i : 0];
      if (hit) pick(hit.houseId);
    } else if (e.key === 'Escape' && combobox.dropdownOpened) {
      e.stopPropagation();
      combobox.closeDropdown();
    }
  };

  const q = query.trim();
  const pending = q !== '' && answered !== q;

  return (
    <Combobox store={combobox} onOptionSubmit={(v) => pick(Number(v))}>
      <Combobox.Target withKeyboardNavigation={false}>
        <TextInput
          ref={inputRef}
          aria-label="房屋"
          placeholder="房号 3-2-1502、业主姓名、拼音首字母、电话尾号、车牌，回车选中"
          leftSection={<IconSearch size={16} />}
          rightSection={pending ? <Loader size="xs" /> : null}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            void lookup(e.currentTarget.value);
          }}
          onFocus={() => hits.length > 0 && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          error={error}
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
          data-testid="intake-house-input"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!q || (pending && hits.length === 0)}>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {failure ? (
            <Combobox.Empty c="red">{failure}</Combobox.Empty>
          ) : hits.length === 0 ? (
            <Combobox.Empty>没有找到匹配的房屋，可换个写法，或切换到「公共区域」</Combobox.Empty>
          ) : (
            hits.map((h) => {
              const Icon = KIND_ICON[h.kind];
              return (
                <Combobox.Option value={String(h.houseId)} key={h.houseId} data-testid="intake-house-option">
                  <Group gap="xs" wrap="nowrap">
                    <Icon size={15} stroke={1.6} style={{ flexShrink: 0 }} />
                    <Text size="sm" fw={500} style={{ flexShrink: 0 }}>
                      {h.title}
                    </Text>
                    <Text size="xs" c="dimmed" truncate style={{ flex: 1 }}>
                      {h.subtitle}
                    </Text>
                    {h.matched && (
                      <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                        {h.matched}
                      </Badge>
                    )}
                  </Group>
                </Combobox.Option>
              );
            })
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
