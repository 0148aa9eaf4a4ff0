import { expect } from 'vitest';
import type { TestApp } from './app';

/**
 * Makes a rule-set version active the way operators must: a manager asks, the admin (another
 * person) approves.
 */
export async function activateRuleSet(t: TestApp, version: string): Promise<void> {
  const asked = await t.as('manager', { method: 'POST', url: `/v1/rule-sets/${version}/activation-requests`, payload: { reason: 'test activation' } });
  expect(asked.statusCode, asked.body).toBe(201);
  const approved = await t.as('admin', { method: 'POST', url: `/v1/rule-sets/activation-requests/${(asked.json() as { id: string }).id}/approve`, payload: {} });
  expect(approved.statusCode, approved.body).toBe(200);
}
