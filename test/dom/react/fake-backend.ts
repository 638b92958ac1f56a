/** The one FakeBackend lives in test/support; the hooks' tests import it from here too. */
export * from '../../support/fake-backend.js';
