/**
 * The demo environment is an environment like any other, opened with a passphrase that is
 * published on the start screen. The vault knows only that much; the demo domain builds it.
 */
export const DEMO_ENVIRONMENT_ID = 'demo-school';
export const DEMO_PASSPHRASE = 'demo-zorgoverleg';
