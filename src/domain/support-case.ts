/**
 * Support cases, the pure part: types, statuses, who may see a case, and which screenshots are
 * accepted. A screenshot's type is read from its first bytes, never from its name or the type
 * the browser claims, and its size in pixels from its header (image-size, a pure parser): a
 * small file can declare a huge image (a 1 MB PNG of 20000×20000 pixels decodes to 1.6 GB).
 */
import { imageSize } from 'image-size';

import { AppError, invalidInput } from './errors.js';
import type { Actor } from './types.js';

export const CASE_TYPES = ['resend_provisioning_email', 'change_provisioning_contact', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** `awaiting_agent`: the requester replied and an agent should answer next. */
export const CASE_STATUSES = [
  'open',
  'in_progress',
  'awaiting_agent',
  'waiting_on_customer',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * A case number from 256 random bits: `CS` and ten digits. Random, not sequential, so the number
 * a requester gets back says nothing about how many cases anyone else opened (a sequence let a
 * partner tell whether a contact's request on another partner's order had opened a case). Still
 * short enough to read out on the phone.
 */
export function caseNumberOf(randomToken: string): string {
  const n = BigInt(`0x${Buffer.from(randomToken, 'base64url').toString('hex') || '0'}`) % 10_000_000_000n;
  return `CS${n.toString().padStart(10, '0')}`;
}

export const MAX_SCREENSHOTS = 5;
export const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;
/** 40 megapixels: an 8K screen (33 MP), or a full-page capture 1920 wide and 20000 tall. */
export const MAX_SCREENSHOT_PIXELS = 40_000_000;
/** Shown inline up to 4096×4096; larger ones (and unmeasured old ones) are offered as downloads. */
export const INLINE_SCREENSHOT_PIXELS = 4096 * 4096;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

const startsWith = (bytes: Uint8Array, at: number, expected: number[]) =>
  expected.every((b, i) => bytes[at + i] === b);

/** PNG 89 50 4E 47, JPEG FF D8 FF, WebP "RIFF" .... "WEBP"; anything else is null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 0, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, 8, [0x57, 0x45, 0x42, 0x50]))
    return 'image/webp';
  return null;
}

export interface ScreenshotUpload {
  filename: string;
  bytes: Uint8Array;
}

export interface CheckedScreenshot extends ScreenshotUpload {
  contentType: ImageType;
  width: number;
  height: number;
}

const SIZE_TYPES: Record<ImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** Width and height from the header, if it is a well-formed header of the sniffed type. */
export function imageDimensions(
  bytes: Uint8Array,
  contentType: ImageType,
): { width: number; height: number } | null {
  try {
    // image-size reads through DataViews on `bytes.buffer`, past the end of a view on a larger
    // buffer (Node's pooled Buffers): give it a buffer of exactly these bytes.
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const size = imageSize(exact ? bytes : new Uint8Array(bytes));
    if (size.type !== SIZE_TYPES[contentType] || !(size.width > 0) || !(size.height > 0)) return null;
    return { width: size.width, height: size.height };
  } catch {
    return null; // a truncated or malformed header
  }
}

/**
 * Whether a stored screenshot may be shown in the page (inline) rather than downloaded: only a
 * known type, measured at upload, and small enough for any browser to decode without harm.
 */
export function showsInline(shot: {
  contentType: string;
  width: number | null;
  height: number | null;
}): boolean {
  return (
    shot.contentType in SIZE_TYPES &&
    shot.width !== null &&
    shot.height !== null &&
    shot.width * shot.height <= INLINE_SCREENSHOT_PIXELS
  );
}

/** A name safe to echo in a header and on a page: no path, no quotes or control characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .trim()
    .slice(0, 100);
  return clean.length > 0 ? clean : 'screenshot';
}

/**
 * Every screenshot is checked before any is stored; one bad file refuses the whole request
 * (INVALID_INPUT naming each file and why), so nothing is half-stored.
 */
export function checkScreenshots(files: ScreenshotUpload[]): CheckedScreenshot[] {
  const issues: { path: string; message: string; reason: string; filename: string }[] = [];
  if (files.length > MAX_SCREENSHOTS)
    issues.push({
      path: 'screenshots',
      message: `at most ${MAX_SCREENSHOTS} screenshots`,
      reason: 'tooMany',
      filename: '',
    });
  const checked: CheckedScreenshot[] = [];
  files.forEach((file, i) => {
    const filename = safeFilename(file.filename);
    const path = `screenshots[${i}]`;
    if (file.bytes.byteLength > MAX_SCREENSHOT_BYTES)
      issues.push({ path, message: 'is larger than 5 MB', reason: 'tooLarge', filename });
    else if (file.bytes.byteLength === 0)
      issues.push({ path, message: 'is empty', reason: 'notImage', filename });
    else {
      const contentType = sniffImageType(file.bytes);
      const size = contentType && imageDimensions(file.bytes, contentType);
      if (!contentType || !size)
        issues.push({ path, message: 'is not a PNG, JPEG or WebP image', reason: 'notImage', filename });
      else if (size.width * size.height > MAX_SCREENSHOT_PIXELS)
        issues.push({
          path,
          message: `is ${size.width}×${size.height} pixels, more than ${MAX_SCREENSHOT_PIXELS / 1_000_000} megapixels`,
          reason: 'tooManyPixels',
          filename,
        });
      else checked.push({ filename, bytes: file.bytes, contentType, ...size });
    }
  });
  if (issues.length > 0) throw invalidInput(issues);
  return checked;
}

/** Who is looking at a case: a signed-in user, or whoever holds the case link's key. */
export type CaseViewer = { actor: Actor } | { keyMatches: boolean };

export interface CaseAccessFacts {
  requesterUserId: string | null;
}

/**
 * Support agents see every case; a requester sees their own (by account, or by the key of the
 * link they were e-mailed). Anyone else is told the case does not exist.
 */
export function caseAccess(viewer: CaseViewer, facts: CaseAccessFacts): 'agent' | 'requester' | 'none' {
  if ('keyMatches' in viewer) return viewer.keyMatches ? 'requester' : 'none';
  if (viewer.actor.role === 'support_agent') return 'agent';
  if (facts.requesterUserId !== null && facts.requesterUserId === viewer.actor.userId) return 'requester';
  return 'none';
}

export function assertAgent(actor: Actor): void {
  if (actor.role !== 'support_agent') throw new AppError('NO_ACCESS');
}
