/**
 * The words an order question prints, by the deck's language (as SheetStrings are): the line
 * under the question, and the arrow between steps in the key.
 */
export interface OrderStrings {
  /** Under an order question, above its steps with boxes. */
  numberSteps: string;
}

const en: OrderStrings = { numberSteps: 'Number the steps in order' };
const zh: OrderStrings = { numberSteps: '按正确顺序给步骤编号' };

export function orderStrings(lang: string): OrderStrings {
  return /^zh\b/i.test(lang) ? zh : en;
}
