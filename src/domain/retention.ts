/** How long each kind of data is kept, in days (RETENTION_*_DAYS; see jobs/purge-expired-data.ts). 0 keeps it forever. */
export interface Retention {
  /** Finished e-mails in the outbox (sent, failed for good, withdrawn, superseded), bodies included: days after they finished. */
  outboxDays: number;
  /** Finished webhook deliveries and their attempts: days after they finished. */
  webhookDeliveriesDays: number;
  /** Sign-in sessions: days after they expired. */
  sessionsDays: number;
  /** Setup, password and invitation links: days after they expired (used and replaced ones too). */
  linksDays: number;
  /** Mail the built-in sink captured: days after it arrived. */
  capturedMailDays: number;
  /** Screenshots of closed support cases: days after the case closed. */
  screenshotsDays: number;
}

export const DEFAULT_RETENTION: Retention = {
  outboxDays: 30,
  webhookDeliveriesDays: 30,
  sessionsDays: 7,
  linksDays: 30,
  capturedMailDays: 14,
  screenshotsDays: 90,
};
