-- Queue names became limited to 200 characters (the policy schema). A tenant stored before with a
-- longer one could not record an escalation in that queue (its per-queue count's key broke the
-- index), and its policy would no longer parse: the overlong names are dropped, so those
-- categories go to their default queue.

UPDATE tenants
SET policy = jsonb_set(
  policy,
  '{queues}',
  (SELECT coalesce(jsonb_object_agg(category, queue), '{}'::jsonb)
   FROM jsonb_each(policy -> 'queues') AS q(category, queue)
   WHERE length(queue #>> '{}') <= 200)
)
WHERE jsonb_typeof(policy -> 'queues') = 'object'
  AND EXISTS (SELECT 1 FROM jsonb_each(policy -> 'queues') AS q(category, queue) WHERE length(queue #>> '{}') > 200);
