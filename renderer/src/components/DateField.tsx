import { TextInput, type TextInputProps } from '@mantine/core';

interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type'> {
  /** "YYYY-MM-DD" or null */
  value: string | null;
  onChange(value: string | null): void;
}

/** A calendar date ("YYYY-MM-DD") with the browser's native picker; blank means null. */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return <TextInput type="date" value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)} {...rest} />;
}
