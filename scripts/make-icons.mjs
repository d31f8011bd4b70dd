// Draws the wallet icon (white "@" on the brand orange rounded square, as in
// the inpage provider's SVG) at 16/32/48/128 px and writes public/icon/<size>.png.
// Shapes are signed-distance tests, anti-aliased by 8x8 supersampling; the PNG
// encoder is the minimum: RGBA, one IDAT, no filters.
import { writeFileSync, mkdirSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const out = process.argv[2] ?? 'public/icon';
const BRAND = [0xf0, 0x5e, 0x3e];

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Unit square, y down. Rounded square radius 0.25 (rx 8 of 32, as in the SVG).
const inRoundedSquare = (x, y) => {
  const r = 0.25;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
const cx = 0.5, cy = 0.5, R = 0.3, r = 0.115, w = 0.05;
const ring = (x, y, ox, oy, rad) => Math.abs(Math.hypot(x - ox, y - oy) - rad) <= w;
const inAt = (x, y) => {
  const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
  if (ring(x, y, cx, cy, R) && !(angle > 0 && angle < 50)) return true; // outer arc, open lower right
  if (ring(x, y, cx, cy, r)) return true; // the "a" bowl
  if (Math.abs(x - (cx + r)) <= w && y >= cy - r - w && y <= cy) return true; // its stem
  const tx = cx + (r + R) / 2; // the tail joining stem to outer arc
  return y >= cy && ring(x, y, tx, cy, (R - r) / 2);
};

mkdirSync(out, { recursive: true });
const SS = 8;
for (const size of [16, 32, 48, 128]) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size, y = (py + (sy + 0.5) / SS) / size;
          if (!inRoundedSquare(x, y)) continue;
          bg++;
          if (inAt(x, y)) fg++;
        }
      }
      const alpha = bg / (SS * SS), white = bg ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BRAND[c] + (255 - BRAND[c]) * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  writeFileSync(`${out}/${size}.png`, png(size, rgba));
}
