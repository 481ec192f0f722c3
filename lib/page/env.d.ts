/** Build-time flags set in wxt.config.ts (`vite.define`). */
interface ImportMetaEnv {
  /** True only in a test build (`NHS_CONTEXT_TEST_HOSTS=1`): enables lib/page/test-hook.ts. */
  readonly NHS_CONTEXT_TEST?: boolean;
}
