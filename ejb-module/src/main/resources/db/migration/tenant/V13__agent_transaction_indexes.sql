-- Not in MPM: an agent's transactions (the agent app's list) are found from agent_transactions by agent_id, then
-- their transactions rows by the provider row they point to.
CREATE INDEX agent_transactions_agent_id_index ON agent_transactions (agent_id);
CREATE INDEX transactions_original_transaction_index ON transactions (original_transaction_type, original_transaction_id);
