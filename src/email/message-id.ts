/**
 * Our Message-IDs carry the outbox row's stable key, so a retry after a crash is the same message
 * and a delivery report (DSN, provider callback) names the send it is about.
 */
export function messageIdOf(messageKey: string, publicUrl: string): string {
  return `<${messageKey}@${new URL(publicUrl).hostname}>`;
}

/** The inverse: `<snd_abc@onramp.example>` (brackets optional) -> `snd_abc`. */
export function messageKeyOf(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  const at = bare.lastIndexOf('@');
  return at < 0 ? bare : bare.slice(0, at);
}
