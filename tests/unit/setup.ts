import { vi } from 'vitest';

// `server-only` throws outside a React Server Components bundle; unit tests run plain Node.
vi.mock('server-only', () => ({}));
