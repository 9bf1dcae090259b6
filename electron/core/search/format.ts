import { ROLE_LABELS, type PersonRoleT } from '../../../shared/contract/archives';

export { maskPhone } from '../../../shared/domain/mask';

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as PersonRoleT] ?? role;
}

export function joinParts(parts: Array<string | null | undefined | false>): string {
  return parts.filter((p): p is string => !!p).join(' · ');
}
