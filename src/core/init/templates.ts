/*
 * The files of a new deck repository (`quizdeck init`): an example deck that validates, the
 * deck schema it points at for editors, a GitHub workflow that runs quizdeck's action, a
 * pre-commit config using quizdeck's hook, and a README. Pure: paths and contents only.
 */

export interface InitFile {
  /** Relative to the repository, with `/`. */
  path: string;
  content: string;
}

export interface InitOptions {
  /** The GitHub repository of quizdeck (`owner/quizdeck`), for the action and the hook. */
  quizdeckRepo: string;
  /** The branch or tag of quizdeck that the workflow and the hook use. */
  ref: string;
  /** `JSON.stringify` of the deck schema (`quizdeck schema`). */
  schemaJson: string;
}

export const EXAMPLE_DECK_PATH = 'decks/example.yaml';
export const SCHEMA_PATH = 'schema/deck.schema.json';
export const WORKFLOW_PATH = '.github/workflows/decks.yml';

export function deckRepositoryFiles(options: InitOptions): InitFile[] {
  return [
    { path: EXAMPLE_DECK_PATH, content: exampleDeck() },
    { path: SCHEMA_PATH, content: options.schemaJson.endsWith('\n') ? options.schemaJson : `${options.schemaJson}\n` },
    { path: WORKFLOW_PATH, content: workflow(options) },
    { path: '.pre-commit-config.yaml', content: preCommitConfig(options) },
    { path: 'README.md', content: readme(options) },
  ];
}

function exampleDeck(): string {
  return `# yaml-language-server: $schema=../${SCHEMA_PATH}
# One deck per file. Check it with \`quizdeck validate\`, study it with \`quizdeck study\`.
deck: example
title: Example deck
lang: en
description: A card of each type; replace them with your own.
tags: [example]
cards:
  - id: spaced-repetition
    q: What do you call reviewing a fact at growing intervals, just before you would forget it?
    a: Spaced repetition
    accept: [spaced review]
    why: Each successful review makes the memory last longer, so the next review can wait longer.
  - id: fsrs-meaning
    type: choice
    q: Which scheduler does quizdeck use?
    choices: [FSRS, SM-2, Leitner boxes]
    answer: FSRS
    why: FSRS (Free Spaced Repetition Scheduler) models how likely you are to recall each card.
  - id: cloze-cards
    type: cloze
    text: A cloze card hides {{one or more parts::what}} of a sentence.
  - id: yaml-decks
    type: truefalse
    q: Decks are plain YAML files, so they can live in git and be reviewed in pull requests.
    answer: true
  - id: review-steps
    type: order
    q: Put the steps of one review in order.
    steps:
      - See the question
      - Answer it from memory
      - Check the answer
      - Grade how well you knew it
`;
}

function workflow({ quizdeckRepo, ref }: InitOptions): string {
  return `# Checks every deck on each push and pull request; problems show as annotations.
name: decks
on:
  push:
  pull_request:
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ${quizdeckRepo}@${ref}
        with:
          paths: decks
`;
}

function preCommitConfig({ quizdeckRepo, ref }: InitOptions): string {
  return `# pre-commit install   # then every commit that changes a deck validates it
repos:
  - repo: https://github.com/${quizdeckRepo}
    rev: ${ref}
    hooks:
      - id: quizdeck-validate
        files: ^decks/.*\\.ya?ml$
`;
}

function readme({ quizdeckRepo }: InitOptions): string {
  return `# Decks

Flashcard decks for [quizdeck](https://github.com/${quizdeckRepo}), one YAML file per deck in
\`decks/\`.

\`\`\`sh
quizdeck validate          # check every deck in decks/ (CI runs this on each push)
quizdeck study             # spaced-repetition session
quizdeck quiz -n 10        # an exam of 10 questions
quizdeck print -o sheet.html
\`\`\`

Editors with the YAML language server check and complete decks as you type, through the
\`# yaml-language-server: $schema=...\` line at the top of each deck
(\`${SCHEMA_PATH}\`, refreshed with \`quizdeck schema > ${SCHEMA_PATH}\`).

- CI: \`${WORKFLOW_PATH}\` runs \`quizdeck validate\` on every push and pull request.
- Before each commit: \`pre-commit install\` (see \`.pre-commit-config.yaml\`).
`;
}
