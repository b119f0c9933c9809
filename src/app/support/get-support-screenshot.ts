/**
 * A case's screenshot, for the people who may see the case; its type is the sniffed one, and
 * `inline` says whether it may be shown in the browser or only downloaded.
 */
import { AppError } from '../../domain/errors.js';
import { showsInline } from '../../domain/support-case.js';
import { findScreenshot } from '../../store/support-case-repository.js';
import type { AppDeps } from '../deps.js';
import { type CaseViewerInput, findCaseForViewer } from './find-case-for-viewer.js';

export async function getSupportScreenshot(
  deps: AppDeps,
  viewer: CaseViewerInput,
  input: { caseId: string; screenshotId: string },
): Promise<{ filename: string; contentType: string; content: Uint8Array; inline: boolean }> {
  const { row } = await findCaseForViewer(deps, viewer, input.caseId);
  const shot = await findScreenshot(deps.db, row.id, input.screenshotId);
  if (!shot) throw new AppError('NOT_FOUND', { screenshotId: input.screenshotId });
  return {
    filename: shot.filename,
    contentType: shot.content_type,
    content: shot.content,
    inline: showsInline({ contentType: shot.content_type, width: shot.width, height: shot.height }),
  };
}
