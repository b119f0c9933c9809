/** Small real images for upload tests: a 1×1 PNG, and files that only pretend to be images. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** "RIFF" + size + "WEBP" + a VP8L chunk header: enough for the content check. */
export const WEBP_HEADER = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.alloc(18, 0),
]);
export const JPEG_HEADER = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 0)]);
/** A text file named like a picture. */
export const FAKE_PNG = Buffer.from('<html>not an image</html>');
/** A PNG signature followed by padding: just over 5 MB. */
export const OVERSIZE_PNG = Buffer.concat([PNG_1X1, Buffer.alloc(5 * 1024 * 1024, 0)]);
