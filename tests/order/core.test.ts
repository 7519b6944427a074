import { describe, expect, it } from 'vitest';
import {
  checkOrder,
  orderDiff,
  orderExample,
  parseOrderInput,
  shuffleStepOrder,
  shuffleSteps,
  stepsText,
} from '../../src/core/order.js';
import { createRng } from '../../src/core/random.js';

const STEPS = ['BIOS', 'Xen hypervisor', 'Dom0', 'DomU'];

describe('shuffleSteps', () => {
  it('is seeded: the same seed gives the same order, every time', () => {
    const a = shuffleSteps(STEPS, 'deck/xen-boot-order:0');
    expect(shuffleSteps(STEPS, 'deck/xen-boot-order:0')).toEqual(a);
    expect(a.shown).toEqual(a.order.map((i) => STEPS[i]));
    expect([...a.order].sort()).toEqual([0, 1, 2, 3]);
  });

  it('gives other orders for other seeds', () => {
    const orders = new Set(Array.from({ length: 30 }, (_, i) => shuffleSteps(STEPS, `seed ${i}`).order.join('')));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('never shows the right order, even for two steps', () => {
    for (let i = 0; i < 200; i++) {
      expect(shuffleStepOrder(2, createRng(`two ${i}`))).toEqual([1, 0]);
      const order = shuffleStepOrder(4, createRng(`four ${i}`));
      expect(order).not.toEqual([0, 1, 2, 3]);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
    }
  });
});

describe('parseOrderInput', () => {
  it.each([
    ['3142', 4, [2, 0, 3, 1]],
    ['3 1 4 2', 4, [2, 0, 3, 1]],
    ['3,1,4,2', 4, [2, 0, 3, 1]],
    ['3, 1, 4, 2', 4, [2, 0, 3, 1]],
    ['  3142  ', 4, [2, 0, 3, 1]],
    ['３１４２', 4, [2, 0, 3, 1]],
    ['3、1、4、2', 4, [2, 0, 3, 1]],
    ['3，1，4，2', 4, [2, 0, 3, 1]],
    ['3 > 1 > 4 > 2', 4, [2, 0, 3, 1]],
    ['3→1→4→2', 4, [2, 0, 3, 1]],
    ['31 42', 4, [2, 0, 3, 1]],
    ['31,4 2', 4, [2, 0, 3, 1]],
    ['21', 2, [1, 0]],
    ['987654321', 9, [8, 7, 6, 5, 4, 3, 2, 1, 0]],
  ])('%j (%i steps) → %j', (text, count, value) => {
    expect(parseOrderInput(text, count)).toEqual({ value });
  });

  it.each([
    ['', 4, 'Type the numbers of the 4 steps in order, e.g. 2143.'],
    ['314', 4, 'Give all 4 steps (3 given), e.g. 2143.'],
    ['31425', 4, 'There is no step 5; the steps are 1–4.'],
    ['3104', 4, 'There is no step 0; the steps are 1–4.'],
    ['3 10 4 2', 4, 'There is no step 0; the steps are 1–4.'],
    ['3143', 4, 'Step 3 is given twice; give each step once.'],
    ['c a d b', 4, 'Only the step numbers 1–4, e.g. 2143.'],
  ])('%j (%i steps) is refused: %s', (text, count, error) => {
    expect(parseOrderInput(text, count)).toEqual({ error });
  });

  it('gives examples that are orders of every length, never 1234', () => {
    for (let n = 2; n <= 9; n++) {
      const example = orderExample(n);
      expect(parseOrderInput(example, n)).toHaveProperty('value');
      expect(example).not.toBe('123456789'.slice(0, n));
    }
  });
});

describe('checkOrder', () => {
  // Shown as 1. Dom0, 2. BIOS, 3. DomU, 4. Xen hypervisor.
  const shown = { shown: ['Dom0', 'BIOS', 'DomU', 'Xen hypervisor'], order: [2, 0, 3, 1] };

  it.each([
    ['2413', 'correct', []],
    ['4213', 'almost', [0, 1]], // BIOS and Xen swapped: a slip
    ['2143', 'almost', [1, 2]],
    ['2431', 'almost', [2, 3]],
    ['1423', 'wrong', [0, 2]], // two steps swapped that are not neighbours
    ['3142', 'wrong', [0, 1, 2, 3]],
    ['4123', 'wrong', [0, 1, 2]],
  ])('%s is %s (wrong places %j)', (typed, verdict, wrong) => {
    const parsed = parseOrderInput(typed, 4);
    if (!('value' in parsed)) throw new Error(parsed.error);
    const check = checkOrder(parsed.value, shown);
    expect(check.wrong).toEqual(wrong);
    expect(check.verdict).toBe(verdict);
  });

  it('names the step put in each wrong place', () => {
    const check = checkOrder([3, 1, 0, 2], shown); // Xen, BIOS, Dom0, DomU
    expect(orderDiff(['BIOS', 'Xen hypervisor', 'Dom0', 'DomU'], check)).toEqual([
      { position: 0, step: 'BIOS', ok: false, given: 'Xen hypervisor' },
      { position: 1, step: 'Xen hypervisor', ok: false, given: 'BIOS' },
      { position: 2, step: 'Dom0', ok: true },
      { position: 3, step: 'DomU', ok: true },
    ]);
    expect(check.verdict).toBe('almost');
  });

  it('writes the right order as one line', () => {
    expect(stepsText(STEPS)).toBe('BIOS → Xen hypervisor → Dom0 → DomU');
  });
});
