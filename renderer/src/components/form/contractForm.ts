import { useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { zodFields } from '../../app/formErrors';

// Forms (docs/ARCHITECTURE.md, "Forms and messages"): every form is a @mantine/form validated by the
// contract's own zod schema, the one main parses the call with, so the form refuses exactly what
// main would refuse, with the same Chinese message next to the field.

/**
 * The schema as a @mantine/form resolver. `toInput` turns the form's values (Mantine hands '' for
 * an empty number box) into the call's input; `also` adds checks that need what only the screen
 * knows (a move-out date against this occupancy's move-in date). Keys are zod paths ("person.phone").
 */
export function contractResolver<V, S extends z.ZodType>(schema: S, toInput: (values: V) => unknown, also?: (values: V) => Record<string, string>) {
  return (values: V): Record<string, string> => {
    const parsed = schema.safeParse(toInput(values));
    const fields = parsed.success ? {} : zodFields(parsed.error);
    return also ? { ...also(values), ...fields } : fields;
  };
}

export interface ContractFormOptions<V extends Record<string, unknown>, S extends z.ZodType> {
  schema: S;
  initialValues: V;
  /**
   * form values → call input; identity when the form holds the input as is. It may hand back what
   * the schema will refuse (text in a number box): the schema then says what is wrong.
   */
  toInput?: (values: V) => unknown;
  /** screen-side checks beyond the schema, same shape as the resolver's answer */
  also?: (values: V) => Record<string, string>;
}

export type ContractForm<V extends Record<string, unknown>> = UseFormReturnType<V>;

/**
 * useForm with the contract's schema as its resolver. An error goes as soon as it is fixed: the
 * edited field's at once, and one that another field's change settles (a 证件号码 refused as a
 * 身份证 when 证件类型 becomes 护照) too. New errors wait for 保存, so nothing turns red mid-typing.
 */
export function useContractForm<V extends Record<string, unknown>, S extends z.ZodType>({
  schema,
  initialValues,
  toInput,
  also,
}: ContractFormOptions<V, S>): ContractForm<V> {
  const resolve = contractResolver<V, S>(schema, toInput ?? ((v: V) => v), also);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: resolve,
    clearInputErrorOnChange: true,
    onValuesChange: (values, previous) => {
      // only messages the schema itself gave for the previous values: a refusal from main (a
      // duplicate phone) is about data elsewhere and stays until its own field changes
      const before = resolve(previous);
      const now = resolve(values);
      form.setErrors((errors) => {
        const settled = Object.keys(errors).filter((k) => errors[k] === before[k] && now[k] === undefined);
        if (!settled.length) return errors;
        const next = { ...errors };
        for (const k of settled) delete next[k];
        return next;
      });
    },
  });
  return form;
}

/** The input a form's values make, parsed by the schema (defaults, trims and transforms applied). */
export function parseInput<V, S extends z.ZodType>(schema: S, toInput: ((values: V) => unknown) | undefined, values: V): z.output<S> {
  return schema.parse(toInput ? toInput(values) : values);
}
