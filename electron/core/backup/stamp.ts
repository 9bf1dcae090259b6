import { cstParts } from '../../../shared/domain/time';

const pad = (n: number) => String(n).padStart(2, '0');

/** "20261122-165203" in Asia/Shanghai: file names sort by time and read as the staff's clock. */
export function fileStamp(at: Date): string {
  const p = cstParts(at);
  return `${p.year}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}
