import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY, policyTable } from './access-policy.ts';
import { CALLS } from './calls.ts';
import { DOC, tableInDoc } from './print-policy.ts';

describe('the access policy', () => {
  it('is the table docs/security.md shows', () => {
    expect(
      tableInDoc(fs.readFileSync(DOC, 'utf8')),
      'docs/security.md is out of date: run `npx tsx test/security/print-policy.ts --write`',
    ).toBe(policyTable());
  });

  it('has a call for every entry and an entry for every call', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(ACCESS_POLICY).sort());
  });

  it('names an owner wherever it lets owners in, and lets no allowed caller be refused', () => {
    for (const [op, access] of Object.entries(ACCESS_POLICY)) {
      expect(access.allow.includes('owner'), op).toBe(Boolean(access.owner?.length));
      expect(CALLS[op]?.accept?.status ?? [], op).not.toContain(401);
      expect(CALLS[op]?.accept?.status ?? [], op).not.toContain(403);
    }
  });
});
