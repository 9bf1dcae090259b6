import { DateInput, type DateInputProps } from '@mantine/dates';

interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat'> {
  /** "YYYY-MM-DD" or null */
  value: string | null;
  onChange(value: string | null): void;
}

/**
 * A calendar date ("YYYY-MM-DD"), typed or picked, shown as 2026-12-02 whatever the machine's
 * locale (a native date box follows the OS and showed mm/dd/yyyy). Blank means null.
 */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return <DateInput valueFormat="YYYY-MM-DD" placeholder="年-月-日" clearable value={value} onChange={(v) => onChange(v || null)} {...rest} />;
}
