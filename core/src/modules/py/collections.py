"""The collections module (bundled with tripwire; being written)."""
