// The company header every document prints (设置 → 单据抬头): company and service-centre name,
// the service phone, the logo and where the seal goes. docs/PRINTING.md.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreContext } from '../context';
import { readDeskConfig } from '../desk/config';
import { readSettings } from '../system/settings';
import type { Letterhead } from './model';

/** the logo shipped with the app (resources/logo.png), found from sources, tests and the built app alike */
let shippedLogo: Buffer | null | undefined;
function defaultLogo(): Buffer | null {
  if (shippedLogo !== undefined) return shippedLogo;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'logo.png');
    if (existsSync(candidate)) return (shippedLogo = readFileSync(candidate));
    dir = dirname(dir);
  }
  return (shippedLogo = null);
}

/** width and height of a PNG or JPEG, read from its header */
export function imageSize(bytes: Buffer): { type: 'png' | 'jpg'; w: number; h: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { type: 'png', w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1];
      const len = bytes.readUInt16BE(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return { type: 'jpg', h: bytes.readUInt16BE(i + 5), w: bytes.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return null;
}

function logoOf(dataUrl: string | null): Letterhead['logo'] {
  const bytes = dataUrl ? Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64') : defaultLogo();
  if (!bytes) return null;
  const size = imageSize(bytes);
  if (!size || !size.w || !size.h) return null;
  const mime = size.type === 'png' ? 'image/png' : 'image/jpeg';
  return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}`, bytes, type: size.type, widthPx: size.w, heightPx: size.h };
}

/** The header for an estate's documents (null: the first estate, for documents about no house). */
export async function letterheadFor(ctx: CoreContext, estateId: number | null): Promise<Letterhead> {
  const estate = estateId
    ? await ctx.db.selectFrom('estates').select(['name', 'phone']).where('id', '=', estateId).executeTakeFirst()
    : await ctx.db.selectFrom('estates').select(['name', 'phone']).where('voided_at', 'is', null).orderBy('id').executeTakeFirst();
  const settings = await readSettings(ctx);
  const cfg = await readDeskConfig(ctx);
  const centre = estate?.name ? `${estate.name}物业服务中心` : '物业服务中心';
  const company = settings.companyName.trim();
  return {
    org: [company, centre].filter(Boolean).join(' · '),
    centre,
    company,
    // the desk-wide service phone from 设置 first; else the estate's own (with several estates the
    // desk config's number, filled from the first estate, would put estate 1's phone on estate 2's papers)
    phone: settings.servicePhone.trim() || estate?.phone || cfg.centrePhone || '',
    logo: settings.showLogo ? logoOf(settings.logo) : null,
    seal: settings.sealPosition,
  };
}
