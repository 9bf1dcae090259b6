import { useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { zodFields } from '../../app/formErrors';

/**
 * A form validated by the contract's own zod schema, the one main parses the call with, so the
 * form refuses exactly what main would refuse, with the same Chinese message next to the field.
 * `toInput` turns the form's values (Mantine hands '' for an empty number box) into the call's input.
 */
export function contractResolver<V, S extends z.ZodType>(schema: S, toInput: (values: V) => unknown) {
  return (values: V): Record<string, string> => {
    const parsed = schema.safeParse(toInput(values));
    return parsed.success ? {} : zodFields(parsed.error);
  };
}

export interface ContractFormOptions<V extends Record<string, unknown>, S extends z.ZodType> {
  schema: S;
  initialValues: V;
  /** form values → call input; identity when the form holds the input as is */
  toInput?: (values: V) => z.input<S>;
}

export type ContractForm<V extends Record<string, unknown>> = UseFormReturnType<V>;

/** useForm with the contract's schema as its resolver; errors clear as the user edits the field. */
export function useContractForm<V extends Record<string, unknown>, S extends z.ZodType>({ schema, initialValues, toInput }: ContractFormOptions<V, S>): ContractForm<V> {
  const convert = toInput ?? ((v: V) => v as unknown as z.input<S>);
  return useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: contractResolver(schema, convert),
    clearInputErrorOnChange: true,
  });
}

/** The input a form's values make, parsed by the schema (defaults and trims applied). */
export function parseInput<V, S extends z.ZodType>(schema: S, toInput: ((values: V) => unknown) | undefined, values: V): z.output<S> {
  return schema.parse(toInput ? toInput(values) : values);
}
