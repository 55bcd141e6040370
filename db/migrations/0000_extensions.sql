-- Trigram indexes power typo-tolerant search (available in PostgreSQL contrib and shipped with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
