-- E-mail payloads keep their link tokens in `input.secrets`: the dispatcher parses every payload
-- it claims and drops that part once the row is finished. Rows still pending when this runs were
-- written with the links beside the other fields; move them, so they parse and still go out.
update outbox
set payload = jsonb_set(
  payload,
  '{input}',
  ((payload -> 'input') - 'setupUrl' - 'setPasswordUrl' - 'invitationUrl' - 'caseUrl')
    || jsonb_build_object('secrets', jsonb_strip_nulls(jsonb_build_object(
      'setupUrl', payload -> 'input' -> 'setupUrl',
      'setPasswordUrl', payload -> 'input' -> 'setPasswordUrl',
      'invitationUrl', payload -> 'input' -> 'invitationUrl',
      'caseUrl', payload -> 'input' -> 'caseUrl'))))
where topic = 'email' and status = 'pending'
  and payload -> 'input' ?| array['setupUrl', 'setPasswordUrl', 'invitationUrl', 'caseUrl'];
