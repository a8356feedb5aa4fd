/**
 * What the background checks beyond `messaging/validate.ts`, because only it has the dataset: an
 * answer id a card sends must be one of ours.
 */
import dataset from 'virtual:dataset';
import { answerId, MessageRefused } from '../messaging/validate';

const ANSWER_IDS = new Set(dataset.qa.map((entry) => entry.id));

export function knownAnswerId(value: unknown): string {
  const id = answerId(value);
  if (!ANSWER_IDS.has(id)) throw new MessageRefused(`refused: no answer ${id}`);
  return id;
}
