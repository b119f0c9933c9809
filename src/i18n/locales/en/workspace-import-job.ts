/** English words of a large order import running in the background (namespace `workspace`, key `importJob`). */
export const importJobEn = {
  title: 'Importing orders',
  progressLabel: 'Rows done',
  rows: '{{done}} of {{total}} rows',
  queued: 'Checking every row first: nothing is written before the whole file is checked.',
  importing: 'Writing the orders.',
  allOrNothing: 'All or nothing: no order is imported unless every row is valid.',
  partial: 'Importing the valid orders: rows with problems are listed when the import is done.',
  goesOn:
    'This page refreshes by itself. You may leave it: the import goes on, and this page shows its result.',
  doneTitle: 'Import finished',
  failedTitle: 'Import stopped',
  failed: 'The import stopped before the end. What was imported stays; the rest was not written.',
  another: 'Import another file',
};
