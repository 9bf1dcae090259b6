import { useState, type FocusEvent } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';

interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'fixOnBlur'> {
  /**
   * "YYYY-MM-DD", null when blank; while the typed text is not a date, that text itself, so the
   * contract's DateStr refuses it by the field instead of the box quietly keeping the old date
   */
  value?: string | null;
  onChange(value: string | null): void;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function realDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * What staff type for a date: 2026-03-05, 2026-3-5, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305.
 * Only a day that exists: 2026-02-30 is not rolled over into March.
 */
function parseDateText(raw: string): string | null {
  const s = raw.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? realDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * A calendar date (docs/ARCHITECTURE.md, "Forms and messages"), typed or picked from a Chinese
 * calendar (DatesProvider in main.tsx), shown as 2026-12-02 whatever the machine's locale (a
 * native date box follows the OS and showed mm/dd/yyyy). Text that is not a date stays in the box
 * and goes to the form as typed, so the form says what is wrong; nothing typed is dropped.
 */
export function DateField({ value = null, onChange, onBlur, onInput, onClick, onKeyDown, popoverProps, ...rest }: DateFieldProps) {
  // The calendar opens on a click (or ↓), not on every focus or keystroke: open, it covers the
  // fields and buttons below the box, and staff typing a date do not need it.
  const [calendar, setCalendar] = useState(false);
  // "2026-02-30" has the shape of a date but is none: DateInput would show it as 2026-03-02
  const isDate = (v: string) => ISO.test(v) && parseDateText(v) === v;
  const valid = value === null || isDate(value) ? value : null;
  // the last real date, kept for the calendar while the box holds text that is not one: handing
  // DateInput null there would wipe what was typed
  const [shown, setShown] = useState<string | null>(valid);
  const typedBad = value !== null && !isDate(value);
  if (!typedBad && valid !== shown) setShown(valid);

  const takeText = (text: string) => {
    const next = text.trim() === '' ? null : (parseDateText(text) ?? text.trim());
    // only a change is reported: passing through must not settle the field's message
    if (next !== value) onChange(next);
  };

  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="年-月-日"
      // headers read 2026年12月, not 十二月 2026
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      clearable
      dateParser={parseDateText}
      // reformat on leaving only when the text is a date; otherwise it stays for correcting
      fixOnBlur={!typedBad}
      value={typedBad ? shown : valid}
      popoverProps={{ ...popoverProps, opened: calendar, onDismiss: () => setCalendar(false) }}
      onChange={(v) => {
        setCalendar(false);
        onChange(v || null);
      }}
      onClick={(e) => {
        onClick?.(e);
        setCalendar(true);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.key === 'ArrowDown') setCalendar(true);
        if (e.key === 'Escape' && calendar) {
          // closes the calendar, not the dialog around it
          e.stopPropagation();
          setCalendar(false);
        }
      }}
      onInput={(e) => {
        onInput?.(e);
        setCalendar(false);
        const text = e.currentTarget.value;
        // DateInput reports only dates inside minDate/maxDate; anything else typed is reported
        // here as it is, for the form's checks to refuse by the field
        const next = text.trim() === '' ? null : (parseDateText(text) ?? text.trim());
        if (next !== null && next !== value) onChange(next);
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        onBlur?.(e);
        setCalendar(false);
        takeText(e.currentTarget.value);
      }}
      {...rest}
    />
  );
}
