import { prepareTestTemplate } from '../src/db/testing';

/** Builds the migrated template database once, before the workers start. */
export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
