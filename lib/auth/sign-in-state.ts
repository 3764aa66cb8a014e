/** What the sign-in action answers when it does not redirect into the console. Client-safe. */
export type SignInState = { status: 'idle' } | { status: 'error'; message: string; email: string; attempt: number };

export const INITIAL_SIGN_IN_STATE: SignInState = { status: 'idle' };
