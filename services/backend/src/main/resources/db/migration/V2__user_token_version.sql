-- Signing out bumps the user's token version; tokens carry the version they were issued under
-- ("tv" claim) and older ones are refused, on every replica (they share this row).
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
