import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../src/domain/errors.js';
import {
  caseAccess,
  checkScreenshots,
  imageDimensions,
  MAX_SCREENSHOT_BYTES,
  MAX_SCREENSHOT_PIXELS,
  safeFilename,
  showsInline,
  sniffImageType,
} from '../../src/domain/support-case.js';
import type { Actor } from '../../src/domain/types.js';
import {
  blankPng,
  FAKE_PNG,
  JPEG_2X1,
  JPEG_HEADER_ONLY,
  PNG_1X1,
  WEBP_2X1,
  WEBP_HEADER_ONLY,
} from '../support/images.js';

const actor = (role: Actor['role'], userId = 'usr_x'): Actor => ({
  userId,
  name: 'X',
  email: 'x@example.test',
  role,
  organizationId: 'org_x',
  language: 'en',
});

describe('support case rules', () => {
  it('reads the image type from the first bytes only', () => {
    expect(sniffImageType(PNG_1X1)).toBe('image/png');
    expect(sniffImageType(JPEG_HEADER_ONLY)).toBe('image/jpeg');
    expect(sniffImageType(WEBP_HEADER_ONLY)).toBe('image/webp');
    expect(sniffImageType(FAKE_PNG)).toBeNull();
    // RIFF without WEBP at offset 8 is some other RIFF file (a WAV, an AVI).
    expect(sniffImageType(Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });

  it('accepts no byte string that does not start with an image signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const type = sniffImageType(bytes);
        if (type === 'image/png') expect(bytes[0]).toBe(0x89);
        else if (type === 'image/jpeg') expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
        else if (type === 'image/webp')
          expect(Buffer.from(bytes.slice(8, 12)).toString('latin1')).toBe('WEBP');
        else expect(type).toBeNull();
      }),
    );
  });

  it('refuses every bad file at once, naming each, and keeps names free of paths and quotes', () => {
    const error = (() => {
      try {
        checkScreenshots([
          { filename: 'a.png', bytes: PNG_1X1 },
          { filename: 'C:\\temp\\b.png', bytes: FAKE_PNG },
          { filename: 'c.png', bytes: new Uint8Array(MAX_SCREENSHOT_BYTES + 1) },
        ]);
      } catch (e) {
        return e as AppError<'INVALID_INPUT'>;
      }
    })();
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.details['issues']).toEqual([
      expect.objectContaining({ path: 'screenshots[1]', filename: 'b.png', reason: 'notImage' }),
      expect.objectContaining({ path: 'screenshots[2]', filename: 'c.png', reason: 'tooLarge' }),
    ]);
    expect(() =>
      checkScreenshots(Array.from({ length: 6 }, () => ({ filename: 'a.png', bytes: PNG_1X1 }))),
    ).toThrow(AppError);
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(safeFilename(name)).toMatch(/^[^"\\/\r\n;]{1,100}$/u);
      }),
    );
  });

  it('reads width and height from the header, and refuses a header it cannot read or of another type', () => {
    expect(imageDimensions(PNG_1X1, 'image/png')).toEqual({ width: 1, height: 1 });
    expect(imageDimensions(JPEG_2X1, 'image/jpeg')).toEqual({ width: 2, height: 1 });
    expect(imageDimensions(WEBP_2X1, 'image/webp')).toEqual({ width: 2, height: 1 });
    expect(imageDimensions(JPEG_HEADER_ONLY, 'image/jpeg')).toBeNull();
    expect(imageDimensions(PNG_1X1, 'image/jpeg')).toBeNull();
    expect(imageDimensions(Uint8Array.from(PNG_1X1.subarray(0, 20)), 'image/png')).toBeNull();
    const checked = checkScreenshots([
      { filename: 'a.png', bytes: PNG_1X1 },
      { filename: 'b.jpg', bytes: JPEG_2X1 },
      { filename: 'c.webp', bytes: WEBP_2X1 },
    ]);
    expect(checked.map((c) => [c.contentType, c.width, c.height])).toEqual([
      ['image/png', 1, 1],
      ['image/jpeg', 2, 1],
      ['image/webp', 2, 1],
    ]);
  });

  it('refuses a 20000×20000 PNG decompression bomb by its header, and takes one at the pixel limit', () => {
    const bomb = blankPng(20_000, 20_000);
    expect(bomb.byteLength).toBeLessThan(MAX_SCREENSHOT_BYTES); // the byte limit alone lets it in
    expect(imageDimensions(bomb, 'image/png')).toEqual({ width: 20_000, height: 20_000 });
    const error = (() => {
      try {
        checkScreenshots([{ filename: 'bomb.png', bytes: bomb }]);
      } catch (e) {
        return e as AppError<'INVALID_INPUT'>;
      }
    })();
    expect(error?.details.issues).toEqual([
      {
        path: 'screenshots[0]',
        filename: 'bomb.png',
        reason: 'tooManyPixels',
        message: 'is 20000×20000 pixels, more than 40 megapixels',
      },
    ]);
    const atLimit = blankPng(MAX_SCREENSHOT_PIXELS / 4000, 4000);
    expect(checkScreenshots([{ filename: 'tall.png', bytes: atLimit }])).toHaveLength(1);
    expect(() => checkScreenshots([{ filename: 'over.png', bytes: blankPng(10_001, 4000) }])).toThrow(
      AppError,
    );
  });

  it('shows inline only measured images of a known type up to 4096×4096', () => {
    expect(showsInline({ contentType: 'image/png', width: 4096, height: 4096 })).toBe(true);
    expect(showsInline({ contentType: 'image/png', width: 4097, height: 4096 })).toBe(false);
    expect(showsInline({ contentType: 'image/png', width: null, height: null })).toBe(false);
    expect(showsInline({ contentType: 'image/svg+xml', width: 10, height: 10 })).toBe(false);
  });

  it('shows a case to agents, to its requester and to the holder of its key, and to no one else', () => {
    expect(caseAccess({ actor: actor('support_agent') }, { requesterUserId: 'usr_a' })).toBe('agent');
    expect(caseAccess({ actor: actor('partner_user', 'usr_a') }, { requesterUserId: 'usr_a' })).toBe(
      'requester',
    );
    expect(caseAccess({ actor: actor('partner_admin', 'usr_b') }, { requesterUserId: 'usr_a' })).toBe('none');
    expect(caseAccess({ actor: actor('partner_user', 'usr_b') }, { requesterUserId: null })).toBe('none');
    expect(caseAccess({ keyMatches: true }, { requesterUserId: null })).toBe('requester');
    expect(caseAccess({ keyMatches: false }, { requesterUserId: null })).toBe('none');
  });
});
