/**
 * The `onramp` process entry (bin/onramp.js loads it): runs the command line (see run-cli.ts).
 * A failed command ends the process at once with its exit code; `start`, `web` and `worker` keep
 * it alive while they serve.
 */
import { runCli } from './run-cli.js';

const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exit(code);
