-- Tenant names became unique ignoring case: "T1" (or "T1 ", trimmed) is refused when "t1" exists,
-- as "t1" twice always was. Lower-case comparison follows the database's own lower() (Unicode
-- letters too: "ÉCOLE" and "école" are the same name).
--
-- Names that already differ only by case would make the unique index fail, and with it this
-- migration and so every start-up (the server, the worker and the CLI all migrate first, and an
-- embedded database leaves no other way in to rename one). They cannot be kept and enforced for new
-- names alone: a unique index holds for every row. So the oldest tenant of each such group keeps
-- its name, and every later one gets its own id appended, "Acme (0f1e2d3c-…)", which is unique and
-- says which tenant it is. Ids, API keys, policies, integrations and handoffs are untouched; only a
-- lookup by the old name of a renamed tenant (SLACK_TENANT, `baton tenants … NAME`) must change to
-- its new name or its id. Lookups by name stay exact, so none can land on another tenant.

UPDATE tenants AS t
SET name = t.name || ' (' || t.id::text || ')'
FROM (
  SELECT id, row_number() OVER (PARTITION BY lower(name) ORDER BY created_at, id) AS rank
  FROM tenants
) AS ranked
WHERE ranked.id = t.id AND ranked.rank > 1;

CREATE UNIQUE INDEX tenants_name_lower_key ON tenants (lower(name));
