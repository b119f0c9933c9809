-- Each webhook endpoint may choose the event types it hears about; null: every type (as before).
alter table webhook_endpoint add column events text[];
