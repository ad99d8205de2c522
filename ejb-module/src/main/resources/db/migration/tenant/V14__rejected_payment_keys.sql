-- Not in MPM: a refused payment sent with an Idempotency-Key keeps its key with the refusal (status, field and
-- message of the answer), so that a retry with the key is refused alike instead of recording another attempt.
-- Such a key has no transaction (transaction_id NULL): refused attempts are kept as the provider's row with
-- status -1 and a transaction_conflicts row, never as transactions.
ALTER TABLE payment_idempotency_keys
  ADD COLUMN rejection_status SMALLINT NULL,
  ADD COLUMN rejection_field VARCHAR(64) NULL,
  ADD COLUMN rejection_message VARCHAR(1000) NULL;
