-- Free text in the list (title, acronym, reference) is a substring match: only a trigram index can
-- serve it. pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
create extension if not exists pg_trgm;
create index request_view_search on request_view using gin (search_text gin_trgm_ops);
