-- The shared SMTP sending budget (SMTP_MAX_PER_SECOND): one row every worker reserves send slots
-- from in the statement that claims its e-mails (see store/send-budget-repository.ts), so the
-- rate holds across any number of worker processes. The arithmetic is domain/send-budget.ts.
create table smtp_budget (
  id smallint primary key check (id = 1),
  -- The first instant no worker has reserved yet; a claim's slots start at it or now, later of the two.
  next_slot_at timestamptz not null,
  -- After a throttling answer (421/454) the slots are `slow_factor` times as far apart until then.
  slow_until timestamptz not null,
  slow_factor integer not null check (slow_factor >= 1)
);
insert into smtp_budget (id, next_slot_at, slow_until, slow_factor) values (1, 'epoch', 'epoch', 1);
