// The package as a user installs it, through `import` (ES module entry node.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as api from 'smtp-reply';
import { checks } from './checks.mjs';

for (const [name, check] of checks) {
  test(`esm: ${name}`, () => check(api, assert));
}

test('esm: init() exists and resolves at once in Node', async () => {
  assert.equal(await api.init(), undefined);
  assert.equal(api.parse('250 OK').code, 250);
});
