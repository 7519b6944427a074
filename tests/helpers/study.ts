import type { SessionSummary } from '../../src/core/study/drive.js';

/** A summary of a session that did nothing, with the default limits: tests override what they show. */
export const NO_SESSION: SessionSummary = {
  cram: false,
  studied: 0,
  again: 0,
  elapsedMs: 0,
  dueTomorrow: 0,
  learningLater: 0,
  leeches: 0,
  newHeldBack: 0,
  newPerDay: 20,
  reviewsHeldBack: 0,
  reviewsPerDay: 200,
};
