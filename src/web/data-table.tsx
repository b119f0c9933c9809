/**
 * The frame every list table shares: the scrolling wrapper, a caption for screen readers, the
 * header row. On a phone a `stack` table shows each row as a card, so every cell of the rows
 * names its column in `data-label`.
 */
import type { Child } from 'hono/jsx';

export function DataTable(props: { class?: string; caption: string; columns: string[]; children: Child }) {
  return (
    <div class="table-wrap">
      <table class={props.class ? `data stack ${props.class}` : 'data stack'}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((label) => (
              <th scope="col">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
