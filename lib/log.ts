/**
 * Structured one-line logs. Callers pass only operational facts: never tokens, e-mails, names
 * or join links.
 */
type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, message: string, fields?: Fields) {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};

export function errorFields(error: unknown): Fields {
  if (error instanceof Error) {
    const extra = error as Error & { kind?: unknown; status?: unknown; path?: unknown };
    return {
      error: error.name,
      errorMessage: error.message,
      kind: typeof extra.kind === 'string' ? extra.kind : undefined,
      status: typeof extra.status === 'number' ? extra.status : undefined,
      path: typeof extra.path === 'string' ? extra.path : undefined,
    };
  }
  return { error: String(error) };
}
