import type { DeskConfigT } from '../../../../../shared/contract/desk';

export interface CategoryGuess {
  category: string;
  subcategory: string | null;
}

/**
 * Proposes the category when the description names one of the configured categories or
 * subcategories outright ("电梯", "门禁", "物业费", "噪音扰民"). Only whole names count, never
 * fragments: a wrong guess would slip into the monthly statistics, so it is better to ask.
 * The longest name mentioned wins; a subcategory brings its parent with it.
 */
export function suggestCategory(description: string, categories: DeskConfigT['categories']): CategoryGuess | null {
  const text = description.replace(/\s+/g, '');
  if (text.length < 2) return null;
  const found: { name: string; guess: CategoryGuess }[] = [];
  for (const c of categories) {
    for (const child of c.children) found.push({ name: child, guess: { category: c.name, subcategory: child } });
    found.push({ name: c.name, guess: { category: c.name, subcategory: null } });
  }
  // "其他" says nothing about the request
  const named = found.filter((f) => f.name.length >= 2 && f.name !== '其他' && text.includes(f.name));
  // stable sort: on equal length the first in the settings' order wins
  named.sort((a, b) => b.name.length - a.name.length);
  return named[0]?.guess ?? null;
}
