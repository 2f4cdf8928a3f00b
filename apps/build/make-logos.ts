import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws the app's logos (Zendesk asks for logo.png 320x320 and logo-small.png 128x128) as PNGs with
 * node:zlib alone: a blue rounded square with a white relay baton across it.
 * Run: npx tsx apps/build/make-logos.ts
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels → PNG bytes (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function drawLogo(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.18;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      // Rounded square: distance outside the inner rectangle's corners.
      const dx = Math.max(radius - x, x - (size - 1 - radius), 0);
      const dy = Math.max(radius - y, y - (size - 1 - radius), 0);
      if (Math.hypot(dx, dy) > radius) continue;
      // The baton: a thick bar on the rising diagonal, with a band near each end.
      const u = (x + (size - 1 - y)) / (2 * (size - 1)); // along the diagonal, 0..1
      const v = Math.abs(x - (size - 1 - y)) / Math.SQRT2; // distance from it
      const onBaton = u > 0.18 && u < 0.82 && v < size * 0.09;
      const band = onBaton && (Math.abs(u - 0.3) < 0.03 || Math.abs(u - 0.7) < 0.03);
      const [r, g, b] = band ? [255, 196, 0] : onBaton ? [255, 255, 255] : [31, 115, 183];
      px.set([r, g, b, 255], i);
    }
  }
  return px;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../zendesk/assets');
  for (const [name, size] of [['logo.png', 320], ['logo-small.png', 128]] as const) {
    fs.writeFileSync(path.join(dir, name), encodePng(size, size, drawLogo(size)));
    console.log(`wrote ${path.join(dir, name)} (${size}x${size})`);
  }
}
