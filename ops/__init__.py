"""Running plangraph in production: health, tokens, metrics, request logs, fair use, shutdown."""
