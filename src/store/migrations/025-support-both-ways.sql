-- Support talks both ways (issue 20).
--
-- A requester answers on the case page: their reply is an event of its own kind
-- (`requester_reply`, with the ids of the screenshots it added in `data`), and the case waits
-- for an agent (`awaiting_agent`). There is no assignment of cases to agents: the queue's status
-- is how agents learn a requester answered.
--
-- A case that is resolved or closed remembers when (`closed_at`): its requester may reopen it by
-- replying within the reopening window (REOPEN_WINDOW_DAYS in src/domain/support-case.ts).
-- Cases closed before this migration count from their last update.
alter table support_case drop constraint support_case_status_check;
alter table support_case add constraint support_case_status_check
  check (status in ('open', 'in_progress', 'awaiting_agent', 'waiting_on_customer', 'resolved', 'closed'));
alter table support_case add column closed_at timestamptz;
update support_case set closed_at = updated_at where status in ('resolved', 'closed');

alter table support_case_event drop constraint support_case_event_kind_check;
alter table support_case_event add constraint support_case_event_kind_check
  check (kind in ('opened', 'reply', 'requester_reply', 'status', 'resend', 'contact_change'));
