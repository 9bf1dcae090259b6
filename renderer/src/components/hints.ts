import type { InputWrapperProps } from '@mantine/core';

/**
 * Props that show a soft (orange) hint under an input, below the input and above any error.
 * Hints never block saving: rosters and owners bring odd but real data.
 */
export function hintProps(hint: string | null | undefined, error?: string): Pick<InputWrapperProps, 'description' | 'inputWrapperOrder' | 'descriptionProps'> {
  return {
    // an error from main says it better; do not stack two messages
    description: error ? undefined : (hint ?? undefined),
    inputWrapperOrder: ['label', 'input', 'description', 'error'],
    descriptionProps: { c: 'orange.8' },
  };
}
