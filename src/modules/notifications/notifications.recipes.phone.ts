import type { Recipe } from './notifications.recipes.ts';

/**
 * Identity's phone sign-in code, to the phone that asked for it (by SMS only: the recipient has no
 * other address here). A security message: no opt-out, no quiet hours; its body is stored sealed.
 */
export const signInCode: Recipe = async (input) => {
  const phone = input.payload.phone;
  const code = input.payload.code as { sealed?: unknown; aad?: unknown } | undefined;
  if (typeof phone !== 'string' || typeof code?.sealed !== 'string' || typeof code.aad !== 'string')
    return [];
  const opened = input.sources.openSecret(code.sealed, code.aad);
  if (!opened) return [];
  const userId = typeof input.payload.userId === 'string' ? input.payload.userId : null;
  return [
    {
      type: 'SIGN_IN_CODE',
      recipient: { userId, name: null, email: null, phone },
      data: { code: opened, minutes: input.payload.minutes },
    },
  ];
};
