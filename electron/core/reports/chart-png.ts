// A bar chart as PNG bytes, drawn pixel by pixel (no canvas in main, no browser in the CLI): the
// Word report's daily trend. Labels are in the report's table and caption, not in the picture.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

type Rgb = [number, number, number];

/** bars for `values`, on a white ground with a baseline and light grid lines; returns PNG bytes */
export function barChartPng(values: number[], opts: { width?: number; height?: number; color?: Rgb } = {}): Buffer {
  const W = opts.width ?? 900;
  const H = opts.height ?? 300;
  const color = opts.color ?? [34, 102, 170];
  const px = Buffer.alloc(W * H * 3, 255);
  const set = (x: number, y: number, c: Rgb) => {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    const i = (y * W + x) * 3;
    px[i] = c[0];
    px[i + 1] = c[1];
    px[i + 2] = c[2];
  };
  const pad = { l: 20, r: 20, t: 16, b: 24 };
  const plotH = H - pad.t - pad.b;
  const max = Math.max(1, ...values);
  // grid at quarters of the largest value
  for (let q = 1; q <= 4; q++) {
    const y = pad.t + Math.round(plotH - (plotH * q) / 4);
    for (let x = pad.l; x < W - pad.r; x++) set(x, y, [225, 228, 232]);
  }
  const n = Math.max(1, values.length);
  const slot = (W - pad.l - pad.r) / n;
  const bar = Math.max(1, Math.floor(slot * 0.6));
  values.forEach((v, i) => {
    const h = Math.round((plotH * v) / max);
    const x0 = Math.round(pad.l + i * slot + (slot - bar) / 2);
    for (let x = x0; x < x0 + bar; x++) for (let y = pad.t + plotH - h; y < pad.t + plotH; y++) set(x, y, color);
    // a tick under every bar, longer every fifth
    for (let y = pad.t + plotH; y < pad.t + plotH + ((i + 1) % 5 === 0 ? 8 : 4); y++) set(Math.round(pad.l + (i + 0.5) * slot), y, [120, 120, 120]);
  });
  for (let x = pad.l; x < W - pad.r; x++) set(x, pad.t + plotH, [80, 80, 80]);

  const raw = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) {
    raw[y * (W * 3 + 1)] = 0; // filter: none
    px.copy(raw, y * (W * 3 + 1) + 1, y * W * 3, (y + 1) * W * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
