-- A write-back job's claim on one note (handoff, version, provider) while it talks to the helpdesk:
-- a second job for the same note (two paths can enqueue one) waits for a retry instead of writing
-- it too. A claim lapses at claimed_until, so a job that died mid-write does not block its retry
-- (which then finds the note's marker on the ticket, or writes it).

CREATE TABLE helpdesk_note_claims (
  handoff_id uuid NOT NULL REFERENCES handoffs (id) ON DELETE CASCADE,
  version integer NOT NULL,
  provider text NOT NULL,
  claimed_until timestamptz NOT NULL,
  PRIMARY KEY (handoff_id, version, provider)
);
