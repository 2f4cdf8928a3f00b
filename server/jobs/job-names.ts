/**
 * Queue names. pg-boss 10 only checks that a name holds one word character; pg-boss 11 allows
 * letters, digits, `_`, `-`, `.` and `/`. Ours stay within the stricter `^[a-z0-9-]+$` so an
 * upgrade never rejects them.
 */
export const HANDOFF_ASSEMBLE = 'handoff-assemble';

/**
 * The dead letter of HANDOFF_ASSEMBLE: pg-boss moves an assembly job here once it has used up its
 * retries, however it failed (thrown, expired, left running by a process that died). Its worker marks
 * the handoff `failed` and still alerts the team with the first brief.
 */
export const HANDOFF_ASSEMBLE_FAILED = 'handoff-assemble-failed';

/** The model's brief (OpenAI writer), enqueued with the assembled one; only worked when a model is configured. */
export const BRIEF_ENRICH = 'brief-enrich';

/** A stored helpdesk webhook event: follow-up facts, or a handoff to fetch and record. */
export const HELPDESK_EVENT = 'helpdesk-event';

/** A brief version written back to its ticket as an internal note, with tags and group. */
export const HELPDESK_WRITE_BACK = 'helpdesk-write-back';

/**
 * The dead letter of HELPDESK_WRITE_BACK: a note that used up its retries (the helpdesk kept
 * refusing it, or the job kept dying) is recorded on its handoff (delivery_failures) and logged.
 */
export const HELPDESK_WRITE_BACK_FAILED = 'helpdesk-write-back-failed';

/** A dead-letter queue comes before the queue that names it (pg-boss checks the name exists). */
export const JOB_NAMES = [HANDOFF_ASSEMBLE_FAILED, HANDOFF_ASSEMBLE, BRIEF_ENRICH, HELPDESK_EVENT, HELPDESK_WRITE_BACK_FAILED, HELPDESK_WRITE_BACK] as const;

export type JobName = (typeof JOB_NAMES)[number];

/** Queues whose jobs go to a dead letter when their retries are used up. */
export const DEAD_LETTERS: Readonly<Partial<Record<JobName, JobName>>> = {
  [HANDOFF_ASSEMBLE]: HANDOFF_ASSEMBLE_FAILED,
  [HELPDESK_WRITE_BACK]: HELPDESK_WRITE_BACK_FAILED,
};

export const JOB_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,49}$/;
