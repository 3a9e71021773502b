import type { MailMessage } from '../../platform/mail/mailer.ts';

// The token stands on a line of its own (short lines are never re-wrapped by the mail encoder), and
// in a link when PUBLIC_URL says where the storefront is.
function body(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function link(publicUrl: string | undefined, page: string, token: string): string[] {
  return publicUrl ? ['', `${publicUrl.replace(/\/$/, '')}${page}?token=${token}`] : [];
}

export function verificationMail(
  to: string,
  name: string,
  token: string,
  hours: number,
  publicUrl?: string,
): MailMessage {
  return {
    to,
    subject: 'Confirm your email address',
    text: body([
      `Hello ${name},`,
      '',
      'Confirm your email address with this code:',
      '',
      token,
      ...link(publicUrl, '/account/verify-email', token),
      '',
      `The code works once and expires in ${hours} hours.`,
    ]),
  };
}

export function passwordResetMail(
  to: string,
  name: string,
  token: string,
  minutes: number,
  publicUrl?: string,
): MailMessage {
  return {
    to,
    subject: 'Reset your password',
    text: body([
      `Hello ${name},`,
      '',
      'Someone (we hope you) asked to reset the password of your account. Use this code:',
      '',
      token,
      ...link(publicUrl, '/account/reset-password', token),
      '',
      `The code works once and expires in ${minutes} minutes. Resetting signs you out everywhere.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ]),
  };
}

export function sellerDecisionMail(
  to: string,
  name: string,
  approved: boolean,
  reason?: string,
): MailMessage {
  return {
    to,
    subject: approved ? 'Your seller application is approved' : 'Your seller application was not approved',
    text: body(
      approved
        ? [`Hello ${name},`, '', 'Your seller account is ready: you can now list products.']
        : [`Hello ${name},`, '', 'Your seller application was not approved.', '', `Reason: ${reason ?? '-'}`],
    ),
  };
}
