/**
 * What a queue name looks like, wherever one is set: a tenant policy's `queues`, a Slack route
 * (`/baton route`, the admin API, the CLI). Slack routes are stored and looked up under names of this
 * shape (its commands lower-case the word first), so a policy queue outside it could never be routed.
 * At most 100 characters, under an id's limit: a queue name keys the store's per-queue counts.
 *
 * Not in codes.ts: that file is a training input of the intent model (its hash is recorded with the
 * weights), and a queue name's shape is nothing the model learns from.
 */
export const QUEUE_NAME = /^[a-z0-9][a-z0-9_-]{0,99}$/;
