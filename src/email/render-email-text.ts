import type { EmailBlock, EmailDocument } from './email-document.js';

/** The plain-text alternative: the same blocks as the HTML, every URL written out in full. */
export function renderEmailText(doc: EmailDocument): string {
  const sections = [
    `${doc.heading}\n${'='.repeat(doc.heading.length)}`,
    doc.greeting,
    ...doc.blocks.map(renderBlock),
    doc.signOff.join('\n'),
    `-- \n${doc.footer}`,
  ];
  return `${sections.join('\n\n')}\n`;
}

function renderBlock(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'link':
      return `${block.text}\n${block.url}`;
    case 'button':
      return `${block.label}:\n${block.url}`;
    case 'table':
      return [
        `${block.caption}:`,
        ...block.rows.map((row) =>
          row.map((cell, i) => `${i === 0 ? '- ' : '  '}${block.columns[i] ?? ''}: ${cell}`).join('\n'),
        ),
      ].join('\n');
    case 'facts':
      return block.rows.map((row) => `${row.label}: ${row.value}`).join('\n');
    case 'quote':
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`.trimEnd())
        .join('\n');
  }
}
