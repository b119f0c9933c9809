/**
 * The cap on provisioning e-mails per recipient address: at most `limit` in any hour, whichever
 * partners' lines they are for. Past it an e-mail is not dropped but held back until the address
 * has room. Pure: the dispatcher brings the instants and applies the answer.
 */
export const ADDRESS_CAP_WINDOW_MS = 3_600_000;
export const DEFAULT_EMAILS_PER_ADDRESS_PER_HOUR = 6;

/**
 * Of `due` e-mails now due to one address (in the order they were claimed), how many go now and
 * when each of the others may go: the earliest instant at which fewer than `limit` e-mails, counting
 * the ones scheduled before it, fall in the hour up to it. `delivered`: the instants the address
 * was handed an e-mail in the hour before `now`, oldest first.
 */
export function scheduleForAddressCap(
  delivered: readonly Date[],
  due: number,
  limit: number,
  now: Date,
): { goNow: number; later: Date[] } {
  const times = delivered.map((d) => d.getTime()).filter((t) => t > now.getTime() - ADDRESS_CAP_WINDOW_MS);
  let goNow = 0;
  const later: Date[] = [];
  for (let i = 0; i < due; i++) {
    if (times.length < limit) {
      goNow++;
      times.push(now.getTime());
      continue;
    }
    // `times` stays sorted: the hour after the limit-th newest send is the first with room.
    const slot = times[times.length - limit]! + ADDRESS_CAP_WINDOW_MS;
    times.push(slot);
    later.push(new Date(slot));
  }
  return { goNow, later };
}
