-- What a parts request submitted with an Idempotency-Key said (a SHA-256 of the submission), so that the key reused
-- for a different submission is refused instead of answered with the first request. Requests submitted before this
-- have none and keep answering their key as before.
ALTER TABLE parts_request ADD COLUMN idempotency_fingerprint varchar(64);
