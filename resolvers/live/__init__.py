"""Live updates: the outbox's committed events, fanned out to this process's subscribers."""
