declare module 'dumb-passwords' {
  const dumbPasswords: { check(password: string): boolean };
  export default dumbPasswords;
}

declare module 'razorpay/dist/utils/razorpay-utils.js' {
  const utils: {
    validateWebhookSignature(body: string, signature: string, secret: string): boolean;
    validatePaymentVerification(
      params: { order_id: string; payment_id: string },
      signature: string,
      secret: string,
    ): boolean;
  };
  export default utils;
}
