import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../src/domain/errors.js';
import {
  caseAccess,
  checkScreenshots,
  MAX_SCREENSHOT_BYTES,
  safeFilename,
  sniffImageType,
} from '../../src/domain/support-case.js';
import type { Actor } from '../../src/domain/types.js';
import { FAKE_PNG, JPEG_HEADER, PNG_1X1, WEBP_HEADER } from '../support/images.js';

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
    expect(sniffImageType(JPEG_HEADER)).toBe('image/jpeg');
    expect(sniffImageType(WEBP_HEADER)).toBe('image/webp');
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
