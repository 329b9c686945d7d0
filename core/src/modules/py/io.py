"""The io module (bundled with tripwire; being written)."""
