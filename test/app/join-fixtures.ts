/** Helpers the join-request tests share: an organization to ask, and the links its e-mails carry. */
import type { ParsedMail } from '../../src/email/index.js';
import type { World } from '../support/world.js';
import { customerOrganization } from './setup-fixtures.js';

let orgSeq = 0;

/** The token of the Approve / Decline link in an administrator's e-mail. */
export function joinTokenIn(mail: ParsedMail): string {
  const link = mail.links.find((l) => /\/join\/[A-Za-z0-9_-]+\?decision=approve$/.test(l));
  if (!link) throw new Error(`no approve link in "${mail.subject}"`);
  return /\/join\/([A-Za-z0-9_-]+)/.exec(link)![1]!;
}

/** A customer organization the finder suggests to an initech.example contact, with two admins. */
export async function initechWithAdmins(w: World) {
  const n = ++orgSeq;
  const admins = [`ugo.${process.pid}.${n}@initech.example`, `vera.${process.pid}.${n}@initech.example`];
  const organizationId = await customerOrganization(w, `Initech Italia ${n}`, admins);
  return { organizationId, admins, name: `Initech Italia ${n}` };
}
