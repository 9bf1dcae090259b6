import { useEffect, useRef, useState } from 'react';
import { Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { IconHome, IconSearch } from '@tabler/icons-react';
import type { SearchHitT } from '../../../../../shared/contract/search';
import { api } from '../../../bridge';

export interface PickedHouse {
  houseId: number;
  label: string;
}

/** Inline lookup (same matching as Ctrl+K): type a room, name, phone tail or plate; Enter picks. */
export function HousePicker({ onPick, error, autoFocus }: { onPick(h: PickedHouse): void; error?: string; autoFocus?: boolean }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHitT[]>([]);
  const seq = useRef(0);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  useEffect(() => {
    const q = query.trim();
    const mine = ++seq.current;
    if (!q) {
      setHits([]);
      return;
    }
    void api['search.lookup']({ query: q, limit: 12 }).then((r) => {
      if (mine !== seq.current || !r.ok) return;
      // one line per household
      const seen = new Set<number>();
      const unique = r.value.filter((h) => (seen.has(h.houseId) ? false : (seen.add(h.houseId), true)));
      setHits(unique);
      combobox.openDropdown();
    });
  }, [query]); // eslint-disable-line react-hooks/exhaustive-deps

  // the first match is pre-selected so Enter takes it, as in Ctrl+K (after the options render)
  useEffect(() => {
    if (hits.length) combobox.selectFirstOption();
  }, [hits]); // eslint-disable-line react-hooks/exhaustive-deps

  const pick = (houseId: number) => {
    const hit = hits.find((h) => h.houseId === houseId);
    if (!hit) return;
    const label = hit.kind === 'house' ? hit.title : hit.subtitle.split(' · ')[0];
    onPick({ houseId, label });
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(v) => pick(Number(v))}>
      <Combobox.Target>
        <TextInput
          label="房屋"
          withAsterisk
          placeholder="房号 3-2-1502、业主姓名、拼音首字母、电话尾号、车牌"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onFocus={() => hits.length && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits.length && combobox.getSelectedOptionIndex() < 0) pick(hits[0].houseId);
          }}
          error={error}
          autoFocus={autoFocus}
          data-testid="intake-house-input"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!query.trim()}>
        <Combobox.Options>
          {hits.length === 0 ? (
            <Combobox.Empty>没有找到匹配的房屋</Combobox.Empty>
          ) : (
            hits.map((h) => (
              <Combobox.Option value={String(h.houseId)} key={`${h.kind}-${h.houseId}-${h.title}`} data-testid="intake-house-option">
                <Group gap="xs" wrap="nowrap">
                  <IconHome size={14} />
                  <Text size="sm" fw={500}>
                    {h.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {h.subtitle}
                  </Text>
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
