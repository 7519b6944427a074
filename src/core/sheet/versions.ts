import { shuffleStepOrder } from '../order.js';
import { createRng, shuffle, type Rng } from '../random.js';
import {
  versionLabel,
  type BaseQuestion,
  type QuestionBody,
  type Sheet,
  type SheetQuestion,
  type SheetVersion,
} from './model.js';

/** What a sheet says of itself, and how many versions to make. */
export type SheetSettings = Omit<Sheet, 'versions'> & { versions: number };

/**
 * Every version asks the same questions; each has its own question order and choice order,
 * drawn from streams named after the seed and the version label, so version B stays the same
 * whether 2 or 5 versions are printed.
 */
export function buildSheet(questions: readonly BaseQuestion[], settings: SheetSettings): Sheet {
  const versions: SheetVersion[] = [];
  for (let v = 0; v < settings.versions; v++) {
    const label = versionLabel(v);
    const choiceRng = createRng(`${settings.seed}:${label}:choices`);
    // Choices are shuffled in selection order, before the questions are, so a question's
    // choice order does not depend on where it lands.
    // Steps of order questions from a stream of their own, so adding one leaves the choices of the others as they were.
    const stepRng = createRng(`${settings.seed}:${label}:steps`);
    const bodies = questions.map((q) =>
      q.body.type === 'order' ? shuffleOrder(q.body, stepRng) : shuffleChoices(q.body, choiceRng),
    );
    const order = shuffle(
      questions.map((_, i) => i),
      createRng(`${settings.seed}:${label}:order`),
    );
    versions.push({ label, questions: order.map((i, n) => sheetQuestion(questions[i]!, bodies[i]!, n + 1)) });
  }
  const { versions: _count, ...rest } = settings;
  return { ...rest, versions };
}

function sheetQuestion(q: BaseQuestion, body: QuestionBody, number: number): SheetQuestion {
  return { key: q.key, deckId: q.deckId, lang: q.lang, tags: q.tags, section: q.section, why: q.why, body, number };
}

/** The steps in a shuffled order that is never the right one (shuffleStepOrder). */
function shuffleOrder(body: Extract<QuestionBody, { type: 'order' }>, rng: Rng): QuestionBody {
  const order = shuffleStepOrder(body.steps.length, rng);
  return { ...body, steps: order.map((i) => body.steps[i]!), rank: order.map((i) => body.rank[i]!) };
}

function shuffleChoices(body: QuestionBody, rng: Rng): QuestionBody {
  if (body.type !== 'choice') return body;
  const order = shuffle(
    body.choices.map((_, i) => i),
    rng,
  );
  return {
    ...body,
    choices: order.map((i) => body.choices[i]!),
    correct: order.flatMap((original, position) => (body.correct.includes(original) ? [position] : [])),
  };
}
