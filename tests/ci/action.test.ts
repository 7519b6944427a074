import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { TEST_CACHE_DIR } from '../helpers/cache.js';

/*
 * The GitHub Action and the pre-commit hook, run here the way GitHub and pre-commit run them:
 * the action's `run` steps as `bash --noprofile --norc -eo pipefail` scripts with the inputs in
 * their environment, the hook's entry with the staged files its `files`/`exclude` select, both
 * against a deck repository made by `quizdeck init`. A `quizdeck` on PATH runs the built binary;
 * the install step gets a recording `npm` (tests/ci/install.test.ts installs the packed package
 * for real).
 */

const ROOT = resolve(import.meta.dirname, '../..');
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Step[] };
};
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
}[];

let dir: string;
let repo: string;
let bin: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizdeck-action-'));
  repo = join(dir, 'repo');
  expect(runCli(['init', repo, '--repo', 'someone/quizdeck']).code).toBe(0);
  writeFileSync(
    join(repo, 'decks/second deck.yaml'),
    'deck: second\ntitle: Second\ncards:\n  - id: one\n    q: Is this the second deck?\n    a: yes, it is\n',
  );
  bin = join(dir, 'bin');
  mkdirSync(bin);
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool('quizdeck', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"`);
  // Records each call; `npm pack` answers with the tarball's name as npm does.
  tool('npm', `echo "$PWD: npm $*" >> "${join(dir, 'npm.log')}"\nif [ "$1" = pack ]; then echo quizdeck-0.1.0.tgz; fi`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `${{ inputs.NAME }}` as GitHub fills it: the input given, else its default. */
function expand(text: string, inputs: Record<string, string>): string {
  return text.replace(
    /\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g,
    (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '',
  );
}

function runStep(step: Step, inputs: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH}`,
    NO_COLOR: '1',
    QUIZDECK_CACHE_DIR: TEST_CACHE_DIR,
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_WORKSPACE: repo,
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs);
  writeFileSync(join(dir, 'step.sh'), step.run!);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', join(dir, 'step.sh')], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;

describe('action.yml', () => {
  it('is a composite action that sets up Node and passes inputs only through the environment', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toEqual({
      uses: 'actions/setup-node@v4',
      with: { 'node-version': '${{ inputs.node-version }}' },
    });
    for (const s of action.runs.steps.filter((s) => s.run)) {
      expect(s.shell).toBe('bash');
      // An expression inside a script would paste the input into the shell code.
      expect(s.run).not.toContain('${{');
    }
    expect(Object.keys(action.inputs).sort()).toEqual(['node-version', 'paths', 'sarif', 'strict']);
  });

  it('installs quizdeck from its own checkout: npm ci, npm pack, npm install -g of the tarball', () => {
    const r = runStep(step('Install quizdeck'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'npm.log'), 'utf8').split('\n')).toEqual([
      `${ROOT}: npm ci --no-audit --no-fund --loglevel=error`,
      `${ROOT}: npm pack --ignore-scripts --silent --pack-destination ${dir}`,
      `${ROOT}: npm install -g --no-audit --no-fund --loglevel=error ${dir}/quizdeck-0.1.0.tgz`,
      '',
    ]);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('validates the default paths (decks) of a deck repository and passes', () => {
    const r = runStep(step('Validate decks'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('quizdeck: no problems in decks\n');
  });

  it('fails with a GitHub annotation per problem, on the paths given (spaces and new lines), and writes SARIF when asked', () => {
    writeFileSync(
      join(repo, 'decks/broken.yaml'),
      'deck: broken\ntitle: Broken\ncards:\n  - id: one\n    qestion: typo\n    a: x\n',
    );
    try {
      const r = runStep(step('Validate decks'), {
        paths: 'decks/broken.yaml\ndecks/example.yaml  .github',
        sarif: 'out.sarif',
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('::error file=.github/workflows/decks.yml,'); // not a deck: the paths are the ones given
      expect(r.stdout).toContain(
        '::error file=decks/broken.yaml,line=5,col=5,title=unknown-key::unknown key "qestion"',
      );
      const sarif = JSON.parse(readFileSync(join(repo, 'out.sarif'), 'utf8'));
      expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('unknown-key');

      const broken = runStep(step('Validate decks'), { paths: 'decks/broken.yaml' });
      expect(broken.code).toBe(1);
      expect(
        broken.stdout
          .trim()
          .split('\n')
          .every((line) => line.startsWith('::error file=decks/broken.yaml,')),
      ).toBe(true);
    } finally {
      rmSync(join(repo, 'decks/broken.yaml'));
      rmSync(join(repo, 'out.sarif'), { force: true });
    }
  });

  it('fails on warnings only with strict: true', () => {
    writeFileSync(
      join(repo, 'decks/warn.yaml'),
      'deck: warn\ntitle: Warn\ncards:\n  - id: one\n    q: Is Paris the capital of France?\n    a: Paris\n',
    );
    try {
      expect(runStep(step('Validate decks'), { paths: 'decks' }).code).toBe(0);
      const strict = runStep(step('Validate decks'), { paths: 'decks', strict: 'true' });
      expect(strict.code).toBe(1);
      expect(strict.stdout).toContain('::warning file=decks/warn.yaml,line=6,col=8,title=answer-in-question::');
    } finally {
      rmSync(join(repo, 'decks/warn.yaml'));
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'quizdeck-validate')!;
  /** The files pre-commit hands the hook: `files` and not `exclude` (Python `re.search`, which these patterns share with JavaScript). */
  const selected = (files: string[]) =>
    files.filter((f) => new RegExp(hook.files).test(f) && !(hook.exclude && new RegExp(hook.exclude).test(f)));
  const runHook = (files: string[]) => {
    const [command, ...args] = hook.entry.split(' ');
    const r = spawnSync(command!, [...args, ...files], {
      cwd: repo,
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env.PATH}`,
        NO_COLOR: '1',
        QUIZDECK_CACHE_DIR: TEST_CACHE_DIR,
      },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('is a node hook named quizdeck-validate that selects deck files, not workflows or its own config', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'quizdeck validate' });
    const files = [
      'decks/example.yaml',
      'decks/second deck.yaml',
      'notes/x.yml',
      '.github/workflows/decks.yml',
      '.pre-commit-config.yaml',
      'README.md',
      'schema/deck.schema.json',
    ];
    expect(selected(files)).toEqual(['decks/example.yaml', 'decks/second deck.yaml', 'notes/x.yml']);
  });

  it('passes on the files of a new deck repository and fails with FILE:LINE:COL on a broken deck', () => {
    const all = [
      'decks/example.yaml',
      'decks/second deck.yaml',
      '.github/workflows/decks.yml',
      '.pre-commit-config.yaml',
      'README.md',
    ];
    const ok = runHook(selected(all));
    expect(ok).toMatchObject({ code: 0, stdout: '✔ 2 files checked, no problems\n' });
    writeFileSync(join(repo, 'decks/broken.yaml'), 'deck: broken\ntitle: Broken\ncards: []\n');
    try {
      const bad = runHook(selected([...all, 'decks/broken.yaml']));
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('decks/broken.yaml:3:8  error  no-cards');
    } finally {
      rmSync(join(repo, 'decks/broken.yaml'));
    }
  });
});
